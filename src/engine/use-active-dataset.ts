/**
 * The dataset every computation runs on, from the active source: the feeds (demo or live) or an
 * imported file. `version` changes exactly when the records do, so derived results can be cached
 * under it.
 */
import { useMemo } from 'react';
import { useAllFeeds } from '../feeds/api/all-feeds';
import { asOfInstant, fixedAsOfDate, useRuntimeConfig } from '../feeds/runtime-config';
import type { Dataset } from './dataset';

export interface ActiveDataset {
  dataset: Dataset | null;
  /** Identifies the records: changes exactly when they do. */
  version: string;
  /** The instant figures are computed as of. */
  asOfMs: number;
  status: 'loading' | 'ready' | 'error';
  error: Error | null;
  source: { kind: 'demo' | 'live' | 'import'; label: string };
}

/** The feeds as a dataset (cases and departments required; the other feeds may be missing). */
export function useFeedDataset(): ActiveDataset {
  const feeds = useAllFeeds();
  const config = useRuntimeConfig();
  const departmentsData = feeds.departments.data;
  const itemsData = feeds.items.data;
  const casesData = feeds.cases.data;
  const eventsData = feeds['case-events'].data;
  const evaluationsData = feeds.evaluations.data;
  const tasksData = feeds.tasks.data;
  const dataset = useMemo<Dataset | null>(
    () =>
      casesData && departmentsData
        ? {
            departments: departmentsData.records,
            items: itemsData?.records ?? [],
            cases: casesData.records,
            caseEvents: eventsData?.records ?? [],
            evaluations: evaluationsData?.records ?? [],
            tasks: tasksData?.records ?? [],
          }
        : null,
    [departmentsData, itemsData, casesData, eventsData, evaluationsData, tasksData],
  );
  // Each feed's refresh time identifies its records (feed queries keep no structural sharing).
  const version = [
    feeds.departments.dataUpdatedAt,
    feeds.items.dataUpdatedAt,
    feeds.cases.dataUpdatedAt,
    feeds['case-events'].dataUpdatedAt,
    feeds.evaluations.dataUpdatedAt,
    feeds.tasks.dataUpdatedAt,
  ].join(':');
  // As of the configured fixed date, else the moment the case feed was last refreshed, so the
  // figures do not drift between renders and say what they were computed from.
  const asOfMs = fixedAsOfDate(config) ? asOfInstant(config) : feeds.cases.dataUpdatedAt;
  const failed = dataset === null && (feeds.cases.isError || feeds.departments.isError);
  return {
    dataset,
    version: `feed:${version}`,
    asOfMs,
    status: dataset ? 'ready' : failed ? 'error' : 'loading',
    error: failed ? (feeds.cases.error ?? feeds.departments.error) : null,
    source: config.demo.enabled
      ? { kind: 'demo', label: '演示数据' }
      : { kind: 'live', label: '实时接口' },
  };
}

/** The active source's dataset. */
export function useActiveDataset(): ActiveDataset {
  return useFeedDataset();
}
