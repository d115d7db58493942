/**
 * The rankings page's data: the dataset joined from the feed hooks (as the dashboard does), the
 * as-of instant and settings every page uses, and react-query queries that run the ranking jobs
 * in the ranking worker, cached per quarter × feed versions × settings.
 */
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { periodKey } from '../../domain/period/period';
import { datasetForWorker, type Dataset } from '../../engine/dataset';
import type { Quarter } from '../../engine/ranking';
import type {
  RankingJob,
  RankingJobOptions,
  RankingJobResults,
} from '../../engine/ranking-view-job';
import { useAllFeeds } from '../../feeds/api/all-feeds';
import { useActiveDataset } from '../../engine/use-active-dataset';
import { useSettingsStore } from '../../state/settings-store';
import { runRankingJob } from './ranking-runner';

/** What every ranking query needs; `dataset` is null until the case and department feeds load. */
export interface RankingInputs {
  dataset: Dataset | null;
  /** Identifies the dataset (the feeds' refresh times). */
  datasetKey: string;
  options: RankingJobOptions;
  feedError: Error | null;
  /** Optional feeds that failed: the ranking is computed without them (the page says so). */
  missingFeeds: ('case-events' | 'evaluations')[];
}

/** The dataset, its key and the job options for the active data source and settings. */
export function useRankingInputs(): RankingInputs {
  // The same dataset, as-of instant and readiness rule as the dashboard model (feed or import),
  // so every page judges the same records at the same instant.
  const active = useActiveDataset();
  const feeds = useAllFeeds();
  const settings = useSettingsStore((s) => s.settings);
  const source = active.dataset;
  // The dataset is cloned into the ranking worker: send only what the ranking reads.
  const dataset = useMemo<Dataset | null>(
    () => (source ? datasetForWorker(source, { evaluations: true }) : null),
    [source],
  );
  const asOfMs = active.asOfMs;
  const options = useMemo<RankingJobOptions>(
    () => ({
      asOfMs,
      ranking: settings.ranking,
      slowAction: settings.slowAction,
      extraCalendarFiles: settings.extraCalendarFiles,
    }),
    [asOfMs, settings],
  );
  const feedError = active.status === 'error' ? active.error : null;
  const missingFeeds: RankingInputs['missingFeeds'] = [];
  if (dataset && active.source.kind !== 'import') {
    if (feeds['case-events'].isError && !feeds['case-events'].data)
      missingFeeds.push('case-events');
    if (feeds.evaluations.isError && !feeds.evaluations.data) missingFeeds.push('evaluations');
  }
  return { dataset, datasetKey: active.version, options, feedError, missingFeeds };
}

function useRankingJob<J extends RankingJob>(
  inputs: RankingInputs,
  job: J | null,
  keyParts: readonly unknown[],
  keepPrevious = false,
): UseQueryResult<RankingJobResults[J['kind']]> {
  const { dataset, datasetKey, options } = inputs;
  return useQuery({
    queryKey: ['engine', 'ranking', ...keyParts, datasetKey, options],
    queryFn: () => runRankingJob(datasetKey, dataset as Dataset, job as J),
    enabled: dataset !== null && job !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    // Keep the previous quarter on screen (marked as updating) while another is computed; never
    // for drill-downs, where another department's cases would be misleading.
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

/** `rankQuarter` for a quarter (the table, the chart, the exports and the print all read this). */
export function useQuarterRanking(inputs: RankingInputs, quarter: Quarter) {
  return useRankingJob(
    inputs,
    { kind: 'quarter', quarter, options: inputs.options },
    ['quarter', periodKey(quarter)],
    true,
  );
}

/** `rankHistory` over six quarters ending with `quarter`. */
export function useRankHistory(inputs: RankingInputs, quarter: Quarter, enabled: boolean) {
  return useRankingJob(
    inputs,
    enabled ? { kind: 'history', quarter, n: 6, options: inputs.options } : null,
    ['history', periodKey(quarter)],
  );
}

/** The cases and evaluations behind a department's (or the city's, `null`) figures. */
export function useRankingEvidence(
  inputs: RankingInputs,
  quarter: Quarter,
  departmentId: string | null,
  enabled: boolean,
) {
  return useRankingJob(
    inputs,
    enabled ? { kind: 'evidence', quarter, departmentId, options: inputs.options } : null,
    ['evidence', periodKey(quarter), departmentId],
  );
}
