/**
 * What the service tests share: a demo city (small, fixed as-of), the demo feed over real HTTP on a
 * random port (with request interception), a temp DuckDB file, and the service started on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { generateDemoCity, type DemoDataset } from '../../mocks/demo-city';
import {
  startFeedHttpServer,
  type FeedHttpOptions,
  type FeedHttpServer,
} from '../../mocks/feed-http';
import { createFeedServer } from '../../mocks/feed-server';
import {
  OPEN_ACCESS,
  startServer,
  type RunningServer,
  type ServerOptions,
} from '../../server/main';

export const AS_OF_DATE = '2026-09-30';
/** End of the as-of day, Asia/Shanghai: the figures' instant. */
export const AS_OF_MS = Date.parse(`${AS_OF_DATE}T23:59:59.999+08:00`);

const cities = new Map<string, DemoDataset>();

/** A deterministic demo city (cached per size and seed). */
export function demoCity(cases: number, seed = 1): DemoDataset {
  const key = `${cases}/${seed}`;
  let city = cities.get(key);
  if (!city) {
    city = generateDemoCity({ seed, cases, asOf: AS_OF_DATE });
    cities.set(key, city);
  }
  return city;
}

export function startFeed(
  dataset: DemoDataset,
  options: FeedHttpOptions = {},
): Promise<FeedHttpServer> {
  return startFeedHttpServer(createFeedServer(dataset), options);
}

export interface TempDir {
  dir: string;
  db: string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'ducha-service-'));
  return {
    dir,
    db: join(dir, 'store.duckdb'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The service on a temp file and a random port; no periodic sync (tests call syncOnce). */
export function startService(
  dbPath: string,
  feedUrl: string | null,
  extra: Partial<ServerOptions> = {},
): Promise<RunningServer> {
  return startServer({
    dbPath,
    feedUrl,
    port: 0,
    asOfMs: AS_OF_MS,
    syncMinutes: 0,
    sync: { fetch: { backoffMs: 50, retries: 3 } },
    // These tests are about the data path; accounts and scope have their own (session.test.ts …).
    auth: OPEN_ACCESS,
    ...extra,
  });
}

/**
 * Registers beforeAll/afterAll for a suite that reads one synced demo city: a feed, the service on
 * a temp file, one sync. Read `.server` (and `.feed`) inside tests, after beforeAll ran.
 */
export function syncedCity(
  cases: number,
  extra: Partial<ServerOptions> = {},
): { readonly server: RunningServer; readonly feed: FeedHttpServer } {
  let tmp: TempDir | undefined;
  let feed: FeedHttpServer | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    feed = await startFeed(demoCity(cases));
    tmp = tempDir();
    server = await startService(tmp.db, feed.url, extra);
    await server.service.syncOnce();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await feed?.close();
    tmp?.remove();
  });
  return {
    get server(): RunningServer {
      if (!server) throw new Error('syncedCity: read .server inside a test, after beforeAll');
      return server;
    },
    get feed(): FeedHttpServer {
      if (!feed) throw new Error('syncedCity: read .feed inside a test, after beforeAll');
      return feed;
    },
  };
}

/** Rows per resource in the store. */
export async function storedCounts(server: RunningServer): Promise<Record<string, number>> {
  const rows = await server.db.all(
    "SELECT resource, count(*)::INTEGER AS n FROM raw_records WHERE source = 'city' GROUP BY resource",
  );
  return Object.fromEntries(rows.map((r) => [String(r['resource']), Number(r['n'])]));
}

export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}
