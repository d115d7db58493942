/**
 * `GET /me` (who is signed in), `POST /session` (sign in with name and password) and
 * `DELETE /session` (sign out).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '../contract/service';
import { apiGet, apiSend } from './http';
import { apiKeys } from './keys';
import { shellSchema } from './shell-schemas';

export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  return apiGet('/me', shellSchema('meResponse'), signal);
}

export const meQuery = () =>
  queryOptions({
    queryKey: apiKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    retry: false,
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(meQuery());

/** Signs in; the session travels in an HttpOnly cookie the service sets. */
export function signIn(name: string, password: string): Promise<unknown> {
  return apiSend('POST', '/session', shellSchema('anyAnswer'), { name, password });
}

/** Signs out: the service deletes the session and clears the cookie. */
export function signOut(): Promise<unknown> {
  return apiSend('DELETE', '/session', shellSchema('anyAnswer'), undefined);
}
