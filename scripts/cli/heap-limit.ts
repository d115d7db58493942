/**
 * The service's heap limit is a setting of its process (issue 18 item 4): V8 fixes it when node
 * starts, so `serve --max-heap-mb N` starts node again with `--max-old-space-size=N` when the
 * running process was not started with it. The memory guard (server/jobs/memory-guard.ts) then
 * refuses what does not fit under that limit instead of the process dying of it.
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { CliUsageError } from './common';

/**
 * The young generation's semi-space, in MB (V8 fixes it when node starts; its own is 16 MB). With a
 * city's heap of gigabytes every scavenge also walks the old objects that point into the young
 * ones, so fewer, larger scavenges cost less: the 1M cold sync's scavenges took 14.2 s (1,074 of
 * them) with 16 MB and 9.1 s (268) with 64 MB (docs/performance.md). `SERVICE_SEMI_SPACE_MB`
 * overrides (0 = V8's own).
 */
export const DEFAULT_SEMI_SPACE_MB = 64;

export function semiSpaceMb(env: Record<string, string | undefined>): number {
  const text = env['SERVICE_SEMI_SPACE_MB'];
  if (text === undefined || !/^\d{1,4}$/.test(text)) return DEFAULT_SEMI_SPACE_MB;
  return Number(text);
}

/** The node flags the service's process starts with: its heap limit and young generation. */
export function serviceNodeFlags(heapMb: number, env = process.env): string[] {
  const semi = semiSpaceMb(env);
  return [`--max-old-space-size=${heapMb}`, ...(semi > 0 ? [`--max-semi-space-size=${semi}`] : [])];
}

/** Set in the re-started process: the limit it was started with (no second re-start). */
const STARTED_WITH = 'XN_MAX_HEAP_MB';

/** The default `npm start` passes: 60 % of the machine's memory, leaving room for DuckDB's own. */
export function defaultHeapMb(): number {
  return Math.floor((totalmem() / 1024 / 1024) * 0.6);
}

export function parseHeapMb(text: string): number {
  const mb = Number(text);
  if (!Number.isSafeInteger(mb) || mb < 256)
    throw new CliUsageError(
      '--max-heap-mb 应为不小于 256 的整数（兆字节）(heap limit in MB, ≥ 256)',
    );
  return mb;
}

/** The running process's heap limit, in MB. */
export function heapLimitMb(): number {
  return Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
}

/**
 * Runs this same command again in a node started with `--max-old-space-size=mb` (stdio shared,
 * signals passed on) and answers its exit code; null when this process already has that limit.
 */
export function restartWithHeapLimit(mb: number): Promise<number> | null {
  if (process.env[STARTED_WITH] === String(mb)) return null;
  const execArgv = process.execArgv.filter(
    (a) => !a.startsWith('--max-old-space-size') && !a.startsWith('--max-semi-space-size'),
  );
  const child = spawn(
    process.execPath,
    [...execArgv, ...serviceNodeFlags(mb), ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, [STARTED_WITH]: String(mb) } },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

/** Environment for a child started with {@link serviceNodeFlags}`(mb)` itself (no re-start). */
export function heapLimitEnv(mb: number): NodeJS.ProcessEnv {
  return { ...process.env, [STARTED_WITH]: String(mb) };
}
