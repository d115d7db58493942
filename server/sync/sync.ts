/**
 * Sync of the city platform's feeds into the store (docs/feed-contract.md): a first full load,
 * then incremental passes with `updatedSince`. Each page's records and rejections are committed
 * in ONE transaction with the position after them (pages that queued up during the previous commit
 * share a transaction, with the last one's position), so a sync killed at any moment (kill -9)
 * resumes at the last committed page: upserts are idempotent by id, nothing is lost or counted
 * twice. The next page is fetched while the current one is validated and committed.
 */
import type { FeedResource } from '../../src/feeds/query-keys';
import { parsePage, type RecordOutcome } from '../../src/feeds/result';
import { DOUBLE, VARCHAR } from '@duckdb/node-api';
import { appendColumns, type Database, type Tx } from '../store/database';
import {
  FeedError,
  getPage,
  DEFAULT_FETCH_OPTIONS,
  type FeedResponse,
  type FetchOptions,
} from './feed-client';
import { itemTexts } from './item-texts';
import type { LiveDataset } from '../jobs/live-dataset';
import { PageWriter } from './page-writer';
import { SYNC_RESOURCES, type ResourceSpec, type SyncedRecord } from './resources';

export interface SyncOptions {
  feedUrl: string;
  /** Which raw-record source the feed writes to (the city feed: `city`). */
  source?: string;
  pageSize?: number;
  fetch?: Partial<FetchOptions>;
  /** Called after each committed page. */
  onPage?: (resource: FeedResource, recordsSoFar: number) => void;
  /** The live dataset to update with each committed page (the service's; absent for tools). */
  live?: LiveDataset;
}

export interface SyncReport {
  fetched: Record<FeedResource, number>;
  upserted: number;
  rejected: number;
  /** Resources whose pass completed (everything up to the platform's clock is in). */
  completed: FeedResource[];
  /** True when any record was upserted: the derived results must be recomputed. */
  changed: boolean;
  /**
   * Milliseconds spent per stage: HTTP (request + body), JSON.parse, validation, storage (the
   * transactions). The stages overlap (the next page is fetched while one is committed), so their
   * sum exceeds the sync's wall-clock time.
   */
  timings: { httpMs: number; jsonMs: number; validateMs: number; storeMs: number };
  /** Wall-clock milliseconds per resource (records/s in the bench). */
  resourceMs: Partial<Record<FeedResource, number>>;
}

export const CITY_SOURCE = 'city';
export const DEFAULT_PAGE_SIZE = 5000;
/** How often one pass may restart on `invalid_cursor` before giving up. */
const MAX_CURSOR_RESTARTS = 3;

interface Position {
  cursor: string | null;
  offset: number;
  passSince: string | null;
  passServerTime: string | null;
  completedSince: string | null;
}

async function readPosition(db: Database, source: string, resource: string): Promise<Position> {
  const rows = await db.all(
    `SELECT cursor, pass_offset::DOUBLE AS pass_offset, pass_since, pass_server_time, completed_since
       FROM sync_state WHERE source = $1 AND resource = $2`,
    [source, resource],
  );
  const r = rows[0];
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  if (r === undefined) {
    return { cursor: null, offset: 0, passSince: null, passServerTime: null, completedSince: null };
  }
  return {
    cursor: str(r['cursor']),
    offset: typeof r['pass_offset'] === 'number' ? r['pass_offset'] : 0,
    passSince: str(r['pass_since']),
    passServerTime: str(r['pass_server_time']),
    completedSince: str(r['completed_since']),
  };
}

async function writePosition(
  tx: Tx,
  source: string,
  resource: string,
  p: Position,
  completedAt: number | null,
): Promise<void> {
  await tx.run(
    `INSERT INTO sync_state (source, resource, pass_since, cursor, pass_offset, pass_server_time, completed_since, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (source, resource) DO UPDATE SET pass_since = excluded.pass_since,
       cursor = excluded.cursor, pass_offset = excluded.pass_offset,
       pass_server_time = excluded.pass_server_time, completed_since = excluded.completed_since,
       completed_at = coalesce(excluded.completed_at, sync_state.completed_at)`,
    [
      source,
      resource,
      p.passSince,
      p.cursor,
      p.offset,
      p.passServerTime,
      p.completedSince,
      completedAt,
    ],
  );
}

export interface Accepted {
  id: string;
  updatedAt: number;
  body: string;
  record: SyncedRecord;
}

/**
 * Validates one record and keeps its text as received (the store re-validates when it loads):
 * cut out of the page when it could be (see item-texts.ts), else written out again.
 */
function keepRaw(
  spec: ResourceSpec,
  response: FeedResponse,
): (raw: unknown) => RecordOutcome<Accepted> {
  const textOf = new Map<unknown, string>();
  const { body, text } = response;
  const items = typeof body === 'object' && body !== null && 'items' in body ? body.items : null;
  const texts = Array.isArray(items) ? itemTexts(text) : null;
  if (Array.isArray(items) && texts !== null && texts.length === items.length) {
    items.forEach((item: unknown, i) => textOf.set(item, texts[i] ?? JSON.stringify(item)));
  }
  return (raw) => {
    const o = spec.parse(raw);
    if (!o.ok) return o;
    const { id, updatedAt } = o.value;
    const body = textOf.get(raw) ?? JSON.stringify(raw);
    return { ok: true, value: { id, updatedAt, body, record: o.value } };
  };
}

/**
 * Appends a page's accepted records to the raw-record log (the last of two with the same id wins,
 * as in the feed) with versions `firstSeq`, `firstSeq + 1`, …, inside the caller's transaction. An
 * appender straight into the keyless log: no index to maintain, so the cost per row stays flat as
 * the table grows. On an incremental pass (`replaceOlder`), the older versions of the page's ids
 * are deleted in the same transaction, so the log holds one row per id after every committed page.
 * A full pass skips that (there is nothing older for almost every id) and compacts at its end.
 * Returns the number of distinct records written.
 */
export async function upsertRecords(
  tx: Tx,
  source: string,
  resource: string,
  records: readonly Accepted[],
  /** The sync passes what it knows; other writers (tests, tools) get the safe defaults. */
  options: { firstSeq?: number; replaceOlder?: boolean } = {},
): Promise<number> {
  const byId = new Map<string, Accepted>();
  for (const r of records) byId.set(r.id, r);
  if (byId.size === 0) return 0;
  const replaceOlder = options.replaceOlder ?? true;
  const firstSeq =
    options.firstSeq ??
    Number(
      (
        await tx.all(
          'SELECT coalesce(max(seq), 0)::DOUBLE + 1 AS s FROM raw_log WHERE source = $1 AND resource = $2',
          [source, resource],
        )
      )[0]?.['s'] ?? 1,
    );
  // Staged in a per-connection temporary table in the caller's transaction (data chunks of the
  // four columns that vary), then copied into the log inside DuckDB: the source and resource are
  // not sent once per row.
  const rows = [...byId.values()];
  await tx.run(
    'CREATE TEMP TABLE IF NOT EXISTS raw_page (id VARCHAR, seq DOUBLE, updated_at DOUBLE, body VARCHAR)',
  );
  await appendColumns(
    tx.connection,
    'raw_page',
    [VARCHAR, DOUBLE, DOUBLE, VARCHAR],
    [
      rows.map((r) => r.id),
      rows.map((_, i) => firstSeq + i),
      rows.map((r) => r.updatedAt),
      rows.map((r) => r.body),
    ],
  );
  await tx.run(
    `INSERT INTO raw_log (source, resource, id, seq, updated_at, body)
       SELECT $1, $2, id, seq::BIGINT, updated_at, body FROM raw_page`,
    [source, resource],
  );
  await tx.run('DELETE FROM raw_page');
  if (replaceOlder) {
    await tx.run(
      `DELETE FROM raw_log WHERE source = $1 AND resource = $2 AND seq < $3
         AND id IN (SELECT unnest($4::VARCHAR[]))`,
      [source, resource, firstSeq, [...byId.keys()]],
    );
  }
  return byId.size;
}

/** The next free version number of a resource's log. */
async function nextSeq(db: Database, source: string, resource: string): Promise<number> {
  const rows = await db.all(
    'SELECT coalesce(max(seq), 0)::DOUBLE AS s FROM raw_log WHERE source = $1 AND resource = $2',
    [source, resource],
  );
  return Number(rows[0]?.['s'] ?? 0) + 1;
}

/**
 * Leaves one row per id in a resource's log (the latest version): run when a full pass completes,
 * in its last page's transaction. Cheap when there is nothing to do (one aggregate over the ids).
 */
export async function compactLog(tx: Tx, source: string, resource: string): Promise<number> {
  const rows = await tx.all(
    `SELECT (count(*) - count(DISTINCT id))::DOUBLE AS d FROM raw_log
       WHERE source = $1 AND resource = $2`,
    [source, resource],
  );
  const duplicates = Number(rows[0]?.['d'] ?? 0);
  if (duplicates === 0) return 0;
  await tx.run(
    `DELETE FROM raw_log WHERE source = $1 AND resource = $2 AND seq NOT IN (
       SELECT max(seq) FROM raw_log WHERE source = $1 AND resource = $2 GROUP BY id)`,
    [source, resource],
  );
  return duplicates;
}

export interface RejectedRow {
  index: number;
  id: string | null;
  reason: string;
  raw: unknown;
}

/** Stores rejections keyed by record id (else by position), so a re-sync does not repeat them. */
export async function storeRejected(
  tx: Tx,
  source: string,
  resource: string,
  rows: readonly RejectedRow[],
): Promise<void> {
  const byKey = new Map<string, RejectedRow>();
  for (const r of rows) byKey.set(r.id ?? `#${r.index}`, r);
  if (byKey.size === 0) return;
  const keys = [...byKey.keys()];
  const list = [...byKey.values()];
  await tx.run(
    `INSERT INTO rejected_records (source, resource, record_key, record_index, record_id, reason, raw, seen_at)
     SELECT $1, $2, k, i::BIGINT, nullif(d, ''), r, w, $8 FROM (SELECT unnest($3::VARCHAR[]) AS k,
       unnest($4::VARCHAR[]) AS i, unnest($5::VARCHAR[]) AS d, unnest($6::VARCHAR[]) AS r,
       unnest($7::VARCHAR[]) AS w)
     ON CONFLICT (source, resource, record_key) DO UPDATE SET record_index = excluded.record_index,
       reason = excluded.reason, raw = excluded.raw, seen_at = excluded.seen_at`,
    [
      source,
      resource,
      keys,
      list.map((r) => String(r.index)),
      list.map((r) => r.id ?? ''),
      list.map((r) => r.reason),
      list.map((r) => safeJson(r.raw)),
      Date.now(),
    ],
  );
}

function safeJson(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? 'null';
  } catch {
    return JSON.stringify(String(raw));
  }
}

function pageUrl(
  feedUrl: string,
  resource: string,
  pageSize: number,
  since: string | null,
  cursor: string | null,
): string {
  const base = feedUrl.endsWith('/') ? feedUrl.slice(0, -1) : feedUrl;
  const url = new URL(`${base}/${resource}`);
  url.searchParams.set('limit', String(pageSize));
  if (since !== null) url.searchParams.set('updatedSince', since);
  if (cursor !== null) url.searchParams.set('cursor', cursor);
  return url.toString();
}

/** The page's cursor when its envelope has one (parsePage checks the envelope in full). */
function nextCursorOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('nextCursor' in body)) return null;
  const cursor = body.nextCursor;
  return typeof cursor === 'string' && cursor.length > 0 ? cursor : null;
}

/** A validated page on its way to the store, with the position that follows it. */
interface ValidatedPage {
  accepted: Accepted[];
  rejected: RejectedRow[];
  next: Position;
  done: boolean;
  /** An incremental pass replaces older versions page by page; a full pass compacts at its end. */
  incremental: boolean;
}

/**
 * One resource's pass, as a pipeline: the next page is requested as soon as the current one's
 * cursor is known, so the feed serialises it while this page is validated and committed, and pages
 * commit in order through a {@link PageWriter} (several per transaction when they queue up). What
 * is observable stays as it was one page at a time: pages are committed in feed order with their
 * position; the live dataset, the report and `onPage` follow each commit; a failure — of the feed,
 * of a page, of the store — ends the pass after every page before it is committed (a store failure
 * wins: nothing after it is kept), with no request left in flight.
 */
async function syncResource(
  db: Database,
  spec: ResourceSpec,
  o: Required<Omit<SyncOptions, 'onPage' | 'fetch' | 'live'>> & SyncOptions,
  fetchOptions: FetchOptions,
  report: SyncReport,
): Promise<void> {
  const { resource } = spec;
  const source = o.source;
  let pos = await readPosition(db, source, resource);
  // No page in flight: a new pass asks for what changed since the last completed one.
  if (pos.cursor === null)
    pos = { ...pos, offset: 0, passSince: pos.completedSince, passServerTime: null };
  let restarts = 0;
  let seq = await nextSeq(db, source, resource);
  const request = (passSince: string | null, cursor: string | null): Promise<FeedResponse> => {
    const fetching = getPage(
      pageUrl(o.feedUrl, resource, o.pageSize, passSince, cursor),
      fetchOptions,
      report.timings,
    );
    fetching.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    return fetching;
  };

  const writer = new PageWriter<ValidatedPage>(async (pages) => {
    const storing = performance.now();
    const firstSeq = seq;
    const last = pages[pages.length - 1];
    if (last === undefined) return;
    const written = await db.transaction(async (tx) => {
      let n = 0;
      for (const page of pages) {
        n += await upsertRecords(tx, source, resource, page.accepted, {
          firstSeq: firstSeq + n,
          replaceOlder: page.incremental,
        });
        if (page.done && !page.incremental) await compactLog(tx, source, resource);
        await storeRejected(tx, source, resource, page.rejected);
      }
      await writePosition(tx, source, resource, last.next, last.done ? Date.now() : null);
      return n;
    });
    report.timings.storeMs += performance.now() - storing;
    seq += written;
    // Only after the commit: the live dataset never holds what the store does not.
    for (const page of pages) {
      if (o.live) {
        for (const a of page.accepted) a.record.putInto(o.live);
        if (page.accepted.length > 0) o.live.changed();
      }
      const fetched = page.accepted.length + page.rejected.length;
      report.fetched[resource] += fetched;
      report.rejected += page.rejected.length;
      o.onPage?.(resource, report.fetched[resource]);
    }
    report.upserted += written;
    if (written > 0) report.changed = true;
  });

  let fetching = request(pos.passSince, pos.cursor);
  try {
    for (;;) {
      let response: FeedResponse;
      try {
        response = await fetching;
      } catch (e) {
        if (
          e instanceof FeedError &&
          e.code === 'invalid_cursor' &&
          restarts < MAX_CURSOR_RESTARTS
        ) {
          // The platform no longer knows our cursor: start this pass again from its first page.
          restarts++;
          await writer.drain();
          pos = { ...pos, cursor: null, offset: 0, passServerTime: null };
          fetching = request(pos.passSince, pos.cursor);
          continue;
        }
        throw e;
      }
      // The next page is asked for before this one is validated (a malformed page only wastes
      // that request: the pass stops below when it is found).
      const cursor = nextCursorOf(response.body);
      if (cursor !== null) fetching = request(pos.passSince, cursor);
      const validating = performance.now();
      const page = parsePage(resource, response.body, keepRaw(spec, response), pos.offset);
      report.timings.validateMs += performance.now() - validating;
      const next: Position = {
        cursor: page.nextCursor,
        offset: pos.offset + page.accepted.length + page.rejected.length,
        passSince: pos.passSince,
        passServerTime: pos.passServerTime ?? page.serverTime,
        completedSince: pos.completedSince,
      };
      const done = page.nextCursor === null;
      if (done) {
        next.completedSince = next.passServerTime;
        next.passSince = null;
        next.offset = 0;
      }
      const incremental = pos.passSince !== null;
      await writer.push({ ...page, next, done, incremental });
      pos = next;
      if (done) {
        await writer.drain();
        report.completed.push(resource);
        return;
      }
    }
  } catch (e) {
    // Every page before the failure is committed first; a store failure is the one to report.
    await fetching.catch(() => undefined);
    await writer.drain();
    throw e;
  }
}

/** One sync of every resource, resuming any pass a previous (killed) sync left in flight. */
export async function syncFeeds(db: Database, options: SyncOptions): Promise<SyncReport> {
  const o = { source: CITY_SOURCE, pageSize: DEFAULT_PAGE_SIZE, ...options };
  const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...options.fetch };
  const report: SyncReport = {
    fetched: { departments: 0, items: 0, cases: 0, 'case-events': 0, evaluations: 0, tasks: 0 },
    upserted: 0,
    rejected: 0,
    completed: [],
    changed: false,
    timings: { httpMs: 0, jsonMs: 0, validateMs: 0, storeMs: 0 },
    resourceMs: {},
  };
  for (const spec of SYNC_RESOURCES) {
    const started = performance.now();
    await syncResource(db, spec, o, fetchOptions, report);
    report.resourceMs[spec.resource] = Math.round(performance.now() - started);
  }
  return report;
}
