/**
 * The disk-backed demo feed (mocks/disk-feed) answers byte for byte what the in-memory feed
 * (mocks/feed-server.ts) answers for the same city: every page of every resource, filtered
 * queries, errors, and incremental passes after `/demo/touch`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, type DemoDataset } from '../../../mocks/demo-city';
import { startFeedHttpServer } from '../../../mocks/feed-http';
import {
  createFeedServer,
  FEED_RESOURCES,
  recordCounts,
  type FeedServer,
} from '../../../mocks/feed-server';
import { createDiskFeed, type DiskFeed } from '../../../mocks/disk-feed/server';
import { writeDiskCity } from '../../../mocks/disk-feed/write';
import { touchCases } from '../../../scripts/cli/demo-feed-command';
import type { FeedResource } from '../../../src/feeds/query-keys';

const OPTIONS = { seed: 7, cases: 2000, asOf: '2026-09-30' };

let city: DemoDataset;
let memory: FeedServer;
let disk: DiskFeed;

beforeAll(async () => {
  city = generateDemoCity(OPTIONS);
  memory = createFeedServer(city);
  disk = createDiskFeed(await writeDiskCity(OPTIONS));
});
afterAll(() => disk.close(true));

const memoryText = (feed: FeedServer, r: FeedResource, params: URLSearchParams): string => {
  const answer = feed.answer(r, params);
  return `${answer.status} ${JSON.stringify(answer.body)}`;
};
const diskText = (r: FeedResource, params: URLSearchParams): string => {
  const answer = disk.answerText(r, params);
  return `${answer.status} ${answer.body.toString()}`;
};

/** Follows the cursors from a first query; asserts every page is the same text; returns the count of items. */
function walkBoth(feed: FeedServer, r: FeedResource, query: Record<string, string>): number {
  const params = new URLSearchParams(query);
  let items = 0;
  for (let pages = 0; pages < 10_000; pages++) {
    const expected = memoryText(feed, r, params);
    expect(diskText(r, params), `${r} ${params.toString()}`).toBe(expected);
    if (!expected.startsWith('200 ')) return items;
    const body = JSON.parse(expected.slice(4)) as { items: unknown[]; nextCursor: string | null };
    items += body.items.length;
    if (body.nextCursor === null) return items;
    params.set('cursor', body.nextCursor);
  }
  throw new Error('too many pages');
}

describe('disk-backed demo feed', () => {
  it('serves every page of every resource exactly as the in-memory feed', () => {
    const counts = recordCounts(city);
    for (const r of FEED_RESOURCES) {
      expect(walkBoth(memory, r, {})).toBe(counts[r]);
      expect(walkBoth(memory, r, { limit: '137' })).toBe(counts[r]);
    }
    expect(counts['case-events']).toBeGreaterThan(counts.cases);
  });

  it('filters by department, dates and updatedSince exactly as the in-memory feed', () => {
    const parent = city.departments.find((d) => d.parentId === null)?.id ?? '';
    const child = city.departments.find((d) => d.parentId !== null)?.id ?? '';
    const coDepartment = city.tasks.find((t) => t.coDepartmentIds.length > 0)?.coDepartmentIds[0];
    const middle = [...city.cases].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[1000];
    const queries: Record<string, string>[] = [
      { departmentId: parent },
      { departmentId: child, limit: '50' },
      { departmentId: coDepartment ?? parent },
      { departmentId: 'NO-SUCH-DEPT' },
      { from: '2026-07-01', to: '2026-09-30', limit: '300' },
      { from: '2026-08-15' },
      { to: '2025-12-31', departmentId: parent },
      { updatedSince: middle?.updatedAt ?? '', limit: '200' },
      { updatedSince: '2026-09-01T00:00:00+08:00', from: '2026-06-01', departmentId: parent },
    ];
    let matched = 0;
    for (const r of FEED_RESOURCES) for (const q of queries) matched += walkBoth(memory, r, q);
    expect(matched).toBeGreaterThan(1000);
  });

  it('writes the same files and indexes on two worker threads as on one thread', async () => {
    const options = { seed: 3, cases: 25_000, asOf: '2026-09-30' };
    const [one, two] = await Promise.all([
      writeDiskCity({ ...options, workers: 0 }),
      writeDiskCity({ ...options, workers: 2 }),
    ]);
    try {
      expect(two.bytes).toBe(one.bytes);
      for (const r of FEED_RESOURCES) {
        const a = one.resources.get(r);
        const b = two.resources.get(r);
        if (a === undefined || b === undefined) throw new Error(`missing ${r}`);
        expect(readFileSync(b.path).equals(readFileSync(a.path)), r).toBe(true);
        expect(b.count, r).toBe(a.count);
        for (let i = 0; i <= a.count; i += 97) {
          expect(b.offsets.get(i)).toBe(a.offsets.get(i));
          expect(b.updatedAt.get(i)).toBe(a.updatedAt.get(i));
          expect(b.mainDay?.get(i)).toBe(a.mainDay?.get(i));
          expect(b.department.get(i)).toBe(a.department.get(i));
        }
        expect(b.offsets.get(b.count)).toBe(a.offsets.get(a.count));
        expect([...b.moreDepartments]).toEqual([...a.moreDepartments]);
      }
    } finally {
      one.remove();
      two.remove();
    }
  }, 120_000);

  it('answers the same errors', () => {
    const first = JSON.parse(diskText('cases', new URLSearchParams({ limit: '10' })).slice(4)) as {
      nextCursor: string;
    };
    const bad: Record<string, string>[] = [
      { limit: '0' },
      { limit: '5001' },
      { limit: 'x' },
      { updatedSince: 'yesterday' },
      { from: '2026-13-01' },
      { from: '2026-09-02', to: '2026-09-01' },
      { cursor: 'garbage' },
      { cursor: first.nextCursor, departmentId: 'D10' },
    ];
    for (const q of bad) {
      const params = new URLSearchParams(q);
      expect(diskText('cases', params)).toMatch(/^400 /);
      expect(diskText('cases', params)).toBe(memoryText(memory, 'cases', params));
    }
    const nothing = new URLSearchParams();
    const unknown = 'nope' as FeedResource;
    expect(diskText(unknown, nothing)).toBe(memoryText(memory, unknown, nothing));
  });

  it('is served over HTTP with the same body', async () => {
    const http = await startFeedHttpServer(disk);
    try {
      const res = await fetch(`${http.url}/items?limit=3`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const params = new URLSearchParams({ limit: '3' });
      expect(await res.text()).toBe(memoryText(memory, 'items', params).slice(4));
    } finally {
      await http.close();
    }
  });
  it('after /demo/touch serves the changed cases and server clock as the in-memory feed', () => {
    let changed = city;
    for (const [round, n] of [10, 333].entries()) {
      const before = changed.serverTime;
      changed = touchCases(changed, n, round + 1);
      disk.touch(n);
      const feed = createFeedServer(changed);
      expect(disk.serverTime).toBe(changed.serverTime);
      expect(walkBoth(feed, 'cases', { updatedSince: before })).toBe(n);
      expect(walkBoth(feed, 'cases', { limit: '777' })).toBe(city.cases.length);
      expect(
        walkBoth(feed, 'cases', { departmentId: changed.cases[0]?.departmentId ?? '' }),
      ).toBeGreaterThan(0);
      expect(walkBoth(feed, 'case-events', { updatedSince: before })).toBe(0);
    }
  });
});
