/**
 * The department's rank (评比排队) per quarter for the trend table: `rankHistory` over the loaded
 * dataset with exactly the options the rankings page uses (executeRankingJob), so the ranks are
 * the ranking page's. Runs on the main thread once per dataset × settings × quarter (cached by
 * react-query, shared by every department page): about 0.3 s for 50 000 cases, after the page
 * has painted. The rankings page runs the same job in its own worker; features cannot share it.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { periodKey } from '../../domain/period/period';
import { indexDataset, type Dataset } from '../../engine/dataset';
import type { Quarter, RankHistory } from '../../engine/ranking';
import { executeRankingJob, type RankingJobOptions } from '../../engine/ranking-view-job';
import { useActiveDataset } from '../../engine/use-active-dataset';
import { useSettingsStore } from '../../state/settings-store';

export interface DepartmentRanks {
  status: 'pending' | 'ready' | 'error';
  /** Rank per quarter key (null = not ranked, e.g. 样本不足), when ready. */
  ranks: ReadonlyMap<string, number | null>;
  /** Departments ranked per quarter key, for "第 3 / 28 名". */
  rankedCount: ReadonlyMap<string, number>;
}

const yieldToPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Ranks of `departmentId` in the `n` quarters ending with `lastQuarter`. */
export function useDepartmentRanks(
  departmentId: string,
  lastQuarter: Quarter,
  asOfMs: number,
  n = 6,
): DepartmentRanks {
  // The active source (feed or import), as every other page counts it.
  const active = useActiveDataset();
  const settings = useSettingsStore((s) => s.settings);
  const dataset = active.dataset;
  const options: RankingJobOptions = {
    asOfMs,
    ranking: settings.ranking,
    slowAction: settings.slowAction,
    extraCalendarFiles: settings.extraCalendarFiles,
  };
  const query = useQuery({
    queryKey: [
      'engine',
      'department-rank-history',
      periodKey(lastQuarter),
      n,
      active.version,
      options,
    ],
    queryFn: async (): Promise<RankHistory> => {
      await yieldToPaint();
      return executeRankingJob(indexDataset(dataset as Dataset), {
        kind: 'history',
        quarter: lastQuarter,
        n,
        options,
      });
    },
    enabled: dataset !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
  return useMemo<DepartmentRanks>(() => {
    const history = query.data;
    if (!history) {
      return {
        status: query.isError ? 'error' : 'pending',
        ranks: new Map(),
        rankedCount: new Map(),
      };
    }
    const mine = history.departments.find((d) => d.departmentId === departmentId);
    const ranks = new Map<string, number | null>();
    const rankedCount = new Map<string, number>();
    history.quarters.forEach((q, i) => {
      ranks.set(q, mine?.ranks[i] ?? null);
      rankedCount.set(q, history.departments.filter((d) => d.ranks[i] !== null).length);
    });
    return { status: 'ready', ranks, rankedCount };
  }, [query.data, query.isError, departmentId]);
}
