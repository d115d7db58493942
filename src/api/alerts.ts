/** `GET /alerts`: one page of the alert list, filtered and sorted by the service. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { alertsResponse, type AlertsResponse } from '../contract/alerts';
import { apiGet, apiUrl, type QueryParams } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

/** The list's filters and sort as the service reads them (empty values are left out). */
export interface AlertsParams {
  level?: string | null;
  dept?: string | null;
  item?: string | null;
  channel?: string | null;
  q?: string | null;
  period?: string | null;
  sort?: string | null;
  /** `only`: the cases whose card was revoked on appeal (left out otherwise). */
  revoked?: 'only' | null;
}

function paramsOf(p: AlertsParams, page?: { page: number; pageSize: number }): QueryParams {
  return { ...p, ...(page ?? {}) };
}

export function fetchAlerts(
  source: string,
  p: AlertsParams,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<AlertsResponse> {
  return apiGet('/alerts', alertsResponse, signal, {
    ...paramsOf(p, { page, pageSize }),
    source,
  });
}

/** Rows per block: the table fetches the list in blocks of this many rows as it scrolls. */
export const ALERTS_BLOCK_SIZE = 100;

/**
 * One block of rows (block 0 = the first {@link ALERTS_BLOCK_SIZE}). No placeholder: a block shown
 * with another block's rows would put wrong cases on the screen.
 */
export const alertsBlockQuery = (
  source: string,
  p: AlertsParams,
  block: number,
  blockSize = ALERTS_BLOCK_SIZE,
) =>
  queryOptions({
    queryKey: apiKeys.alerts(source, paramsOf(p, { page: block + 1, pageSize: blockSize })),
    queryFn: ({ signal }) => fetchAlerts(source, p, block + 1, blockSize, signal),
  });

/**
 * The list's head — totals, counts and its first block — which keeps the previous filters' answer
 * on screen while the new one loads (same cache entry as block 0).
 */
export const useAlertsHead = (p: AlertsParams, blockSize = ALERTS_BLOCK_SIZE, enabled = true) =>
  useQuery({
    ...alertsBlockQuery(useSource(), p, 0, blockSize),
    placeholderData: keepPreviousData,
    enabled,
  });

/**
 * The service's streamed export of every row matching the same filters and sort, from the
 * page's source (`useSource()`), so the file holds the rows on screen.
 */
export function alertsExportUrl(p: AlertsParams, format: 'csv' | 'xlsx', source: string): string {
  return apiUrl(`/alerts/export.${format}`, { ...paramsOf(p), source });
}
