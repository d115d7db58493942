/**
 * The demo platform after `GET /demo/touch` reuses what it parsed of the records that did not
 * change (issue 17: the incremental pass no longer waits for 3.8M step records to be parsed
 * again). Its answers must be exactly those of a platform built from scratch on the changed data.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoCity, type DemoDataset } from '../../../mocks/demo-city/generate';
import { createFeedServer, type FeedAnswer, type FeedServer } from '../../../mocks/feed-server';
import type { FeedResource } from '../../../src/feeds/query-keys';
import { touchCases } from '../../../scripts/cli/demo-feed-command';

const city = generateDemoCity({ seed: 3, cases: 600, asOf: '2026-09-30' });

/** Every page of a query, following the cursors. */
function allPages(
  feed: FeedServer,
  resource: FeedResource,
  query: Record<string, string>,
): FeedAnswer[] {
  const pages: FeedAnswer[] = [];
  let cursor: string | null = '';
  for (let guard = 0; guard < 100 && cursor !== null; guard++) {
    const params = new URLSearchParams({ ...query, limit: '200' });
    if (cursor !== '') params.set('cursor', cursor);
    const answer = feed.answer(resource, params);
    pages.push(answer);
    cursor = answer.status === 200 ? answer.body.nextCursor : null;
  }
  return pages;
}

function queries(data: DemoDataset): [FeedResource, Record<string, string>][] {
  const dept = data.departments[1]?.id ?? '';
  return [
    ['cases', { updatedSince: city.serverTime }],
    ['cases', { updatedSince: '2026-01-01T00:00:00+08:00', departmentId: dept }],
    ['cases', { from: '2026-07-01', to: '2026-08-15' }],
    ['case-events', { updatedSince: '2026-09-01T00:00:00+08:00' }],
    ['evaluations', { departmentId: dept }],
    ['tasks', {}],
  ];
}

describe('createFeedServer(…, previous)', () => {
  it('answers a touched city exactly as a server built from scratch', () => {
    const before = createFeedServer(city);
    // The previous server has indexed every resource, as after a full sync.
    for (const [resource, query] of queries(city)) allPages(before, resource, query);
    const touched = touchCases(city, 50, 1);
    const reused = createFeedServer(touched, undefined, before);
    const fresh = createFeedServer(touched);
    for (const [resource, query] of queries(touched))
      expect(allPages(reused, resource, query)).toEqual(allPages(fresh, resource, query));
    // The incremental pass sees exactly the touched cases.
    const changed = allPages(reused, 'cases', { updatedSince: city.serverTime });
    const items = changed.flatMap((a) => (a.status === 200 ? a.body.items : []));
    expect(items).toHaveLength(50);
  });
});
