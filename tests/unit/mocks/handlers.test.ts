import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedResource } from '../../../src/feeds/query-keys';
import {
  FeedPageError,
  parsePage,
  type FeedPage,
  type RecordParser,
} from '../../../src/feeds/result';
import { parseCase, type CaseRecord } from '../../../src/feeds/schemas/case';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';
import { parseFeedErrorBody } from '../../../src/feeds/schemas/error-body';
import { generateDemoCity } from '../../../mocks/demo-city';
import { createFeedHandlers } from '../../../mocks/handlers';
import {
  feedBrokenEnvelope,
  feedFails,
  feedMalformed,
  feedTimesOut,
  feedUnauthorized,
} from '../../../mocks/scenarios';

const ORIGIN = 'http://localhost';
const BASE = '/api/v1';
const dataset = generateDemoCity({ seed: 1, cases: 2500, asOf: '2026-09-30' });
const server = setupServer(...createFeedHandlers({ dataset, baseUrl: BASE }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function get(resource: FeedResource, query: Record<string, string> = {}): Promise<Response> {
  const url = new URL(`${BASE}/${resource}`, ORIGIN);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return fetch(url);
}

/** Follows the cursors to the end, like the dashboard's client. */
async function fetchAll<T>(
  resource: FeedResource,
  parseOne: RecordParser<T>,
  query: Record<string, string> = {},
): Promise<{ pages: FeedPage<T>[]; accepted: T[] }> {
  const pages: FeedPage<T>[] = [];
  let cursor: string | null = null;
  let offset = 0;
  do {
    const response = await get(resource, cursor === null ? query : { ...query, cursor });
    expect(response.status).toBe(200);
    const page = parsePage(resource, await response.json(), parseOne, offset);
    pages.push(page);
    offset += page.accepted.length + page.rejected.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { pages, accepted: pages.flatMap((p) => p.accepted) };
}

describe('demo feed handlers', () => {
  it('follows cursors to the full set, in order, without duplicates', async () => {
    const { pages, accepted } = await fetchAll('cases', parseCase, { limit: '700' });
    expect(pages.map((p) => p.accepted.length)).toEqual([700, 700, 700, 400]);
    expect(accepted.map((c) => c.id)).toEqual(dataset.cases.map((c) => c.id));
    expect(pages.every((p) => p.rejected.length === 0)).toBe(true);
    expect(pages[0]?.serverTime).toBe(dataset.serverTime);
  });

  it('serves the default page size of 1000', async () => {
    const body = (await (await get('case-events')).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    expect(body.items).toHaveLength(1000);
    expect(body.nextCursor).not.toBeNull();
  });

  it('filters by updatedSince (strictly later)', async () => {
    const since = '2026-09-01T00:00:00+08:00';
    const { accepted } = await fetchAll('cases', parseCase, { updatedSince: since, limit: '5000' });
    const expected = dataset.cases
      .filter((c) => Date.parse(c.updatedAt) > Date.parse(since))
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(dataset.cases.length);
    expect(accepted.map((c: CaseRecord) => c.id)).toEqual(expected);
    // Nothing changed after the server's clock: an incremental sync from serverTime is empty.
    const empty = await fetchAll('cases', parseCase, { updatedSince: dataset.serverTime });
    expect(empty.accepted).toEqual([]);
  });

  it('filters by department and period (acceptance date for cases)', async () => {
    const { accepted } = await fetchAll('cases', parseCase, {
      departmentId: 'D21',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    const expected = dataset.cases.filter(
      (c) =>
        c.departmentId === 'D21' &&
        c.acceptedAt.slice(0, 10) >= '2026-07-01' &&
        c.acceptedAt.slice(0, 10) <= '2026-09-30',
    );
    expect(accepted.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(expected.length).toBeGreaterThan(0);
    // Evaluations filter by their case's department.
    const evaluations = await fetchAll('evaluations', parseEvaluation, { departmentId: 'D21' });
    const d21Cases = new Set(
      dataset.cases.filter((c) => c.departmentId === 'D21').map((c) => c.id),
    );
    expect(evaluations.accepted.length).toBeGreaterThan(0);
    expect(evaluations.accepted.every((e) => d21Cases.has(e.caseId))).toBe(true);
  });

  it.each([
    [{ limit: '0' }, 'bad_request'],
    [{ limit: '5001' }, 'bad_request'],
    [{ updatedSince: 'yesterday' }, 'bad_request'],
    [{ from: '2026-09-31' }, 'bad_request'],
    [{ from: '2026-09-30', to: '2026-09-01' }, 'bad_request'],
    [{ cursor: 'not-a-cursor' }, 'invalid_cursor'],
  ])('answers %o with 400 and the documented error body', async (query, code) => {
    const response = await get('cases', query);
    expect(response.status).toBe(400);
    expect(parseFeedErrorBody(await response.json())?.code).toBe(code);
  });

  it('refuses a cursor issued for other filters', async () => {
    const first = (await (await get('cases', { limit: '10' })).json()) as { nextCursor: string };
    const response = await get('cases', {
      limit: '10',
      departmentId: 'D21',
      cursor: first.nextCursor,
    });
    expect(response.status).toBe(400);
  });

  it('answers unknown resources with 404 and the error body', async () => {
    const response = await fetch(`${ORIGIN}${BASE}/nothing`);
    expect(response.status).toBe(404);
    expect(parseFeedErrorBody(await response.json())?.code).toBe('not_found');
  });
});

describe('scenarios', () => {
  it('feedMalformed: the good records still arrive, the bad ones come with reasons', async () => {
    server.use(...feedMalformed('cases', { badRecords: 5, dataset }));
    const { pages, accepted } = await fetchAll('cases', parseCase, { limit: '1000' });
    const rejected = pages.flatMap((p) => p.rejected);
    expect(rejected).toHaveLength(5);
    expect(accepted).toHaveLength(dataset.cases.length - 5);
    expect(rejected.map((r) => r.reason)).toEqual([
      '申办渠道必须是 窗口、网上 之一 (channel must be one of 窗口, 网上, got "传真")',
      expect.stringContaining('承诺时限'),
      expect.stringContaining('受理时间'),
      '更新时间不是有效的时间 (updatedAt must be an ISO 8601 time such as 2026-03-02T09:30:00+08:00, got "昨天下午")',
      expect.stringContaining('部门编号'),
    ]);
    // Each rejection points at the record's place in the feed and keeps it for download.
    for (const r of rejected) {
      expect(r.resource).toBe('cases');
      expect(r.id).toBe(dataset.cases[r.index]?.id);
      expect(r.raw).toMatchObject({ id: r.id });
    }
  });

  it('feedMalformed: records that are not objects are rejected too', async () => {
    server.use(...feedMalformed('evaluations', { badRecords: 5, dataset }));
    const { pages } = await fetchAll('evaluations', parseEvaluation);
    const reasons = pages.flatMap((p) => p.rejected.map((r) => r.reason));
    expect(reasons).toHaveLength(5);
    expect(reasons[0]).toBe('评价等级必须是 1–5 的整数 (level must be an integer 1–5, got 7)');
    expect(reasons.at(-1)).toContain('评价记录必须是 JSON 对象');
  });

  it('feedFails: the status and the documented error body', async () => {
    server.use(...feedFails('cases', 503));
    const response = await get('cases');
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('30');
    expect(parseFeedErrorBody(await response.json())).toMatchObject({ code: 'unavailable' });
    // Other feeds keep working.
    expect((await get('departments')).status).toBe(200);
  });

  it.each([401, 403] as const)('feedUnauthorized %i', async (status) => {
    server.use(...feedUnauthorized('tasks', status));
    const response = await get('tasks');
    expect(response.status).toBe(status);
    expect(parseFeedErrorBody(await response.json())?.code).toBe(
      status === 401 ? 'unauthorized' : 'forbidden',
    );
  });

  it('feedTimesOut: the request hangs until the client gives up', async () => {
    server.use(...feedTimesOut('items'));
    const started = Date.now();
    await expect(
      fetch(`${ORIGIN}${BASE}/items`, { signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('feedBrokenEnvelope: the whole page is an error with a readable message', async () => {
    server.use(...feedBrokenEnvelope('departments'));
    const body: unknown = await (await get('departments')).json();
    expect(() => parsePage('departments', body, parseEvaluation)).toThrow(FeedPageError);
    expect(() => parsePage('departments', body, parseEvaluation)).toThrow(/items/);
  });

  it('handlers also work with an absolute base URL', async () => {
    server.use(...createFeedHandlers({ dataset, baseUrl: 'https://feeds.example.gov.cn/v1' }));
    const response = await fetch('https://feeds.example.gov.cn/v1/departments?limit=5');
    const body = (await response.json()) as { items: unknown[] };
    expect(body.items).toHaveLength(5);
  });
});
