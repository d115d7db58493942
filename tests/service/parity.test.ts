/**
 * Issue 12, "Done when": on the demo city, the service's overview counts and its 2026Q3 ranking
 * equal the `evaluate` / `rank` CLI on the same data. The data files are written by the real
 * demo-data script, the CLIs run as child processes, and the service syncs the same city from the
 * demo feed over HTTP (same seed, size and as-of ⇒ the same records).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedHttpServer } from '../../mocks/feed-http';
import type { RunningServer } from '../../server/main';
import {
  AS_OF_DATE,
  demoCity,
  getJson,
  startFeed,
  startService,
  tempDir,
  type TempDir,
} from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const CASES = 3000;
type Levels = Record<'normal' | 'early-warning' | 'yellow' | 'red', number>;

function run(args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

let dir = '';
let tmp: TempDir;
let feed: FeedHttpServer;
let server: RunningServer;
let cli: { results: { departmentId: string; level: keyof Levels; onTime: boolean | null }[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'service-parity-'));
  run([
    'scripts/demo-data.ts',
    '--out',
    dir,
    '--cases',
    String(CASES),
    '--seed',
    '1',
    '--as-of',
    AS_OF_DATE,
    '--format',
    'json',
  ]);
  cli = JSON.parse(
    run(['scripts/cli.ts', 'evaluate', '--input', join(dir, 'cases.json'), '--as-of', AS_OF_DATE]),
  ) as typeof cli;
  feed = await startFeed(demoCity(CASES));
  tmp = tempDir();
  server = await startService(tmp.db, feed.url);
  await server.service.syncOnce();
}, 180_000);

afterAll(async () => {
  await server?.close();
  await feed?.close();
  tmp?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`service = CLI on the demo city (${CASES} cases, seed 1, as of ${AS_OF_DATE})`, () => {
  it('overview: open cases by warning level, city-wide and per department', async () => {
    const cliOpen = (dept?: string): { open: number; levels: Levels } => {
      const levels: Levels = { normal: 0, 'early-warning': 0, yellow: 0, red: 0 };
      let open = 0;
      for (const r of cli.results) {
        if (r.onTime !== null || (dept !== undefined && r.departmentId !== dept)) continue;
        open += 1;
        levels[r.level] += 1;
      }
      return { open, levels };
    };
    const r = await getJson(`${server.url}/api/v1/overview?period=2026Q3`);
    expect(r.status).toBe(200);
    const body = r.body as {
      open: unknown;
      departments: { departmentId: string; open: unknown }[];
    };
    expect(body.open).toEqual(cliOpen());
    expect(cliOpen().levels.red).toBeGreaterThan(0);
    expect(body.departments.length).toBeGreaterThan(10);
    for (const d of body.departments)
      expect(d.open, d.departmentId).toEqual(cliOpen(d.departmentId));
  });

  it('alerts: the total per level equals the CLI', async () => {
    const r = await getJson(`${server.url}/api/v1/alerts?pageSize=1`);
    const counts = (r.body as { counts: Record<string, number> }).counts;
    const open = cli.results.filter((x) => x.onTime === null);
    expect(counts).toEqual({
      red: open.filter((x) => x.level === 'red').length,
      yellow: open.filter((x) => x.level === 'yellow').length,
      'early-warning': open.filter((x) => x.level === 'early-warning').length,
    });
  });

  it("the 2026Q3 ranking is the rank CLI object (every field but the CLI's input report)", async () => {
    const ranked = JSON.parse(
      run(['scripts/cli.ts', 'rank', '--data', dir, '--quarter', '2026Q3', '--as-of', AS_OF_DATE]),
    ) as Record<string, unknown>;
    delete ranked['input'];
    const r = await getJson(`${server.url}/api/v1/rankings?quarter=2026Q3`);
    expect(r.status).toBe(200);
    // The service's answer names its source (meta) and carries the quarter's 督办 record
    // (supervision: the CLI has no 督办 record); the CLI's object is the rest.
    const { meta, supervision, ...ranking } = r.body as Record<string, unknown>;
    expect(meta).toMatchObject({ source: 'city' });
    expect(supervision).toMatchObject({ redCards: expect.any(Number) });
    expect(ranking).toEqual(ranked);
    const departments = (r.body as { departments: { ranked: boolean }[] }).departments;
    expect(departments.filter((d) => d.ranked).length).toBeGreaterThan(5);
  });
});
