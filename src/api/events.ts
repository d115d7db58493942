/**
 * `GET /events` (server-sent events): the service says when a sync landed (`sync`), when it
 * re-evaluated (`evaluated`), when its state changed (`status`) and when a 督办单 was issued or
 * acted on (`notice`: inboxes and header counts refetch at once). Open pages refetch what
 * changed; the figures on screen stay until the new ones arrive.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiUrl } from './http';
import { apiKeys } from './keys';

/** Keeps one event stream open while the shell is mounted (none where EventSource is missing). */
export function useServiceEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(apiUrl('/events'), { withCredentials: true });
    const status = () => void queryClient.invalidateQueries({ queryKey: apiKeys.syncStatus() });
    const changed = () => void queryClient.invalidateQueries({ queryKey: apiKeys.all });
    source.addEventListener('status', status);
    source.addEventListener('sync', changed);
    source.addEventListener('evaluated', changed);
    source.addEventListener('notice', () => {
      void queryClient.invalidateQueries({ queryKey: apiKeys.duban() });
    });
    // The browser reconnects by itself; the status poll covers the gap.
    source.addEventListener('error', status);
    return () => source.close();
  }, [queryClient]);
}
