/** `GET /sync-status`: the service's last successful sync, its state and any failure. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SyncStatusResponse } from '../contract/service';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { shellSchema } from './shell-schemas';

export function fetchSyncStatus(signal?: AbortSignal): Promise<SyncStatusResponse> {
  return apiGet('/sync-status', shellSchema('syncStatusResponse'), signal);
}

export const syncStatusQuery = () =>
  queryOptions({
    queryKey: apiKeys.syncStatus(),
    queryFn: ({ signal }) => fetchSyncStatus(signal),
    // Pushed by the event stream; a slow poll covers a stream that a proxy cut.
    refetchInterval: 60_000,
    // Many components read it; one request per change is enough.
    staleTime: 30_000,
    refetchOnMount: false,
  });

export const useSyncStatus = () => useQuery(syncStatusQuery());
