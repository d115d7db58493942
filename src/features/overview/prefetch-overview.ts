/**
 * The overview's data, asked for by the route's loader (src/app/router.tsx) before the page has
 * rendered, beside the session check (see src/app/prefetch.ts). Loaded with a dynamic import: the
 * overview's schema (zod) is not part of the first route's JS.
 */
import type { QueryClient } from '@tanstack/react-query';
import { overviewQuery } from '../../api/overview';
import { CITY_SOURCE, SOURCE_PARAM } from '../../api/source-choice';
import { syncStatusQuery } from '../../api/sync-status';
import { parsePeriod, type Period } from '../../domain/period/period';
import { defaultPeriodOf } from '../../ui/use-default-period';

/**
 * The overview's figures for the period the page will ask for: `?period=` from the URL, else the
 * quarter of the service's as-of (from the sync status, the same request the shell waits for).
 * An imported `?source=` is left to the page: it is checked against the service's list first.
 */
export async function prefetchOverview(queryClient: QueryClient, url: URL): Promise<void> {
  const source = url.searchParams.get(SOURCE_PARAM);
  if (source !== null && source !== '' && source !== CITY_SOURCE) return;
  const raw = url.searchParams.get('period');
  const period = (raw ? parsePeriod(raw) : null) ?? (await asOfQuarter(queryClient));
  // Without the as-of the page falls back to today's quarter: leave that to the page.
  if (period === null) return;
  await queryClient.prefetchQuery(overviewQuery(CITY_SOURCE, period));
}

async function asOfQuarter(queryClient: QueryClient): Promise<Period | null> {
  const status = await queryClient.fetchQuery(syncStatusQuery()).catch(() => null);
  return status?.asOf ? defaultPeriodOf(status.asOf) : null;
}
