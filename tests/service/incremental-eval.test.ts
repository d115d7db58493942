/**
 * Issue 17: after an incremental sync the service evaluates and rewrites only the changed cases,
 * and on a new as-of day only the cases whose figures move with it — and the derived tables must
 * come out exactly as a full evaluation of the same records writes them (every column of every
 * `case_eval` and `case_flags` row, compared as text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedServer } from '../../mocks/feed-server';
import type { DemoDataset } from '../../mocks/demo-city';
import type { FeedHttpServer } from '../../mocks/feed-http';
import type { RunningServer } from '../../server/main';
import { AS_OF_MS, demoCity, startFeed, startService, tempDir, type TempDir } from './helpers';

const LATER = '2026-10-01T10:00:00+08:00';

/** The city a day later at the platform: cases completed, suspended, moved on, and new ones. */
function changedCity(city: DemoDataset): { city: DemoDataset; ids: Set<string> } {
  const open = city.cases.filter((c) => c.completedAt === null);
  const done = city.cases.filter((c) => c.completedAt !== null);
  const changed = new Map<string, DemoDataset['cases'][number]>();
  for (const c of open.slice(0, 15)) {
    changed.set(c.id, { ...c, status: '办结', completedAt: LATER, updatedAt: LATER });
  }
  for (const c of done.slice(0, 10)) {
    changed.set(c.id, {
      ...c,
      suspensions: [
        ...c.suspensions,
        { kind: '补正', startAt: c.acceptedAt, endAt: c.completedAt, approvedDays: 1 },
      ],
      updatedAt: LATER,
    });
  }
  const added = done.slice(20, 25).map((c) => ({
    ...c,
    id: `${c.id}N`,
    status: '在办' as const,
    acceptedAt: '2026-09-28T09:00:00+08:00',
    completedAt: null,
    suspensions: [],
    updatedAt: LATER,
  }));
  const steps = open.slice(15, 25).map((c, i) => ({
    id: `${c.id}-late-${i}`,
    caseId: c.id,
    step: '审核',
    departmentId: c.departmentId,
    handler: '王五',
    enteredAt: LATER,
    leftAt: null,
    updatedAt: LATER,
  }));
  return {
    city: {
      ...city,
      serverTime: '2026-10-01T12:00:00+08:00',
      cases: [...city.cases.map((c) => changed.get(c.id) ?? c), ...added],
      caseEvents: [...city.caseEvents, ...steps],
    },
    ids: new Set([...changed.keys(), ...added.map((c) => c.id), ...steps.map((e) => e.caseId)]),
  };
}

/** The derived rows, sorted, as text. */
async function derived(server: RunningServer): Promise<{ cases: string[]; flags: string[] }> {
  const text = async (sql: string): Promise<string[]> =>
    (await server.db.all(sql)).map((r) => JSON.stringify(r));
  return {
    cases: await text(
      "SELECT * EXCLUDE (source) FROM case_eval WHERE source = 'city' ORDER BY case_id",
    ),
    flags: await text(
      `SELECT * EXCLUDE (source) FROM case_flags WHERE source = 'city'
         ORDER BY case_id NULLS FIRST, code, department_id, evidence`,
    ),
  };
}

describe('incremental evaluation in the service', () => {
  const city = demoCity(1500);
  const next = changedCity(city);
  let tmp: TempDir | undefined;
  let feed: FeedHttpServer;
  let server: RunningServer;
  beforeAll(async () => {
    feed = await startFeed(city, {
      faultSwitch: true,
      touch: () => createFeedServer(next.city),
    });
    tmp = tempDir();
    server = await startService(tmp.db, feed.url);
    await server.service.syncOnce();
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await feed.close();
    tmp?.remove();
  });

  it('rewrites only what changed, and the tables equal a full evaluation', async () => {
    const full0 = server.service.evaluated!.evaluatedModel;
    expect(full0.reuse?.full).toBe(true);

    const touched = await fetch(new URL('/demo/touch?cases=1', feed.url));
    expect(touched.status).toBe(200);
    const report = await server.service.syncOnce();
    expect(report?.changed).toBe(true);
    const afterSync = server.service.evaluated!.evaluatedModel;
    expect(afterSync.reuse?.full).toBe(false);
    // Exactly the changed and the new cases: the open ones are not re-evaluated at the same as-of.
    expect(new Set(afterSync.reuse?.recomputedIds)).toEqual(next.ids);
    expect(next.ids.size).toBeGreaterThan(20);
    const incremental = await derived(server);

    // A new as-of day: only the cases not settled by yesterday are evaluated again.
    server.service.options.asOfMs = AS_OF_MS + 86_400_000;
    await server.service.recompute();
    const nextDay = server.service.evaluated!.evaluatedModel;
    expect(nextDay.reuse?.full).toBe(false);
    const open = nextDay.rows.filter((r) => r.completedAt === null).length;
    expect(nextDay.reuse!.recomputedIds.length).toBeGreaterThanOrEqual(open);
    expect(nextDay.reuse!.recomputedIds.length).toBeLessThan(nextDay.rows.length / 2);
    const daily = await derived(server);

    // Everything evaluated again from the store, same as-of: the same rows.
    await server.service.reloadFromStore();
    expect(server.service.evaluated!.evaluatedModel.reuse?.full).toBe(true);
    const full = await derived(server);
    expect(daily.cases.length).toBe(next.city.cases.length);
    expect(daily.cases).toEqual(full.cases);
    expect(daily.flags).toEqual(full.flags);

    server.service.options.asOfMs = AS_OF_MS;
    await server.service.reloadFromStore();
    const fullToday = await derived(server);
    expect(incremental.cases).toEqual(fullToday.cases);
    expect(incremental.flags).toEqual(fullToday.flags);
  }, 180_000);

  it('lets the old figures go while a recompute reloads the store: 503 not_ready, then the new ones', async () => {
    const before = server.service.evaluated;
    expect(before).not.toBeNull();
    const reload = server.service.reloadFromStore();
    // Let reloadFromStore pass its wait for a running evaluation.
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.service.evaluated).toBeNull();
    await expect(server.service.evaluatedFor('city')).rejects.toMatchObject({
      status: 503,
      code: 'not_ready',
    });
    const after = await reload;
    expect(after).not.toBe(before);
    expect(server.service.evaluated?.model.rows.length).toBe(next.city.cases.length);
    const res = await fetch(`${server.url}/api/v1/overview?period=2026Q3`);
    expect(res.status).toBe(200);
  }, 120_000);
});
