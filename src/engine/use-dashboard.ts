/**
 * The hook every supervisor view uses: the dashboard model for the active dataset, the current
 * settings and the as-of instant, computed in the engine worker and cached by react-query (so
 * moving between pages does not recompute), with progress while it works.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import { useSettingsStore } from '../state/settings-store';
import type { DashboardModel } from './dashboard';
import { datasetForWorker } from './dataset';
import { runDashboard } from './run-engine';
import { useActiveDataset } from './use-active-dataset';

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
  const active = useActiveDataset();
  const settings = useSettingsStore((s) => s.settings);
  const { dataset, asOfMs } = active;
  const query = useQuery({
    queryKey: ['engine', 'dashboard', active.version, asOfMs, settings],
    queryFn: ({ signal }) => {
      if (!dataset) throw new Error('no dataset');
      useEngineProgress.getState().set(0, dataset.cases.length);
      return runDashboard(
        { dataset: datasetForWorker(dataset, { evaluations: false }), settings, asOfMs },
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
  else if (dataset === null) status = active.status === 'error' ? 'feed-error' : 'loading-feeds';
  else status = 'computing';
  return {
    status,
    model: query.data,
    refreshing: query.isFetching && query.data !== undefined,
    error: query.error ?? active.error,
    retry: () => void query.refetch(),
  };
}
