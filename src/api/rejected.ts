/** `GET /rejected`: feed records the service's boundary rejected (staff only), and their CSV. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RejectedResponse } from '../contract/service';
import { apiGet, apiUrl } from './http';
import { apiKeys } from './keys';
import { shellSchema } from './shell-schemas';

export const REJECTED_PAGE_SIZE = 100;

export function fetchRejected(page: number, signal?: AbortSignal): Promise<RejectedResponse> {
  return apiGet('/rejected', shellSchema('rejectedResponse'), signal, {
    page,
    pageSize: REJECTED_PAGE_SIZE,
  });
}

export const rejectedQuery = (page: number) =>
  queryOptions({
    queryKey: apiKeys.rejected(page),
    queryFn: ({ signal }) => fetchRejected(page, signal),
    retry: false,
  });

export const useRejected = (page = 1, enabled = true) =>
  useQuery({ ...rejectedQuery(page), enabled });

export const rejectedExportUrl = (): string => apiUrl('/rejected/export.csv');
