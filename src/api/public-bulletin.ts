/**
 * `GET /public/api/bulletins/{quarter}`: the latest published edition's department-level figures,
 * readable without signing in. Outside `/api/v1`, so its URL is built beside the API base.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from '../contract/zod';
import { publicBulletinTyped } from '../contract/editions';
import { ApiRequestError, apiUrl } from './http';
import { apiKeys } from './keys';

export type PublicBulletinData = z.output<typeof publicBulletinTyped>;

/** `…/api/v1` → `…/public/api/bulletins/{quarter}` on the same origin as the API. */
export function publicBulletinUrl(quarter: string): string {
  const api = new URL(apiUrl(''));
  return new URL(`/public/api/bulletins/${encodeURIComponent(quarter)}`, api.origin).toString();
}

export async function fetchPublicBulletin(
  quarter: string,
  signal?: AbortSignal,
): Promise<PublicBulletinData> {
  const res = await fetch(publicBulletinUrl(quarter), {
    headers: { accept: 'application/json' },
    credentials: 'omit',
    signal,
  });
  if (!res.ok)
    throw new ApiRequestError(
      res.status,
      res.status === 404 ? 'not_found' : 'internal',
      `HTTP ${res.status}`,
    );
  const parsed = publicBulletinTyped.safeParse(await res.json());
  if (!parsed.success)
    throw new ApiRequestError(res.status, 'invalid_response', parsed.error.message);
  return parsed.data;
}

export const publicBulletinQuery = (quarter: string) =>
  queryOptions({
    queryKey: apiKeys.publicBulletin(quarter),
    queryFn: ({ signal }) => fetchPublicBulletin(quarter, signal),
    retry: false,
  });

export const usePublicBulletin = (quarter: string) => useQuery(publicBulletinQuery(quarter));
