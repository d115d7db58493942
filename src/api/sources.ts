/**
 * `GET /sources` (the city feed and every imported dataset a page can read with `?source=`) and
 * `DELETE /sources/{id}` (an imported dataset, with its records and derived rows).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from '../contract/zod';
import type { sourcesResponse } from '../contract/imports';
import { apiGet, apiSend } from './http';
import { apiKeys } from './keys';
import { shellSchema } from './shell-schemas';

export type SourceInfo = z.infer<typeof sourcesResponse>['items'][number];

export function fetchSources(signal?: AbortSignal): Promise<{ items: SourceInfo[] }> {
  return apiGet('/sources', shellSchema('sourcesResponse'), signal);
}

export const sourcesQuery = () =>
  queryOptions({
    queryKey: apiKeys.sources(),
    queryFn: ({ signal }) => fetchSources(signal),
    staleTime: 60_000,
  });

export const useSources = (enabled = true) => useQuery({ ...sourcesQuery(), enabled });

/** Deletes an imported dataset (204, no body). */
export function deleteSource(id: string): Promise<unknown> {
  return apiSend(
    'DELETE',
    `/sources/${encodeURIComponent(id)}`,
    shellSchema('anyAnswer'),
    undefined,
  );
}
