/**
 * The service under `npm run bench:service`: its own process (so its peak RSS is its own), started
 * in-process with `OPEN_ACCESS` (the data path; accounts are not what is measured) on a fresh DuckDB
 * file, driven by the bench over IPC. Its first message is the cold sync; then it answers
 * `sync` (an incremental cycle), `next-day` (the daily re-evaluation), `recompute` (load every raw
 * record back from the store and evaluate), `memory` (where the memory is now) and `stop`. Every
 * reply carries `memory` (see {@link memory}) and `gc`, the collections during the step.
 * With `--profile-dir DIR` the incremental cycle runs under the CPU profiler: the profile is written
 * to DIR/incremental.cpuprofile and its summary comes with the reply.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { OPEN_ACCESS, startServer } from '../../server/main';
import type { SyncReport } from '../../server/sync/sync';
import { summariseProfile, watchGc, type GcTally, type Profile } from './cpu-profile-summary';

const args = process.argv.slice(2);
const optional = (name: string): string | null => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? null) : null;
};
const opt = (name: string): string => {
  const v = optional(name);
  if (v === null) throw new Error(`missing --${name}`);
  return v;
};
const PROFILE_DIR = optional('profile-dir');
const send = (m: object): void => {
  process.send?.(m);
};

const DAY_MS = 86_400_000;
const gc = watchGc();
const started = performance.now();
const server = await startServer({
  dbPath: opt('db'),
  feedUrl: opt('feed'),
  port: 0,
  asOfMs: Date.parse(`${opt('as-of')}T23:59:59+08:00`),
  syncMinutes: 0,
  auth: OPEN_ACCESS,
  staticDir: null,
  log: (line) => process.stderr.write(`host: ${line}\n`),
});
const service = server.service;

const MB = 2 ** 20;
function procStatusMb(field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/**
 * Where the process's memory is after a phase: resident (now and peak so far), the V8 heap, the
 * buffers outside it, and DuckDB's own accounting (its buffer pool is native memory, not heap).
 * `gc` is exposed by the bench (`--expose-gc`): the heap is read after a full collection, so it is
 * what the phase left behind, not garbage waiting to be collected.
 */
async function memory(): Promise<object> {
  const before = { rssMb: procStatusMb('VmRSS'), heapMb: getHeapStatistics().used_heap_size / MB };
  globalThis.gc?.();
  const usage = process.memoryUsage();
  const duck = await service.db.all(
    `SELECT sum(memory_usage_bytes)::DOUBLE AS used, current_setting('memory_limit') AS lim
       FROM duckdb_memory()`,
  );
  return {
    rssBeforeGcMb: before.rssMb,
    heapBeforeGcMb: before.heapMb,
    rssMb: procStatusMb('VmRSS'),
    hwmMb: procStatusMb('VmHWM'),
    heapUsedMb: usage.heapUsed / MB,
    heapTotalMb: usage.heapTotal / MB,
    externalMb: usage.external / MB,
    arrayBuffersMb: usage.arrayBuffers / MB,
    duckdbMb: Number(duck[0]?.['used'] ?? 0) / MB,
    duckdbLimit: String(duck[0]?.['lim'] ?? ''),
  };
}

/** CPU time of the whole process (main thread, DuckDB's and libuv's threads) since `from`, in ms. */
const cpuMs = (from?: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

async function sizes(report: SyncReport | null): Promise<object> {
  return {
    report,
    evaluateMs: service.evaluated?.evaluateMs ?? null,
    cases: service.evaluated?.model.rows.length ?? 0,
    memory: await memory(),
  };
}

/**
 * Waits for the background warm-up of the evaluation just made (server/jobs/warm.ts: overview,
 * ranking, case-page indexes) and says how long it still ran. Each step's time ends when its
 * figures are served; without this wait the next step would also pay for this one's warm-up.
 */
async function warmed(): Promise<{ warmMs: number }> {
  const t0 = performance.now();
  await service.warming;
  return { warmMs: performance.now() - t0 };
}

// startServer evaluated the (empty) store and started the first sync: wait for it.
const cold = await service.syncOnce();
const coldMs = performance.now() - started;
const coldCpuMs = cpuMs();
const coldWarm = await warmed();
send({
  type: 'cold',
  ms: coldMs,
  cpuMs: coldCpuMs,
  gc: gc.take(),
  ...(await sizes(cold)),
  url: server.url,
  ...coldWarm,
});

/** A step's result, wall time, CPU time (every thread), collections and most heap in use. */
interface Measured<R> {
  out: R;
  ms: number;
  cpuMs: number;
  gc: GcTally;
  heapPeakMb: number;
}

async function measured<R>(step: () => Promise<R>): Promise<Measured<R>> {
  gc.take();
  // The most heap in use seen during the step, sampled whenever the event loop is free (what the
  // memory guard's estimate must cover; a sample cannot see inside one long synchronous stretch).
  let heapPeak = getHeapStatistics().used_heap_size;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  }, 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const out = await step();
    const ms = performance.now() - t0;
    return { out, ms, cpuMs: cpuMs(cpu0), gc: gc.take(), heapPeakMb: heapPeak / MB };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Measures `step`, under the CPU profiler when `--profile-dir` is given (the profile is written to
 * DIR/name.cpuprofile; its summary comes back, else null). Only the step is timed: starting the
 * profiler walks the whole heap (15.6 s with a 5M city's 10 GB), which is not the step's time.
 */
async function profiled<R>(
  name: string,
  step: () => Promise<R>,
): Promise<Measured<R> & { profile: string | null }> {
  if (PROFILE_DIR === null) return { ...(await measured(step)), profile: null };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  const result = await measured(step);
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  session.disconnect();
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  // The first sample comes once the profiler has started: its delta is the start, not the step.
  const deltas = profile.timeDeltas;
  if (deltas !== undefined && deltas.length > 0) deltas[0] = 0;
  return { ...result, profile: summariseProfile(profile) };
}

process.on('message', (m: { cmd: string }) => {
  void (async () => {
    switch (m.cmd) {
      case 'sync': {
        const { out: report, ...step } = await profiled('incremental', () => service.syncOnce());
        const warm = await warmed();
        send({ type: 'sync', ...step, ...(await sizes(report)), ...warm });
        break;
      }
      case 'next-day': {
        service.options.asOfMs = (service.options.asOfMs ?? Date.now()) + DAY_MS;
        // The evaluation itself stays here: the reply carries figures only.
        const { out: _evaluated, ...step } = await measured(() => service.recompute());
        const warm = await warmed();
        send({ type: 'next-day', ...step, ...(await sizes(null)), ...warm });
        break;
      }
      case 'recompute': {
        // The memory guard's refusal (507 insufficient_memory) is a figure, not a crash.
        const { out: refused, ...step } = await measured(() =>
          service.reloadFromStore().then(
            () => undefined,
            (e: unknown) => (e instanceof Error ? e.message : String(e)),
          ),
        );
        send({ type: 'recompute', ...step, refused, ...(await sizes(null)) });
        break;
      }
      case 'memory': {
        send({ type: 'memory', ms: 0, memory: await memory() });
        break;
      }
      case 'stop': {
        const t0 = performance.now();
        await server.close();
        send({ type: 'stopped', ms: performance.now() - t0 });
        process.exit(0);
      }
    }
  })();
});
