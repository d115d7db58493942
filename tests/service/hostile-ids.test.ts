/**
 * Issue 18.1 on the service: ids from data are kept exactly and reachable whatever they contain.
 * Cases and a department are renamed to hostile ids in the demo feed; after a sync each case opens
 * by `GET /api/v1/case?id=` (any id) and, where a path segment can carry it, `/cases/{id}`; the
 * hostile department opens by `GET /api/v1/department?id=` and `/departments/{id}`; the alerts
 * filter finds it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '../../mocks/demo-city';
import type { FeedHttpServer } from '../../mocks/feed-http';
import type { RunningServer } from '../../server/main';
import { demoCity, getJson, startFeed, startService, tempDir, type TempDir } from './helpers';

const HOSTILE = [
  'A?1',
  'B/2',
  '..',
  '.',
  '#x',
  '%2F',
  '空 格',
  '=1+1',
  '\t=1+1',
  'x'.repeat(200),
  'a&b=c',
  '<script>',
];

let feed: FeedHttpServer;
let tmp: TempDir;
let server: RunningServer;
let renamed: Map<string, string>;

beforeAll(async () => {
  const city = demoCity(1500);
  const open = city.cases.filter((c) => c.status === '在办').slice(0, HOSTILE.length);
  renamed = new Map(open.map((c, i) => [c.id, HOSTILE[i] as string]));
  const hostileDept = 'D/13?#';
  const rename = (id: string): string => renamed.get(id) ?? id;
  const dept = (id: string): string => (id === 'D13' ? hostileDept : id);
  const hostile: DemoDataset = {
    ...city,
    departments: city.departments.map((d) => ({ ...d, id: dept(d.id) })),
    items: city.items.map((i) => ({ ...i, departmentId: dept(i.departmentId) })),
    cases: city.cases.map((c) => ({ ...c, id: rename(c.id), departmentId: dept(c.departmentId) })),
    caseEvents: city.caseEvents.map((e) => ({
      ...e,
      caseId: rename(e.caseId),
      departmentId: dept(e.departmentId),
    })),
    evaluations: city.evaluations.map((e) => ({ ...e, caseId: rename(e.caseId) })),
  };
  feed = await startFeed(hostile);
  tmp = tempDir();
  server = await startService(tmp.db, feed.url);
  await server.service.syncOnce();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await feed?.close();
  tmp?.remove();
});

describe('hostile ids', () => {
  it('keeps every id exactly and opens each case by query string', async () => {
    for (const id of HOSTILE) {
      const r = await getJson(`${server.url}/api/v1/case?${new URLSearchParams({ id })}`);
      expect(r.status, JSON.stringify(id)).toBe(200);
      expect((r.body as { caseId: string }).caseId).toBe(id);
    }
  });

  it('opens a case by path where a segment can carry the id', async () => {
    for (const id of HOSTILE.filter((x) => x !== '.' && x !== '..')) {
      const r = await getJson(`${server.url}/api/v1/cases/${encodeURIComponent(id)}`);
      expect(r.status, JSON.stringify(id)).toBe(200);
      expect((r.body as { caseId: string }).caseId).toBe(id);
    }
  });

  it('filters alerts by a hostile department id', async () => {
    const r = await getJson(
      `${server.url}/api/v1/alerts?${new URLSearchParams({ dept: 'D/13?#', pageSize: '500' })}`,
    );
    expect(r.status).toBe(200);
    const items = (r.body as { items: { departmentId: string }[] }).items;
    expect(items.every((a) => a.departmentId === 'D/13?#')).toBe(true);
  });

  it('opens the hostile department by query string and by its encoded path segment', async () => {
    const byQuery = await getJson(
      `${server.url}/api/v1/department?${new URLSearchParams({ id: 'D/13?#', period: '2026Q3' })}`,
    );
    expect(byQuery.status).toBe(200);
    const header = (byQuery.body as { header: { info: { id: string } } }).header;
    expect(header.info.id).toBe('D/13?#');
    const byPath = await getJson(
      `${server.url}/api/v1/departments/${encodeURIComponent('D/13?#')}?period=2026Q3`,
    );
    expect(byPath.status).toBe(200);
    expect(byPath.body).toEqual(byQuery.body);
  });

  it('answers 404 (never 500) for any unknown department id, however strange', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (id) => {
        if (id === 'D/13?#') return;
        const q = new URLSearchParams({ id, period: '2026Q3' });
        const r = await fetch(`${server.url}/api/v1/department?${q}`);
        await r.body?.cancel();
        expect([404, 400]).toContain(r.status);
      }),
      { numRuns: 60 },
    );
  });

  it('answers 404 (never 500) for any unknown id, however strange', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (id) => {
        if (renamed.has(id) || [...renamed.values()].includes(id)) return;
        const r = await fetch(`${server.url}/api/v1/case?${new URLSearchParams({ id })}`);
        await r.body?.cancel();
        expect([404, 400]).toContain(r.status);
      }),
      { numRuns: 60 },
    );
  });
});
