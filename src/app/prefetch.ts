/**
 * The first page's requests start when the router matches a URL — while the page's code loads and
 * in parallel with the session check — instead of after the shell rendered and /me answered
 * (config.json → /me → overview was a waterfall before the first figure, docs/performance.md).
 * Loaders only fill the query cache: the shell shows no page until /me has answered, and a 401 on
 * any of these requests sends the user to sign in like every query does (the QueryCache's onError).
 */
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from '../api/session';
import { syncStatusQuery } from '../api/sync-status';

/** Who is signed in and the sync status: every page of the shell needs both. */
export function prefetchShell(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(meQuery());
  void queryClient.prefetchQuery(syncStatusQuery());
}
