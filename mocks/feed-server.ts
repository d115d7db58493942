/**
 * The demo feed server's logic, free of msw and Node APIs: answers a feed request (resource + URL)
 * from a {@link DemoDataset} exactly as docs/feed-contract.md describes — cursor pagination,
 * `limit`, `updatedSince`, `departmentId`, `from`/`to` and the error body. msw handlers and
 * scenario helpers wrap it; being plain, it runs the same in the browser, vitest and e2e.
 */
import { parseIsoDate, shanghaiDayOf } from '../src/domain/calendar/day';
import { parseInstant } from '../src/domain/time-limit/instant';
import { feedErrorBody, type FeedErrorBody } from '../src/feeds/schemas/error-body';
import type { FeedResource } from '../src/feeds/query-keys';
import type { DemoDataset } from './demo-city';

/** Every feed resource, in the order a client usually loads them. */
export const FEED_RESOURCES: readonly FeedResource[] = [
  'departments',
  'items',
  'cases',
  'case-events',
  'evaluations',
  'tasks',
];

/** How many records the feed serves per resource for `city` (what a complete sync must store). */
export function recordCounts(city: DemoDataset): Record<FeedResource, number> {
  return {
    departments: city.departments.length,
    items: city.items.length,
    cases: city.cases.length,
    'case-events': city.caseEvents.length,
    evaluations: city.evaluations.length,
    tasks: city.tasks.length,
  };
}

/** Default and largest page sizes. */
export const DEFAULT_PAGE_LIMIT = 1000;
export const MAX_PAGE_LIMIT = 5000;

/** A successful page. */
export interface FeedPageBody {
  items: unknown[];
  nextCursor: string | null;
  serverTime: string;
}

/** What the server answers: a status and a JSON body. */
export type FeedAnswer =
  | { status: 200; body: FeedPageBody }
  | { status: 400 | 401 | 403 | 404 | 429 | 500 | 503; body: FeedErrorBody };

/** The server's view of one resource: its records and what filters look at. */
interface ResourceIndex {
  records: readonly object[];
  updatedAt: Float64Array;
  /** Civil day of the main date for `from`/`to`, or null when the resource has none. */
  mainDay: Int32Array | null;
  departments: (i: number) => readonly string[];
}

function instantOrNaN(s: string): number {
  return parseInstant(s) ?? Number.NaN;
}

/**
 * The index of one resource. With `previous` (the index of an earlier version of the same
 * resource), a record that is the same object at the same position keeps its parsed instants:
 * after `GET /demo/touch` changed 10k of 1M cases, the platform does not parse 3.8M step records
 * again before answering the next incremental pass.
 */
function buildIndex(
  dataset: DemoDataset,
  resource: FeedResource,
  previous?: ResourceIndex,
): ResourceIndex {
  // The same list (a resource the change left alone) keeps its arrays; a changed copy of it
  // reuses each entry whose record is the same object.
  const earlier = previous?.records ?? [];
  const days = <T>(records: readonly T[], date: (r: T) => string): Int32Array => {
    const before = previous?.mainDay;
    if (before && earlier === records) return before;
    const out = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      out[i] = before && earlier[i] === r ? before[i]! : shanghaiDayOf(instantOrNaN(date(r)));
    }
    return out;
  };
  const stamps = <T extends { updatedAt: string }>(records: readonly T[]): Float64Array => {
    const before = previous?.updatedAt;
    if (before && earlier === records) return before;
    const out = new Float64Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      out[i] = before && earlier[i] === r ? before[i]! : instantOrNaN(r.updatedAt);
    }
    return out;
  };
  switch (resource) {
    case 'departments': {
      const r = dataset.departments;
      return {
        records: r,
        updatedAt: stamps(r),
        mainDay: null,
        departments: (i) => {
          const d = r[i];
          return d === undefined ? [] : d.parentId === null ? [d.id] : [d.id, d.parentId];
        },
      };
    }
    case 'items': {
      const r = dataset.items;
      return {
        records: r,
        updatedAt: stamps(r),
        mainDay: null,
        departments: (i) => [r[i]?.departmentId ?? ''],
      };
    }
    case 'cases': {
      const r = dataset.cases;
      return {
        records: r,
        updatedAt: stamps(r),
        mainDay: days(r, (c) => c.acceptedAt),
        departments: (i) => [r[i]?.departmentId ?? ''],
      };
    }
    case 'case-events': {
      const r = dataset.caseEvents;
      return {
        records: r,
        updatedAt: stamps(r),
        mainDay: days(r, (e) => e.enteredAt),
        departments: (i) => [r[i]?.departmentId ?? ''],
      };
    }
    case 'evaluations': {
      const r = dataset.evaluations;
      // An evaluation belongs to the department of its case (looked up once a filter asks).
      let caseDepartment: Map<string, string> | null = null;
      return {
        records: r,
        updatedAt: stamps(r),
        mainDay: days(r, (e) => e.at),
        departments: (i) => {
          caseDepartment ??= new Map(dataset.cases.map((c) => [c.id, c.departmentId]));
          return [caseDepartment.get(r[i]?.caseId ?? '') ?? ''];
        },
      };
    }
    case 'tasks': {
      const r = dataset.tasks;
      return {
        records: r,
        updatedAt: stamps(r),
        mainDay: days(r, (t) => t.assignedAt),
        departments: (i) => {
          const t = r[i];
          return t === undefined ? [] : [t.leadDepartmentId, ...t.coDepartmentIds];
        },
      };
    }
  }
}

/** The query of a request, validated. */
export interface FeedQuery {
  limit: number;
  offset: number;
  updatedSince: number | null;
  departmentId: string | null;
  from: number | null;
  to: number | null;
  /** The filters as text: a cursor is only valid for the filters it was issued for. */
  signature: string;
}

function badRequest(code: string, zh: string, en: string): FeedAnswer {
  return { status: 400, body: feedErrorBody(code, `${zh} (${en})`) };
}

// Cursors are opaque to clients; here, base64url of JSON {o: offset, s: filters}.
export function encodeCursor(offset: number, signature: string): string {
  const json = JSON.stringify({ o: offset, s: signature });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): { o: number; s: string } | null {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { o, s } = parsed as Record<string, unknown>;
    if (typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0 || typeof s !== 'string')
      return null;
    return { o, s };
  } catch {
    return null;
  }
}

/** Validates a request's query (also used by the disk-backed feed, mocks/disk-feed). */
export function readQuery(resource: FeedResource, params: URLSearchParams): FeedQuery | FeedAnswer {
  const limitText = params.get('limit');
  let limit = DEFAULT_PAGE_LIMIT;
  if (limitText !== null) {
    limit = /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
      return badRequest(
        'bad_request',
        `limit 必须是 1–${MAX_PAGE_LIMIT} 的整数`,
        `limit must be an integer 1–${MAX_PAGE_LIMIT}, got "${limitText}"`,
      );
    }
  }
  const sinceText = params.get('updatedSince');
  const updatedSince = sinceText === null ? null : parseInstant(sinceText);
  if (sinceText !== null && updatedSince === null) {
    return badRequest(
      'bad_request',
      'updatedSince 不是有效的时间',
      `updatedSince must be an ISO 8601 instant, got "${sinceText}"`,
    );
  }
  const dateParam = (name: 'from' | 'to'): number | null | FeedAnswer => {
    const text = params.get(name);
    if (text === null) return null;
    const day = parseIsoDate(text);
    return day === null
      ? badRequest(
          'bad_request',
          `${name} 必须是 YYYY-MM-DD 日期`,
          `${name} must be a YYYY-MM-DD date, got "${text}"`,
        )
      : day;
  };
  const from = dateParam('from');
  if (typeof from === 'object' && from !== null) return from;
  const to = dateParam('to');
  if (typeof to === 'object' && to !== null) return to;
  if (from !== null && to !== null && from > to) {
    return badRequest('bad_request', 'from 晚于 to', 'from is after to');
  }
  const departmentText = params.get('departmentId');
  const departmentId = departmentText === null || departmentText === '' ? null : departmentText;
  const signature = JSON.stringify([resource, updatedSince, departmentId, from, to]);
  let offset = 0;
  const cursorText = params.get('cursor');
  if (cursorText !== null && cursorText !== '') {
    const cursor = decodeCursor(cursorText);
    if (cursor === null || cursor.s !== signature) {
      return badRequest(
        'invalid_cursor',
        '分页游标无效或与查询条件不符，请从第一页重新获取',
        'the cursor is invalid or was issued for other filters; start again from the first page',
      );
    }
    offset = cursor.o;
  }
  return { limit, offset, updatedSince, departmentId, from, to, signature };
}

/** Answers feed requests from one dataset. */
export interface FeedServer {
  readonly dataset: DemoDataset;
  /** Answers `GET {base}/{resource}?{query}`. */
  answer(resource: FeedResource, params: URLSearchParams): FeedAnswer;
}

/** Each server's indexes, for the next server built over a changed copy of its dataset. */
const indexesOf = new WeakMap<FeedServer, ReadonlyMap<FeedResource, ResourceIndex>>();

/** What the feed's filters look at in one resource's records (by position in feed order). */
export interface FilterableRecords {
  count: number;
  updatedAt: (i: number) => number;
  /** Civil day of the main date for `from`/`to`, or null when the resource has none. */
  mainDay: ((i: number) => number) | null;
  inDepartment: (i: number, departmentId: string) => boolean;
}

/**
 * The positions a query selects, in feed order: the one definition of `updatedSince`, `from`/`to`
 * and `departmentId` (docs/feed-contract.md), for the in-memory feed and the disk-backed one
 * (mocks/disk-feed).
 */
export function selectRecords(records: FilterableRecords, q: FeedQuery): Int32Array {
  const dated = records.mainDay !== null && (q.from !== null || q.to !== null);
  const selected = new Int32Array(records.count);
  let k = 0;
  for (let i = 0; i < records.count; i++) {
    if (q.updatedSince !== null && !(records.updatedAt(i) > q.updatedSince)) continue;
    if (dated) {
      const day = records.mainDay?.(i) ?? 0;
      if (q.from !== null && day < q.from) continue;
      if (q.to !== null && day > q.to) continue;
    }
    if (q.departmentId !== null && !records.inDepartment(i, q.departmentId)) continue;
    selected[k++] = i;
  }
  return selected.slice(0, k);
}

/**
 * Builds a feed server over a dataset. Filtered views are computed once per filter combination
 * and cached, so following the cursors of a 50k-case feed costs O(page) per page.
 *
 * @param serverTime - the clock the server reports (default: the dataset's serverTime, so repeated
 *   incremental syncs of a fixed demo return nothing new)
 * @param previous - the server this one replaces (`GET /demo/touch`): records that stayed the same
 *   objects keep what it parsed of them
 */
export function createFeedServer(
  dataset: DemoDataset,
  serverTime: () => string = () => dataset.serverTime,
  previous?: FeedServer,
): FeedServer {
  const indexes = new Map<FeedResource, ResourceIndex>();
  // The previous server's indexes (not the server: a chain of touches must not stay reachable),
  // each dropped once this server has its own.
  const earlier = new Map(previous === undefined ? [] : (indexesOf.get(previous) ?? []));
  const views = new Map<string, Int32Array>();
  const indexOf = (resource: FeedResource): ResourceIndex => {
    let index = indexes.get(resource);
    if (index === undefined) {
      index = buildIndex(dataset, resource, earlier.get(resource));
      earlier.delete(resource);
      indexes.set(resource, index);
    }
    return index;
  };
  const viewOf = (resource: FeedResource, q: FeedQuery): Int32Array => {
    let view = views.get(q.signature);
    if (view !== undefined) return view;
    const index = indexOf(resource);
    view = selectRecords(
      {
        count: index.records.length,
        updatedAt: (i) => index.updatedAt[i] ?? Number.NaN,
        mainDay: index.mainDay === null ? null : (i) => index.mainDay?.[i] ?? 0,
        inDepartment: (i, departmentId) => index.departments(i).includes(departmentId),
      },
      q,
    );
    if (views.size >= 32) views.clear(); // a demo server: a small cache is plenty
    views.set(q.signature, view);
    return view;
  };
  const server: FeedServer = {
    dataset,
    answer(resource, params) {
      if (!FEED_RESOURCES.includes(resource)) {
        return {
          status: 404,
          body: feedErrorBody('not_found', `没有这个数据源 (no such feed: ${resource})`),
        };
      }
      const q = readQuery(resource, params);
      if ('status' in q) return q;
      const view = viewOf(resource, q);
      const records = indexOf(resource).records;
      const end = Math.min(view.length, q.offset + q.limit);
      const items: unknown[] = [];
      for (let k = q.offset; k < end; k++) items.push(records[view[k] ?? 0]);
      return {
        status: 200,
        body: {
          items,
          nextCursor: end < view.length ? encodeCursor(end, q.signature) : null,
          serverTime: serverTime(),
        },
      };
    },
  };
  indexesOf.set(server, indexes);
  return server;
}
