/**
 * The disk-backed demo feed: answers feed requests from a city written by ./write.ts, with the
 * same contract, cursors, filters and errors as mocks/feed-server.ts (whose query parsing and
 * cursors it reuses) and byte-for-byte the same bodies (tests/unit/disk-feed.test.ts). A page is
 * the records' bytes read from the file and joined into the body — no record is parsed or
 * serialised per page — so a 5M-case city is served with only its indexes in memory.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parseInstant } from '../../src/domain/time-limit/instant';
import { feedErrorBody } from '../../src/feeds/schemas/error-body';
import type { FeedResource } from '../../src/feeds/query-keys';
import {
  encodeCursor,
  FEED_RESOURCES,
  readQuery,
  selectRecords,
  type FeedQuery,
} from '../feed-server';
import { touchPlan } from '../touch-plan';
import type { DiskCity, DiskResource } from './write';

/** A feed answer as the bytes of its JSON body. */
export interface FeedText {
  status: number;
  body: Buffer;
}

export interface DiskFeed {
  /** Answers `GET {base}/{resource}?{query}`. */
  answerText(resource: FeedResource, params: URLSearchParams): FeedText;
  /** `GET /demo/touch?cases=n`: n cases change (see mocks/touch-plan.ts). */
  touch(n: number): void;
  readonly serverTime: string;
  /** Closes the files (and deletes them with `remove`). */
  close(remove: boolean): void;
}

const json = (status: number, body: unknown): FeedText => ({
  status,
  body: Buffer.from(JSON.stringify(body)),
});

/** A piece of a page: a run of consecutive records in the file, or a record's changed text. */
type Piece = { start: number; length: number } | Buffer;

export function createDiskFeed(city: DiskCity): DiskFeed {
  const fds = new Map<FeedResource, number>();
  for (const [r, ix] of city.resources) fds.set(r, openSync(ix.path, 'r'));
  let serverTime = city.serverTime;
  let touches = 0;
  /** Cases changed by a touch: their text now, by position. */
  const changed = new Map<number, Buffer>();
  /** Filtered views (positions), per filter combination; none for the unfiltered view. */
  const views = new Map<string, Int32Array>();

  const resourceOf = (r: FeedResource): DiskResource => {
    const ix = city.resources.get(r);
    if (ix === undefined) throw new Error(`no such resource on disk: ${r}`);
    return ix;
  };

  const readBytes = (
    r: FeedResource,
    target: Buffer,
    at: number,
    start: number,
    length: number,
  ): void => {
    const fd = fds.get(r) ?? -1;
    for (let done = 0; done < length;) {
      const n = readSync(fd, target, at + done, length - done, start + done);
      if (n === 0) throw new Error(`${r}: file shorter than its index`);
      done += n;
    }
  };

  const viewOf = (r: FeedResource, q: FeedQuery): Int32Array | null => {
    const dated = q.from !== null || q.to !== null;
    if (q.updatedSince === null && q.departmentId === null && !dated) return null;
    const cached = views.get(q.signature);
    if (cached !== undefined) return cached;
    const ix = resourceOf(r);
    // The query's department as the index's code, looked up once (-2: no such department).
    const code = q.departmentId === null ? -1 : (city.departmentCodes.get(q.departmentId) ?? -2);
    const view = selectRecords(
      {
        count: ix.count,
        updatedAt: (i) => ix.updatedAt.get(i),
        mainDay: ix.mainDay === null ? null : (i) => ix.mainDay?.get(i) ?? 0,
        inDepartment: (i) =>
          ix.department.get(i) === code || (ix.moreDepartments.get(i)?.includes(code) ?? false),
      },
      q,
    );
    if (views.size >= 32) views.clear();
    views.set(q.signature, view);
    return view;
  };

  const page = (r: FeedResource, q: FeedQuery): FeedText => {
    const ix = resourceOf(r);
    const view = viewOf(r, q);
    const total = view === null ? ix.count : view.length;
    const end = Math.min(total, q.offset + q.limit);
    // Consecutive records are consecutive bytes (each followed by its comma): one read per run.
    const pieces: Piece[] = [];
    let run: { start: number; length: number } | null = null;
    let runEnd = -1;
    for (let k = q.offset; k < end; k++) {
      const i = view === null ? k : (view[k] ?? 0);
      const text = r === 'cases' ? changed.get(i) : undefined;
      if (text !== undefined) {
        pieces.push(text);
        run = null;
        continue;
      }
      const start = ix.offsets.get(i);
      const next = ix.offsets.get(i + 1);
      if (run !== null && i === runEnd) {
        run.length = next - run.start;
      } else {
        run = { start, length: next - start };
        pieces.push(run);
      }
      runEnd = i + 1;
    }
    const head = Buffer.from('{"items":[');
    const tail = Buffer.from(
      `],"nextCursor":${JSON.stringify(end < total ? encodeCursor(end, q.signature) : null)},"serverTime":${JSON.stringify(serverTime)}}`,
    );
    // A run's bytes end with a comma and a changed text has none: one comma between pieces.
    let size = head.length + tail.length;
    for (const p of pieces) size += Buffer.isBuffer(p) ? p.length + 1 : p.length;
    if (pieces.length > 0) size -= 1;
    const body = Buffer.allocUnsafe(size);
    let at = head.copy(body, 0);
    for (const [n, p] of pieces.entries()) {
      const last = n === pieces.length - 1;
      if (Buffer.isBuffer(p)) {
        at += p.copy(body, at);
        if (!last) at += body.write(',', at);
      } else {
        const length = last ? p.length - 1 : p.length;
        readBytes(r, body, at, p.start, length);
        at += length;
      }
    }
    tail.copy(body, at);
    return { status: 200, body };
  };

  return {
    get serverTime() {
      return serverTime;
    },
    answerText(resource, params) {
      if (!FEED_RESOURCES.includes(resource)) {
        return json(404, feedErrorBody('not_found', `没有这个数据源 (no such feed: ${resource})`));
      }
      const q = readQuery(resource, params);
      return 'status' in q ? json(q.status, q.body) : page(resource, q);
    },
    touch(n) {
      const cases = resourceOf('cases');
      const plan = touchPlan(serverTime, cases.count, n, ++touches);
      const stamp = parseInstant(plan.stamp) ?? Number.NaN;
      for (const i of plan.indexes) {
        let text = changed.get(i);
        if (text === undefined) {
          const start = cases.offsets.get(i);
          text = Buffer.allocUnsafe(cases.offsets.get(i + 1) - start - 1);
          readBytes('cases', text, 0, start, text.length);
        }
        // Our own file, written by JSON.stringify of a case: a parse failure is a corrupt file.
        const record: unknown = JSON.parse(text.toString());
        if (typeof record !== 'object' || record === null || Array.isArray(record))
          throw new Error(`cases: record ${i} on disk is not an object`);
        // Assigning an existing key keeps its place: the same text as `{ ...c, updatedAt }`.
        changed.set(i, Buffer.from(JSON.stringify({ ...record, updatedAt: plan.stamp })));
        cases.updatedAt.set(i, stamp);
      }
      serverTime = plan.serverTime;
      views.clear();
    },
    close(remove) {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
      if (remove) city.remove();
    },
  };
}
