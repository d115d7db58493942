/**
 * The hook every supervisor view uses: the dashboard model for the loaded feeds, the current
 * settings and the as-of instant, computed in the engine worker and cached by react-query (so
 * moving between pages does not recompute), with progress while it works.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { create } from 'zustand';
import { useAllFeeds } from '../feeds/api/all-feeds';
import { asOfInstant, fixedAsOfDate, useRuntimeConfig } from '../feeds/runtime-config';
import { useSettingsStore } from '../state/settings-store';
import type { DashboardModel } from './dashboard';
import type { Dataset } from './dataset';
import { runDashboard } from './run-engine';

interface ProgressState {
  done: number;
  total: number;
  set: (done: number, total: number) => void;
}

/** Progress of the running computation (UI state only). */
export const useEngineProgress = create<ProgressState>()((set) => ({
  done: 0,
  total: 0,
  set: (done, total) => set({ done, total }),
}));

export type DashboardStatus = 'loading-feeds' | 'computing' | 'ready' | 'error' | 'feed-error';

export interface DashboardState {
  status: DashboardStatus;
  model: DashboardModel | undefined;
  /** True while a newer model is being computed and an older one is shown. */
  refreshing: boolean;
  error: Error | null;
  retry: () => void;
}

export function useDashboard(): DashboardState {
  const feeds = useAllFeeds();
  const settings = useSettingsStore((s) => s.settings);
  const config = useRuntimeConfig();
  const cases = feeds.cases;
  const departments = feeds.departments;
  // As of the configured fixed date, else the moment the case feed was last refreshed, so the
  // figures do not drift between renders and say what they were computed from.
  const asOfMs = fixedAsOfDate(config) ? asOfInstant(config) : cases.dataUpdatedAt;
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
  const versions = [
    feeds.departments.dataUpdatedAt,
    feeds.items.dataUpdatedAt,
    feeds.cases.dataUpdatedAt,
    feeds['case-events'].dataUpdatedAt,
    feeds.evaluations.dataUpdatedAt,
  ];
  const query = useQuery({
    queryKey: ['engine', 'dashboard', ...versions, asOfMs, settings],
    queryFn: ({ signal }) => {
      useEngineProgress.getState().set(0, dataset?.cases.length ?? 0);
      return runDashboard(
        { dataset: dataset!, settings, asOfMs },
        (done, total) => useEngineProgress.getState().set(done, total),
        signal,
      );
    },
    enabled: dataset !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  let status: DashboardStatus;
  if (query.data) status = 'ready';
  else if (query.isError) status = 'error';
  else if (dataset === null)
    status = cases.isError || departments.isError ? 'feed-error' : 'loading-feeds';
  else status = 'computing';
  return {
    status,
    model: query.data,
    refreshing: query.isFetching && query.data !== undefined,
    error: query.error ?? (status === 'feed-error' ? (cases.error ?? departments.error) : null),
    retry: () => void query.refetch(),
  };
}
