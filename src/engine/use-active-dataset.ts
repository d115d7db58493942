/**
 * The dataset every computation runs on, from the active source: the feeds (demo or live) or an
 * imported file. `version` changes exactly when the records do, so derived results can be cached
 * under it.
 */
import { useMemo } from 'react';
import { useAllFeeds } from '../feeds/api/all-feeds';
import { useQuery } from '@tanstack/react-query';
import { importSourcesQuery, useImportData } from '../feeds/import/queries';
import type { ImportedSourceMeta } from '../feeds/import/store';
import { asOfInstant, fixedAsOfDate, useRuntimeConfig } from '../feeds/runtime-config';
import { useDataSourceStore } from '../state/data-source';
import type { Dataset } from './dataset';

export interface ActiveDataset {
  dataset: Dataset | null;
  /** Identifies the records: changes exactly when they do. */
  version: string;
  /** The instant figures are computed as of. */
  asOfMs: number;
  status: 'loading' | 'ready' | 'error';
  error: Error | null;
  source: {
    kind: 'demo' | 'live' | 'import';
    label: string;
    /** For an import: file name, rows, imported at, and which lists were derived. */
    imported?: ImportedSourceMeta;
  };
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
  // Wait until every optional feed has either arrived or failed: computing before the step
  // records arrive would show provisional figures (no step data → no 滞留 flags) that then change.
  const othersSettled = [feeds.items, feeds['case-events'], feeds.evaluations, feeds.tasks].every(
    (q) => q.data !== undefined || q.isError,
  );
  const dataset = useMemo<Dataset | null>(
    () =>
      casesData && departmentsData && othersSettled
        ? {
            departments: departmentsData.records,
            items: itemsData?.records ?? [],
            cases: casesData.records,
            caseEvents: eventsData?.records ?? [],
            evaluations: evaluationsData?.records ?? [],
            tasks: tasksData?.records ?? [],
          }
        : null,
    [departmentsData, itemsData, casesData, eventsData, evaluationsData, tasksData, othersSettled],
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

/**
 * The imported source chosen on this browser, or `null` when the feed is chosen or the chosen
 * import no longer exists (deleted in another tab): then the feed is shown.
 */
export function useImportedSource(): ImportedSourceMeta | null {
  const choice = useDataSourceStore((s) => s.choice);
  const sources = useQuery({ ...importSourcesQuery, enabled: choice.kind === 'import' });
  if (choice.kind !== 'import') return null;
  return sources.data?.find((s) => s.id === choice.id) ?? null;
}

/** An imported source as a dataset (loaded from IndexedDB). */
export function useImportDataset(meta: ImportedSourceMeta | null): ActiveDataset | null {
  const config = useRuntimeConfig();
  const query = useImportData(meta ?? undefined);
  const data = query.data;
  const dataset = useMemo<Dataset | null>(
    () =>
      data
        ? {
            departments: data.departments,
            items: data.items,
            cases: data.cases,
            caseEvents: data.caseEvents,
            evaluations: data.evaluations,
            tasks: data.tasks,
          }
        : null,
    [data],
  );
  if (meta === null) return null;
  return {
    dataset,
    // The revision changes whenever a file is added to the source.
    version: `import:${meta.id}:${meta.revision}`,
    // As of the configured fixed date, else the moment the import was loaded for this view.
    asOfMs: fixedAsOfDate(config) ? asOfInstant(config) : query.dataUpdatedAt,
    status: dataset ? 'ready' : query.isError ? 'error' : 'loading',
    error: query.isError ? query.error : null,
    source: { kind: 'import', label: `导入：${meta.name}`, imported: meta },
  };
}

/** The active source's dataset: the chosen import when there is one, else the feed. */
export function useActiveDataset(): ActiveDataset {
  const feed = useFeedDataset();
  const imported = useImportDataset(useImportedSource());
  return imported ?? feed;
}
