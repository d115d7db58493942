/**
 * Issue 18.4: a full disk during a sync. The page being written is not kept (each page commits
 * whole or not at all), the status says why in words a user can act on, the figures already
 * shown keep answering, and the next sync once there is room catches up without loss.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DemoDataset } from '../../mocks/demo-city';
import { createFeedServer, recordCounts } from '../../mocks/feed-server';
import { syncStatusResponse } from '../../src/contract/service';
import { demoCity, getJson, startFeed, startService, storedCounts, tempDir } from './helpers';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

const NO_SPACE = 'IO Error: Could not write file "store.duckdb.wal": No space left on device';

describe('a full disk during a sync', () => {
  it('keeps nothing of the page, says 磁盘空间不足, keeps answering, and catches up later', async () => {
    const city = demoCity(1500);
    const feed = await startFeed(city);
    const tmp = tempDir();
    const server = await startService(tmp.db, feed.url, {
      sync: { pageSize: 700, fetch: { backoffMs: 50, retries: 3 } },
    });
    cleanup.push(
      () => feed.close(),
      () => tmp.remove(),
      () => server.close(),
    );
    await server.service.syncOnce();
    const counts = await storedCounts(server);
    expect(counts).toEqual(recordCounts(city));
    const overview = `${server.url}/api/v1/overview?period=2026Q3`;
    const before = await getJson(overview);
    expect(before.status).toBe(200);

    // Five cases are completed on the platform; the disk is full when the sync stores them.
    const later = '2026-10-01T09:00:00+08:00';
    const ids = new Set(
      city.cases
        .filter((c) => c.status === '在办')
        .slice(0, 5)
        .map((c) => c.id),
    );
    const changed: DemoDataset = {
      ...city,
      serverTime: '2026-10-01T10:00:00+08:00',
      cases: city.cases.map((c) =>
        ids.has(c.id) ? { ...c, status: '办结' as const, completedAt: later, updatedAt: later } : c,
      ),
    };
    feed.setFeed(createFeedServer(changed));
    const full = vi.spyOn(server.db, 'transaction').mockRejectedValue(new Error(NO_SPACE));
    expect(await server.service.syncOnce()).toBeNull();
    expect(full).toHaveBeenCalled();

    const status = syncStatusResponse.parse(
      (await getJson(`${server.url}/api/v1/sync-status`)).body,
    );
    expect(status.state).toBe('error');
    expect(status.failure?.side).toBe('service');
    expect(status.failure?.message).toMatch(/^磁盘空间不足/);
    expect(status.failure?.message).toContain('No space left on device');
    expect(await storedCounts(server)).toEqual(counts);
    expect(await getJson(overview)).toEqual(before);

    full.mockRestore();
    const report = await server.service.syncOnce();
    expect(report?.fetched.cases).toBe(5);
    expect(await storedCounts(server)).toEqual(counts);
    const after = syncStatusResponse.parse(
      (await getJson(`${server.url}/api/v1/sync-status`)).body,
    );
    expect([after.state, after.failure]).toEqual(['idle', null]);
  }, 120_000);
});
