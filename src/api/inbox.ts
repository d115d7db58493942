/** `GET /inbox`: what waits for the signed-in person, with the header's counts. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { shellSchema } from './shell-schemas';

export const inboxQuery = () =>
  queryOptions({
    queryKey: apiKeys.inbox(),
    queryFn: ({ signal }) => apiGet('/inbox', shellSchema('inboxResponse'), signal),
    // The stream's `notice` event refetches it; this only covers a dropped stream.
    refetchInterval: 5 * 60_000,
  });

export const useInbox = (enabled = true) => useQuery({ ...inboxQuery(), enabled });
