/**
 * The department's rank (评比排队) per quarter for the trend table: the service's rank history
 * (the same rankQuarter as the rankings page), six quarters ending with `lastQuarter`.
 */
import { useMemo } from 'react';
import { useRankHistory } from '../../api/rankings';
import type { Period } from '../../domain/period/period';
import type { Quarter } from '../../engine/ranking';

export interface DepartmentRanks {
  status: 'pending' | 'ready' | 'error';
  /** Rank per quarter key (null = not ranked, e.g. 样本不足), when ready. */
  ranks: ReadonlyMap<string, number | null>;
  /** Departments ranked per quarter key, for "第 3 / 28 名". */
  rankedCount: ReadonlyMap<string, number>;
}

const FALLBACK: Quarter = { kind: 'quarter', year: 2000, quarter: 1 };

function asQuarter(p: Period | null): Quarter | null {
  return p !== null && p.kind === 'quarter' ? p : null;
}

/** Ranks of `departmentId` in the `n` quarters ending with `lastQuarter`. */
export function useDepartmentRanks(
  departmentId: string,
  lastQuarter: Period | null,
  n = 6,
): DepartmentRanks {
  const quarter = asQuarter(lastQuarter);
  const query = useRankHistory(quarter ?? FALLBACK, quarter !== null, n);
  return useMemo<DepartmentRanks>(() => {
    const history = query.data;
    if (!history) {
      return {
        status: query.isError || quarter === null ? 'error' : 'pending',
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
  }, [query.data, query.isError, quarter, departmentId]);
}
