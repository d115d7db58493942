/**
 * One city for the browser bench: the demo feed of N cases (or a running one given by URL) and
 * the real service on a DuckDB file (a fresh temp file, or a synced one given with --db so a 1M
 * city need not be synced again), serving the production build from dist/. The service syncs
 * once at start (no schedule), and the bench measures only after that sync has landed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syncStatusResponse } from '../../src/contract/service';

const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_AS_OF = '2026-09-30';

export interface BenchCity {
  cases: number;
  baseUrl: string;
  /** The service's process (its /proc/PID/status has the peak RSS, VmHWM). */
  servicePid: number;
  /** Its DuckDB file (uploads in progress sit beside it, in `<db>.imports/`). */
  db: string;
  stop: () => Promise<void>;
}

/** Starts a CLI command; resolves with the `url` of its first stdout line (a JSON object). */
function startCli(
  args: string[],
  log: (s: string) => void,
): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=12000', '--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  const url = new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || line === undefined) return;
      const parsed: unknown = JSON.parse(line);
      const u = typeof parsed === 'object' && parsed !== null ? Object.entries(parsed) : [];
      const found = u.find(([k, v]) => k === 'url' && typeof v === 'string');
      if (found) resolveUrl(String(found[1]));
      else reject(new Error(`unexpected output: ${line}`));
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with code ${code}`)));
  });
  return { child, url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await exited;
}

/** Waits until the service's start-up sync has landed (state idle, a last success). */
async function waitSynced(
  baseUrl: string,
  cookie: string,
  since: number,
  timeoutMs: number,
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(`${baseUrl}/api/v1/sync-status`, { headers: { cookie } });
      const s = syncStatusResponse.safeParse(await res.json());
      // A reused file already has a last success: wait for the one of this start.
      const last = s.success ? Date.parse(s.data.lastSuccessAt ?? '') : NaN;
      if (s.success && s.data.state === 'idle' && last >= since) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no completed sync within ${timeoutMs} ms`);
}

/** A supervisor's session cookie (the demo accounts of `serve --demo-accounts`). */
export async function supervisorCookie(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ name: 'supervisor', password: 'demo-supervisor-2026' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 204 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

export async function startCity(
  cases: number,
  options: { db?: string; feedUrl?: string },
  log: (s: string) => void,
): Promise<BenchCity> {
  const children: ChildProcess[] = [];
  const temp = mkdtempSync(join(tmpdir(), 'ducha-bench-city-'));
  const stop = async () => {
    for (const c of children.reverse()) await stopChild(c);
    rmSync(temp, { recursive: true, force: true });
  };
  try {
    let feedUrl = options.feedUrl;
    if (!feedUrl) {
      log(`starting demo-feed --cases ${cases} …`);
      const feed = startCli(
        [
          'demo-feed',
          '--port',
          '0',
          '--cases',
          String(cases),
          '--seed',
          '1',
          '--as-of',
          BENCH_AS_OF,
        ],
        log,
      );
      children.push(feed.child);
      feedUrl = await feed.url;
    }
    const db = options.db ?? join(temp, 'bench.duckdb');
    const since = Date.now() - 1000;
    // One sync at start, none on a schedule: nothing runs on the service while the bench measures.
    const service = startCli(
      [
        'serve',
        '--db',
        db,
        '--feed',
        feedUrl,
        '--port',
        '0',
        '--as-of',
        BENCH_AS_OF,
        '--sync-minutes',
        '0',
        '--demo-accounts',
      ],
      log,
    );
    children.push(service.child);
    const baseUrl = await service.url;
    log(`service ${baseUrl} on ${db}; waiting for its sync …`);
    await waitSynced(baseUrl, await supervisorCookie(baseUrl), since, 60 * 60_000);
    const servicePid = service.child.pid;
    if (servicePid === undefined) throw new Error('the service has no process id');
    return { cases, baseUrl, servicePid, db, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
