/**
 * Loading one feed resource: follows cursors to the end, validates every page at the boundary, and
 * on later refreshes asks only for what changed (`updatedSince`) and merges it by id. On failure
 * react-query keeps the last good snapshot, which the shell shows with a staleness banner.
 */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { feedKeys, type FeedResource } from '../query-keys';
import { FeedPageError, parsePage, type RecordParser, type RejectedRecord } from '../result';
import { useRuntimeConfig, type RuntimeConfig } from '../runtime-config';
import { FeedRequestError, getFeedJson, isAuthError } from './http';

/** How to load and validate one resource. */
export interface ResourceSpec<T> {
  resource: FeedResource;
  /** Path below the feed base URL, e.g. `/cases`. */
  path: string;
  parseOne: RecordParser<T>;
  /** Stable identity used to merge incremental updates. */
  idOf: (record: T) => string;
}

/** Everything loaded so far for one resource. */
export interface FeedSnapshot<T> {
  resource: FeedResource;
  records: T[];
  rejected: RejectedRecord[];
  /** The server's clock at the start of the last sync: the next `updatedSince`. */
  serverTime: string;
  /** Pages read by the last sync (1 for a single page). */
  pages: number;
}

const MAX_PAGES = 100_000;

/**
 * Fetches every page of a resource (or, given the previous snapshot, only records updated since
 * it) and merges the result.
 *
 * @throws FeedRequestError when a request fails or a page envelope is malformed.
 */
export async function syncResource<T>(
  spec: ResourceSpec<T>,
  config: RuntimeConfig,
  previous: FeedSnapshot<T> | undefined,
  signal?: AbortSignal,
): Promise<FeedSnapshot<T>> {
  const accepted: T[] = [];
  const rejected: RejectedRecord[] = [];
  let cursor: string | undefined;
  let serverTime: string | null = null;
  let offset = 0;
  let pages = 0;
  const seenCursors = new Set<string>();
  do {
    const body = await getFeedJson(
      config,
      spec.path,
      { limit: String(config.feedPageSize), cursor, updatedSince: previous?.serverTime },
      signal,
    );
    let page;
    try {
      page = parsePage(spec.resource, body, spec.parseOne, offset);
    } catch (error) {
      if (error instanceof FeedPageError) throw new FeedRequestError('malformed', error.message);
      throw error;
    }
    pages += 1;
    // The first page's clock is the watermark: anything changed while we paged is fetched next time.
    serverTime ??= page.serverTime;
    for (const record of page.accepted) accepted.push(record);
    for (const record of page.rejected) rejected.push(record);
    offset += page.accepted.length + page.rejected.length;
    cursor = page.nextCursor ?? undefined;
    if (cursor !== undefined) {
      if (seenCursors.has(cursor) || pages >= MAX_PAGES) {
        throw new FeedRequestError(
          'malformed',
          `${spec.resource} 分页游标重复，已停止读取 (the feed repeated a cursor)`,
        );
      }
      seenCursors.add(cursor);
    }
  } while (cursor !== undefined);

  const watermark = serverTime ?? previous?.serverTime ?? new Date().toISOString();
  if (!previous)
    return { resource: spec.resource, records: accepted, rejected, serverTime: watermark, pages };
  return {
    resource: spec.resource,
    ...mergeUpdates(spec, previous, accepted, rejected),
    serverTime: watermark,
    pages,
  };
}

/**
 * Applies an incremental update: a record with a known id replaces the old one in place, a new id
 * is appended; an earlier rejection is dropped once the same id arrives valid or rejected anew.
 */
export function mergeUpdates<T>(
  spec: ResourceSpec<T>,
  previous: FeedSnapshot<T>,
  updated: readonly T[],
  newlyRejected: readonly RejectedRecord[],
): { records: T[]; rejected: RejectedRecord[] } {
  if (updated.length === 0 && newlyRejected.length === 0) {
    return { records: previous.records, rejected: previous.rejected };
  }
  const records = previous.records.slice();
  const position = new Map<string, number>();
  records.forEach((r, i) => position.set(spec.idOf(r), i));
  const touched = new Set<string>();
  for (const record of updated) {
    const id = spec.idOf(record);
    touched.add(id);
    const at = position.get(id);
    if (at === undefined) {
      position.set(id, records.length);
      records.push(record);
    } else {
      records[at] = record;
    }
  }
  for (const r of newlyRejected) if (r.id !== null) touched.add(r.id);
  const rejected = previous.rejected
    .filter((r) => r.id === null || !touched.has(r.id))
    .concat(newlyRejected);
  return { records, rejected };
}

/** react-query options for a resource: incremental refresh every `refreshMinutes`. */
export function feedQueryOptions<T>(
  spec: ResourceSpec<T>,
  config: RuntimeConfig,
  queryClient: QueryClient,
) {
  const queryKey = [...feedKeys.list(spec.resource, config.feedBaseUrl)];
  return queryOptions<FeedSnapshot<T>, FeedRequestError>({
    queryKey,
    queryFn: ({ signal }) =>
      syncResource(spec, config, queryClient.getQueryData<FeedSnapshot<T>>(queryKey), signal),
    staleTime: Infinity,
    // Snapshots hold up to millions of records: never deep-compare them on refresh.
    structuralSharing: false,
    refetchInterval: config.refreshMinutes > 0 ? config.refreshMinutes * 60_000 : false,
    // Logging in again is the only fix for 401/403; retrying would just repeat the failure.
    retry: (count, error) => !isAuthError(error) && count < 1,
  });
}

/** The hook behind every resource file. */
export function useFeedResource<T>(spec: ResourceSpec<T>) {
  const config = useRuntimeConfig();
  const queryClient = useQueryClient();
  return useQuery(feedQueryOptions(spec, config, queryClient));
}

/** Refreshes every loaded feed now (the "刷新" button). */
export function refreshAllFeeds(queryClient: QueryClient): Promise<void> {
  return queryClient.refetchQueries({ queryKey: feedKeys.all });
}
