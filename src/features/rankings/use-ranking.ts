/**
 * The rankings page's data: the dataset joined from the feed hooks (as the dashboard does), the
 * as-of instant and settings every page uses, and react-query queries that run the ranking jobs
 * in the ranking worker, cached per quarter × feed versions × settings.
 */
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { periodKey } from '../../domain/period/period';
import type { Dataset } from '../../engine/dataset';
import type { CaseEvent } from '../../feeds/schemas/case-event';
import type { Quarter } from '../../engine/ranking';
import type {
  RankingJob,
  RankingJobOptions,
  RankingJobResults,
} from '../../engine/ranking-view-job';
import { useAllFeeds } from '../../feeds/api/all-feeds';
import { asOfInstant, fixedAsOfDate, useRuntimeConfig } from '../../feeds/runtime-config';
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

/** The dataset, its key and the job options for the current feeds and settings. */
export function useRankingInputs(): RankingInputs {
  const feeds = useAllFeeds();
  const settings = useSettingsStore((s) => s.settings);
  const config = useRuntimeConfig();
  // The same as-of rule as the dashboard model, so every page judges at the same instant.
  const asOfMs = fixedAsOfDate(config) ? asOfInstant(config) : feeds.cases.dataUpdatedAt;
  const departments = feeds.departments.data;
  const cases = feeds.cases.data;
  const events = feeds['case-events'].data;
  const evaluations = feeds.evaluations.data;
  // Step records decide two slow-action rules and evaluations two indicators: wait for both to
  // settle (loaded or failed) rather than show a provisional ranking that changes under the user.
  const eventsSettled = events !== undefined || feeds['case-events'].isError;
  const evaluationsSettled = evaluations !== undefined || feeds.evaluations.isError;
  const ready =
    cases !== undefined && departments !== undefined && eventsSettled && evaluationsSettled;
  // The dataset is cloned into the ranking worker (postMessage, on the main thread): send only
  // what the ranking reads. Step records need caseId, step, enteredAt and leftAt (the joins in
  // indexDataset); trimming the rest halves the cost of cloning ~200k of them. Items are unused.
  const slimEvents = useMemo<CaseEvent[] | undefined>(
    () =>
      events?.records.map((e) => ({
        id: '',
        caseId: e.caseId,
        step: e.step,
        departmentId: '',
        handler: '',
        enteredAt: e.enteredAt,
        leftAt: e.leftAt,
        updatedAt: 0,
      })),
    [events],
  );
  const dataset = useMemo<Dataset | null>(
    () =>
      ready && cases && departments
        ? {
            departments: departments.records,
            items: [],
            cases: cases.records,
            caseEvents: slimEvents ?? [],
            evaluations: evaluations?.records ?? [],
            tasks: [],
          }
        : null,
    [ready, departments, cases, slimEvents, evaluations],
  );
  // The ranking does not read service items: their refresh must not recompute it.
  const datasetKey = [
    feeds.departments.dataUpdatedAt,
    feeds.cases.dataUpdatedAt,
    feeds['case-events'].dataUpdatedAt,
    feeds.evaluations.dataUpdatedAt,
  ].join(':');
  const options = useMemo<RankingJobOptions>(
    () => ({
      asOfMs,
      ranking: settings.ranking,
      slowAction: settings.slowAction,
      extraCalendarFiles: settings.extraCalendarFiles,
    }),
    [asOfMs, settings],
  );
  const feedError =
    dataset === null && (feeds.cases.isError || feeds.departments.isError)
      ? (feeds.cases.error ?? feeds.departments.error)
      : null;
  const missingFeeds: RankingInputs['missingFeeds'] = [];
  if (dataset && !events) missingFeeds.push('case-events');
  if (dataset && !evaluations) missingFeeds.push('evaluations');
  return { dataset, datasetKey, options, feedError, missingFeeds };
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
