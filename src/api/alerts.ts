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

export const alertsQuery = (source: string, p: AlertsParams, page: number, pageSize: number) =>
  queryOptions({
    queryKey: apiKeys.alerts(source, paramsOf(p, { page, pageSize })),
    queryFn: ({ signal }) => fetchAlerts(source, p, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });

export const useAlertsPage = (p: AlertsParams, page: number, pageSize: number, enabled = true) =>
  useQuery({ ...alertsQuery(useSource(), p, page, pageSize), enabled });

/**
 * The service's streamed export of every row matching the same filters and sort, from the
 * page's source (`useSource()`), so the file holds the rows on screen.
 */
export function alertsExportUrl(p: AlertsParams, format: 'csv' | 'xlsx', source: string): string {
  return apiUrl(`/alerts/export.${format}`, { ...paramsOf(p), source });
}
