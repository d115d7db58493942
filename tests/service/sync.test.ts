/**
 * Sync from the city platform over real HTTP into a temp DuckDB file: the first full load, an
 * incremental pass that asks only for what changed, resume after kill -9 with exact counts, a 500
 * and a 429 in the middle, `invalid_cursor`, a malformed page, and rejected records kept with
 * their reasons.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DemoDataset } from '../../mocks/demo-city';
import { createFeedServer, recordCounts } from '../../mocks/feed-server';
import type { FeedHttpServer } from '../../mocks/feed-http';
import type { RunningServer } from '../../server/main';
import { MAX_WAITING_PAGES } from '../../server/sync/page-writer';
import {
  demoCity,
  getJson,
  startFeed,
  startService,
  storedCounts,
  tempDir,
  type TempDir,
} from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
// node itself runs the CLI (tsx as a loader), so SIGKILL reaches the process that writes the file.
const NODE_ARGS = ['--import', 'tsx'];

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function setup(
  city: DemoDataset,
  feedOptions: Parameters<typeof startFeed>[1] = {},
): Promise<{ feed: FeedHttpServer; tmp: TempDir }> {
  const feed = await startFeed(city, feedOptions);
  const tmp = tempDir();
  cleanup.push(
    () => feed.close(),
    () => tmp.remove(),
  );
  return { feed, tmp };
}

async function service(
  tmp: TempDir,
  feed: FeedHttpServer,
  pageSize = 5000,
): Promise<RunningServer> {
  const server = await startService(tmp.db, feed.url, {
    sync: { pageSize, fetch: { backoffMs: 50, retries: 3 } },
  });
  cleanup.push(() => server.close());
  await server.service.syncOnce();
  return server;
}

describe('sync', () => {
  it('loads every record of every resource on the first sync, and the API counts them', async () => {
    const city = demoCity(1500);
    const { feed, tmp } = await setup(city);
    const server = await service(tmp, feed, 700);
    expect(server.service.status.state).toBe('idle');
    expect(await storedCounts(server)).toEqual(recordCounts(city));
    const health = await getJson(`${server.url}/api/v1/health`);
    expect(health.body).toMatchObject({ status: 'ok', cases: city.cases.length });
    expect((health.body as { lastSyncAt: string | null }).lastSyncAt).not.toBeNull();
  });

  it('asks only for what changed on the next pass, and the changes reach the figures', async () => {
    const city = demoCity(1500);
    const { feed, tmp } = await setup(city);
    const server = await service(tmp, feed, 700);
    const openBefore = server.service.evaluated?.model.rows.filter((r) => !r.completed).length ?? 0;
    // Nothing changed: an incremental pass fetches nothing.
    const quiet = await server.service.syncOnce();
    expect(quiet?.fetched.cases).toBe(0);
    expect(quiet?.changed).toBe(false);

    // Five open cases are completed on the platform after the last sync.
    const later = '2026-10-01T09:00:00+08:00';
    const open = city.cases.filter((c) => c.status === '在办').slice(0, 5);
    const changedIds = new Set(open.map((c) => c.id));
    const changed: DemoDataset = {
      ...city,
      serverTime: '2026-10-01T10:00:00+08:00',
      cases: city.cases.map((c) =>
        changedIds.has(c.id)
          ? { ...c, status: '办结' as const, completedAt: later, updatedAt: later }
          : c,
      ),
    };
    feed.setFeed(createFeedServer(changed));
    const report = await server.service.syncOnce();
    expect(report?.fetched).toEqual({
      departments: 0,
      items: 0,
      cases: 5,
      'case-events': 0,
      evaluations: 0,
      tasks: 0,
    });
    expect(report?.upserted).toBe(5);
    expect(await storedCounts(server)).toEqual(recordCounts(city));
    // The service was started with a fixed as-of (2026-09-30), so a completion on 10-01 is not
    // known yet there; what matters is that the stored records are the platform's new ones.
    const stored = await server.db.all(
      "SELECT body FROM raw_records WHERE resource = 'cases' AND id = $1",
      [open[0]?.id ?? ''],
    );
    expect(JSON.parse(String(stored[0]?.['body']))).toMatchObject({
      status: '办结',
      completedAt: later,
    });
    expect(openBefore).toBeGreaterThan(0);
  });

  it('retries a 500 and a 429 in the middle of a pass (honouring Retry-After) and loses nothing', async () => {
    const city = demoCity(1500);
    const seen: { n: number; at: number }[] = [];
    const { feed, tmp } = await setup(city, {
      intercept: ({ resource, n }) => {
        if (resource !== 'case-events') return null;
        seen.push({ n, at: Date.now() });
        if (n === 2)
          return {
            status: 500,
            body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }),
          };
        if (n === 4) {
          return {
            status: 429,
            body: JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }),
            headers: { 'retry-after': '1' },
          };
        }
        return null;
      },
    });
    const server = await service(tmp, feed, 700);
    expect(server.service.status.state).toBe('idle');
    expect(await storedCounts(server)).toEqual(recordCounts(city));
    const after429 = seen.find((s) => s.n === 5);
    const at429 = seen.find((s) => s.n === 4);
    expect(after429 && at429 && after429.at - at429.at).toBeGreaterThanOrEqual(950);
  });

  it('asks the platform for the next page while the page before is still being committed', async () => {
    const city = demoCity(1500);
    const events: string[] = [];
    const { feed, tmp } = await setup(city, {
      intercept: ({ resource }) => {
        events.push(`request ${resource}`);
        return null;
      },
    });
    const server = await service(tmp, feed, 300);
    // Every case changes on the platform: the next pass brings five pages of cases.
    const later = '2026-10-01T09:00:00+08:00';
    feed.setFeed(
      createFeedServer({
        ...city,
        serverTime: '2026-10-01T10:00:00+08:00',
        cases: city.cases.map((c) => ({ ...c, updatedAt: later })),
      }),
    );
    const commit = server.db.transaction.bind(server.db);
    const slowCommits = vi.spyOn(server.db, 'transaction').mockImplementation((async (
      body: Parameters<typeof commit>[0],
    ) => {
      events.push('commit start');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const out: unknown = await commit(body);
      events.push('commit end');
      return out;
    }) as typeof server.db.transaction);
    events.length = 0;
    await server.service.syncOnce();
    slowCommits.mockRestore();
    expect(server.service.status.failure).toBeNull();
    expect(server.service.status.lastReport?.fetched.cases).toBe(city.cases.length);
    const firstCasesCommit = events.indexOf('commit start', events.indexOf('request cases'));
    const requestedMeanwhile = events
      .slice(firstCasesCommit, events.indexOf('commit end', firstCasesCommit))
      .filter((e) => e === 'request cases');
    expect(requestedMeanwhile.length).toBeGreaterThan(0);
    expect(await storedCounts(server)).toEqual(recordCounts(city));
  });

  it('restarts a pass on invalid_cursor', async () => {
    const city = demoCity(1500);
    const { feed, tmp } = await setup(city, {
      intercept: ({ resource, n }) =>
        resource === 'cases' && n === 2
          ? {
              status: 400,
              body: JSON.stringify({ error: { code: 'invalid_cursor', message: 'expired' } }),
            }
          : null,
    });
    const server = await service(tmp, feed, 500);
    expect(server.service.status.state).toBe('idle');
    expect(await storedCounts(server)).toEqual(recordCounts(city));
  });

  it('stops on a malformed page with the platform named, keeps what was committed, and resumes there', async () => {
    const city = demoCity(1500);
    let broken = true;
    const { feed, tmp } = await setup(city, {
      intercept: ({ resource, n }) =>
        broken && resource === 'case-events' && n === 3
          ? { status: 200, body: '{"items": "not a list"}' }
          : null,
    });
    const server = await service(tmp, feed, 700);
    expect(server.service.status.state).toBe('error');
    expect(server.service.status.failure).toMatchObject({ side: 'platform', code: 'malformed' });
    const partial = await storedCounts(server);
    expect(partial['case-events']).toBe(1400); // two pages of 700 were committed
    broken = false;
    const before = feed.counts.get('case-events') ?? 0;
    await server.service.syncOnce();
    expect(server.service.status.failure).toBeNull();
    expect(await storedCounts(server)).toEqual(recordCounts(city));
    // It resumed at the third page instead of starting the resource again.
    const pages = Math.ceil(city.caseEvents.length / 700);
    expect((feed.counts.get('case-events') ?? 0) - before).toBe(pages - 2);
  });

  it('keeps rejected records with their reasons, readable through the API and as CSV', async () => {
    const city = demoCity(1500);
    const bad: DemoDataset = {
      ...city,
      evaluations: [
        ...city.evaluations,
        {
          ...(city.evaluations[0] as DemoDataset['evaluations'][number]),
          id: 'BAD-EVAL-1',
          level: 7 as 1,
        },
      ],
    };
    const { feed, tmp } = await setup(bad);
    const server = await service(tmp, feed, 5000);
    const r = await getJson(`${server.url}/api/v1/rejected`);
    expect(r.status).toBe(200);
    const body = r.body as {
      total: number;
      items: { id: string; reason: string; resource: string }[];
    };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: 'BAD-EVAL-1', resource: 'evaluations' });
    expect(body.items[0]?.reason).toMatch(/评价等级/);
    const bytes = new Uint8Array(
      await (await fetch(`${server.url}/api/v1/rejected/export.csv`)).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain('BAD-EVAL-1');
    // Syncing again does not store the same rejection twice.
    await server.service.syncOnce();
    expect((await getJson(`${server.url}/api/v1/rejected`)).body).toMatchObject({ total: 1 });
  });

  it('resumes after the sync process is killed (kill -9) mid-sync, without duplicates or loss', async () => {
    const city = demoCity(1500);
    let child: ReturnType<typeof spawn> | null = null;
    let killed = false;
    // Killed when it asks for the last page of case-events: the sync fetches ahead of its commits
    // (at most 2 × MAX_WAITING_PAGES + 1 pages), so by then some of the resource's pages are
    // committed and some are not.
    const lastPage = Math.ceil(city.caseEvents.length / 500);
    expect(lastPage).toBeGreaterThan(2 * MAX_WAITING_PAGES + 2);
    const { feed, tmp } = await setup(city, {
      intercept: ({ resource, n }) => {
        if (!killed && resource === 'case-events' && n === lastPage && child) {
          killed = true;
          child.kill('SIGKILL');
        }
        return null;
      },
    });
    const args = [
      ...NODE_ARGS,
      'scripts/cli.ts',
      'sync',
      '--db',
      tmp.db,
      '--feed',
      feed.url,
      '--as-of',
      '2026-09-30',
      '--page-size',
      '500',
    ];
    child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let childErr = '';
    child.stderr?.on('data', (d: Buffer) => (childErr += d.toString()));
    const exit = await new Promise<string | null>((resolve) =>
      child?.on('exit', (_code, signal) => resolve(signal)),
    );
    if (exit !== 'SIGKILL') console.error(childErr);
    expect(exit).toBe('SIGKILL');
    // Run the command again, as an operator would.
    const out = await new Promise<string>((resolve, reject) => {
      const again = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      again.stdout.on('data', (d: Buffer) => (text += d.toString()));
      again.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`sync exited ${code}`)),
      );
    });
    const report = JSON.parse(out) as {
      fetched: Record<string, number>;
      evaluated: number;
      rejected: number;
    };
    expect(report.evaluated).toBe(city.cases.length);
    expect(report.fetched['departments']).toBe(0); // finished before the kill: not fetched again
    expect(report.fetched['case-events']).toBeLessThan(city.caseEvents.length);
    const server = await startService(tmp.db, null);
    cleanup.push(() => server.close());
    expect(await storedCounts(server)).toEqual(recordCounts(city));
  });
});
