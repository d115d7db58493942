/**
 * `npm run bench:service` — the supervision service at city scale, over real HTTP (issue 17):
 *
 *   demo-feed (its own process, the project's generator: cases with their step records,
 *   suspensions, evaluations and tasks) ──HTTP──▶ the service (its own process,
 *   tests/bench/service-host.ts) on a fresh DuckDB file.
 *
 * Per run: the cold sync (records/s per resource; the shares of HTTP, JSON.parse, validation,
 * storage and evaluation from the sync's own timings), an incremental cycle with 10,000 changed
 * cases (`GET /demo/touch`), the daily re-evaluation (as-of one day later), API latency with 20
 * concurrent clients once that evaluation's caches are warm (autocannon; p50/p95/p99 from every
 * response's time), then `recompute` (every raw record read back from the store, evaluated; last,
 * because the memory guard may refuse it for a city too big for the heap), the service's peak RSS
 * (VmHWM), its memory after each phase and the database file size. Median and spread over
 * `--runs` (default 2).
 *
 *   npm run bench:service -- [--cases 1000000] [--runs 2] [--api-seconds 10] [--feed URL]
 *                            [--feed-store memory|disk] [--force] [--json]
 *                            [--only-sync] [--cpu-prof DIR] [--profile-incremental DIR]
 *
 * `--feed URL` reuses a running `demo-feed` (its start: 1M ≈ 80 s, 5M ≈ 6 min at load 10).
 * Above 300k cases the feed serves the city from disk (`demo-feed --store disk`,
 * mocks/disk-feed): 5M cases fit.
 * The service's heap is sized from the free memory; a size that clearly does not fit is refused
 * up front (`--force` tries anyway) and a run stops when free memory runs low
 * (tests/bench/memory-plan.ts). Not run by CI.
 *
 * `--only-sync` stops each run after the cold sync (iterating on the sync). `--cpu-prof DIR` writes
 * V8 CPU profiles of the service and of the demo feed it starts into DIR (Chrome's DevTools).
 * `--profile-incremental DIR` profiles the incremental cycle alone (DIR/incremental.cpuprofile) and
 * prints where its time went. Each step's line says how long the garbage collector paused it.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { serviceNodeFlags } from '../../scripts/cli/heap-limit';
import { benchOptions, loadAverage, measureLatency } from './latency';
import { LOW_MEMORY_MB, planMemory, watchMemory } from './memory-plan';

const args = process.argv.slice(2);
const { has, opt } = benchOptions(args);
const CASES = Number(opt('cases', '1000000'));
const RUNS = Number(opt('runs', '2'));
const API_SECONDS = Number(opt('api-seconds', '10'));
const TOUCHED = Number(opt('touch', '10000'));
const ONLY_SYNC = has('only-sync');
const CPU_PROF = opt('cpu-prof', '');
const PROFILE_INCREMENTAL = opt('profile-incremental', '');
/** Node flags that write CPU profiles of a child process (one per thread) into CPU_PROF/name. */
const profileFlags = (name: string): string[] =>
  CPU_PROF === '' ? [] : ['--cpu-prof', '--cpu-prof-dir', join(CPU_PROF, name)];
const AS_OF = '2026-09-30';
const ROOT = join(import.meta.dirname, '..', '..');
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const tag = CASES >= 1_000_000 ? `${CASES / 1_000_000}m` : `${CASES / 1000}k`;
/** Same threshold as `demo-feed` (scripts/cli/demo-feed-command.ts DISK_THRESHOLD). */
const FEED_STORE = opt('feed-store', CASES > 300_000 ? 'disk' : 'memory');
if (FEED_STORE !== 'memory' && FEED_STORE !== 'disk') throw new Error('--feed-store memory|disk');
const memory = planMemory(CASES, FEED_STORE, has('force'));
if (!memory.ok) {
  log(memory.refusal);
  process.exit(2);
}
log(memory.line);

interface HostMessage {
  type: string;
  ms: number;
  url?: string;
  evaluateMs?: number | null;
  /** How long the evaluation's background warm-up still ran after the step's figures were served. */
  warmMs?: number;
  cases?: number;
  memory?: Record<string, number | string>;
  /** Why the service refused the step (the memory guard's message). */
  refused?: string;
  /** CPU time the service process spent on the step (every thread, DuckDB's included). */
  cpuMs?: number;
  /** The most V8 heap in use seen during the step (sampled every 50 ms). */
  heapPeakMb?: number;
  /** Garbage collections during the step, by kind (tests/bench/cpu-profile-summary.ts). */
  gc?: Record<string, { count: number; ms: number }>;
  /** Where the step's time went, when it ran under the profiler. */
  profile?: string | null;
  report?: {
    fetched: Record<string, number>;
    upserted: number;
    timings: { httpMs: number; jsonMs: number; validateMs: number; storeMs: number };
    resourceMs: Record<string, number>;
  } | null;
}

/** A process's memory figure in MB (0 when it has exited). */
function vm(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  let text = '';
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(text);
  return m ? Number(m[1]) / 1024 : 0;
}

/** CPU seconds a process has used so far (user + system, every thread); 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}
/** `getconf CLK_TCK` on Linux. */
const CLOCK_TICKS_PER_S = 100;

interface RunningFeed {
  url: string;
  stop: () => void;
  /** Figures of the feed this bench started (none for `--feed URL`). */
  figures: Record<string, number>;
  pid: number | null;
}

async function startFeed(): Promise<RunningFeed> {
  const given = args.includes('--feed') ? opt('feed', '') : '';
  if (given !== '') return { url: given, stop: () => undefined, figures: {}, pid: null };
  log(`starting demo-feed with ${CASES} cases (${FEED_STORE}) …`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${memory.ok ? memory.feedHeapMb : 16384}`,
      ...profileFlags('feed'),
      '--import',
      'tsx',
      'scripts/cli.ts',
      'demo-feed',
      '--port',
      '0',
      '--cases',
      String(CASES),
      '--as-of',
      AS_OF,
      '--store',
      FEED_STORE,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<{ url: string; diskBytes?: number | null }>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const first = text.split('\n')[0];
      if (text.includes('\n') && first) resolve(JSON.parse(first) as { url: string });
    });
    child.on('exit', (code) => reject(new Error(`demo-feed exited ${code}`)));
  });
  const figures: Record<string, number> = {
    [`feed_start_${tag}_ms`]: Math.round(performance.now() - started),
  };
  if (typeof line.diskBytes === 'number') figures[`feed_disk_${tag}_mb`] = line.diskBytes / 2 ** 20;
  log(`  demo-feed ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    url: line.url,
    stop: () => void child.kill('SIGTERM'),
    figures,
    pid: child.pid ?? null,
  };
}

class Host {
  private waiting: ((m: HostMessage) => void)[] = [];
  readonly child: ChildProcess;
  constructor(db: string, feed: string) {
    this.child = fork(
      join(import.meta.dirname, 'service-host.ts'),
      [
        ...['--db', db, '--feed', feed, '--as-of', AS_OF],
        ...(PROFILE_INCREMENTAL === '' ? [] : ['--profile-dir', PROFILE_INCREMENTAL]),
      ],
      {
        cwd: ROOT,
        // Headroom: the service's peak at 1M was 6.5 GB while `recompute` held two live datasets
        // (now one; see docs/performance.md), above Node's default heap (≈ 4 GB here); the limit
        // is what the free memory leaves (tests/bench/memory-plan.ts).
        execArgv: [
          // The flags `npm start` gives the service (scripts/cli/heap-limit.ts).
          ...serviceNodeFlags(memory.ok ? memory.serviceHeapMb : 16384),
          '--expose-gc',
          ...profileFlags('service'),
          '--import',
          'tsx',
        ],
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    this.child.on('message', (m) => this.waiting.shift()?.(m as HostMessage));
  }
  next(): Promise<HostMessage> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  ask(cmd: string): Promise<HostMessage> {
    const reply = this.next();
    this.child.send({ cmd });
    return reply;
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  return res.json();
}

const runs: Record<string, number>[] = [];
let currentHost: Host | null = null;

/**
 * Where the service's memory is after a phase (issue 17: peak RSS ≤ 3 GB throughout): resident now
 * and the peak so far, the V8 heap after a full collection, buffers outside the heap, DuckDB's own
 * accounting. `rss_after_<phase>_<tag>_mb` and friends; the log line shows them side by side.
 */
function phaseMemory(f: Record<string, number>, phase: string, m: HostMessage): void {
  phaseGc(f, phase, m);
  if (m.heapPeakMb !== undefined) {
    f[`heap_peak_during_${phase}_${tag}_mb`] = m.heapPeakMb;
    log(`    heap in use during ${phase}: at most ${m.heapPeakMb.toFixed(0)} MB (sampled)`);
  }
  const mem = m.memory;
  if (mem === undefined) return;
  const keys: Record<string, string> = {
    rss: 'rssMb',
    rss_before_gc: 'rssBeforeGcMb',
    hwm: 'hwmMb',
    heap: 'heapUsedMb',
    heap_before_gc: 'heapBeforeGcMb',
    heap_total: 'heapTotalMb',
    external: 'externalMb',
    duckdb: 'duckdbMb',
  };
  for (const [key, field] of Object.entries(keys)) {
    const v = mem[field];
    if (typeof v === 'number') f[`${key}_after_${phase}_${tag}_mb`] = v;
  }
  const n = (field: string): string => Number(mem[field] ?? 0).toFixed(0);
  log(
    `    memory after ${phase}: RSS ${n('rssMb')} MB (before gc ${n('rssBeforeGcMb')}), peak ${n('hwmMb')}; heap ${n('heapUsedMb')} of ${n('heapTotalMb')} committed (before gc ${n('heapBeforeGcMb')}), external ${n('externalMb')}, DuckDB ${n('duckdbMb')} MB of ${String(mem['duckdbLimit'])}`,
  );
}

/** How long the collector paused the step, by kind: `gc_<kind>_<phase>_<tag>_ms` and `_count`. */
function phaseGc(f: Record<string, number>, phase: string, m: HostMessage): void {
  if (m.gc === undefined) return;
  const parts: string[] = [];
  for (const [kind, { count, ms }] of Object.entries(m.gc)) {
    f[`gc_${kind}_${phase}_${tag}_ms`] = ms;
    f[`gc_${kind}_${phase}_${tag}_count`] = count;
    if (count > 0) parts.push(`${kind} ${count}× ${ms.toFixed(0)} ms`);
  }
  log(`    collector during ${phase}: ${parts.length > 0 ? parts.join(', ') : 'none'}`);
}

/**
 * CPU time against wall time for a step: the service's (every thread) and, for the cold sync, the
 * demo feed's, which shares this machine's two cores (the city's platform would not).
 * `cpu_<who>_<phase>_<tag>_s` and the share of both cores the two kept busy.
 */
function phaseCpu(
  f: Record<string, number>,
  phase: string,
  m: HostMessage,
  feedCpuS: number | null,
): void {
  if (m.cpuMs === undefined) return;
  const service = m.cpuMs / 1000;
  const wall = m.ms / 1000;
  f[`cpu_service_${phase}_${tag}_s`] = service;
  let line = `    CPU during ${phase}: service ${service.toFixed(1)} s`;
  let busy = service;
  if (feedCpuS !== null) {
    f[`cpu_feed_${phase}_${tag}_s`] = feedCpuS;
    busy += feedCpuS;
    line += `, demo-feed ${feedCpuS.toFixed(1)} s`;
  }
  const cores = cpus().length;
  f[`cpu_busy_${phase}_${tag}_pct`] = (100 * busy) / (wall * cores);
  log(
    `${line} in ${wall.toFixed(1)} s wall: ${((100 * busy) / (wall * cores)).toFixed(0)} % of ${cores} cores`,
  );
}

async function oneRun(feedUrl: string, feedPid: number | null, run: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-service-'));
  const db = join(dir, 'service.duckdb');
  const f: Record<string, number> = {};
  try {
    log(`\nrun ${run + 1}/${RUNS} (load average ${loadAverage()})`);
    const feedCpuBefore = feedPid === null ? 0 : cpuSeconds(feedPid);
    const host = new Host(db, feedUrl);
    currentHost = host;
    const cold = await host.next();
    const feedCpuDuringSync = feedPid === null ? null : cpuSeconds(feedPid) - feedCpuBefore;
    const t = cold.report?.timings;
    const evaluateMs = cold.evaluateMs ?? 0;
    f[`sync_${tag}_ms`] = cold.ms;
    f[`sync_${tag}_warm_ms`] = cold.warmMs ?? 0;
    if (t && cold.report) {
      const total = t.httpMs + t.jsonMs + t.validateMs + t.storeMs + evaluateMs;
      for (const [k, v] of Object.entries({ ...t, evaluateMs }))
        f[`sync_${tag}_share_${k.replace('Ms', '')}_pct`] = (100 * v) / total;
      for (const [k, v] of Object.entries({ ...t, evaluateMs }))
        f[`sync_${tag}_${k.replace('Ms', '')}_ms`] = v;
      for (const [resource, ms] of Object.entries(cold.report.resourceMs)) {
        const n = cold.report.fetched[resource] ?? 0;
        if (n >= 1000) f[`sync_${tag}_${resource}_records_per_s`] = n / (ms / 1000);
      }
      f[`sync_${tag}_records`] = Object.values(cold.report.fetched).reduce((a, b) => a + b, 0);
    }
    log(
      `  cold sync ${(cold.ms / 1000).toFixed(1)} s, ${f[`sync_${tag}_records`]} records; http ${t?.httpMs.toFixed(0)} json ${t?.jsonMs.toFixed(0)} validate ${t?.validateMs.toFixed(0)} store ${t?.storeMs.toFixed(0)} evaluate ${evaluateMs} ms`,
    );

    phaseCpu(f, 'sync', cold, feedCpuDuringSync);
    phaseMemory(f, 'sync', cold);

    // The bound: JSON.parse alone of the same page bodies (fetched again, only the parse timed).
    const bound = await jsonParseAlone(feedUrl);
    f[`sync_${tag}_json_parse_alone_ms`] = bound;
    f[`sync_${tag}_over_json_parse_x`] = cold.ms / bound;
    log(
      `  JSON.parse alone of the same pages ${(bound / 1000).toFixed(1)} s: the cold sync takes ${(cold.ms / bound).toFixed(1)}× that`,
    );

    if (ONLY_SYNC) {
      await finish(host, db, f);
      return;
    }

    const base = cold.url ?? '';
    const touchUrl = new URL('/demo/touch', feedUrl);
    touchUrl.searchParams.set('cases', String(TOUCHED));
    await getJson(touchUrl.toString());
    const inc = await host.ask('sync');
    f[`incremental_${TOUCHED / 1000}k_${tag}_ms`] = inc.ms;
    f[`incremental_${TOUCHED / 1000}k_${tag}_evaluate_ms`] = inc.evaluateMs ?? 0;
    f[`incremental_${TOUCHED / 1000}k_${tag}_fetched`] = inc.report?.fetched['cases'] ?? 0;
    f[`incremental_${TOUCHED / 1000}k_${tag}_warm_ms`] = inc.warmMs ?? 0;
    log(
      `  incremental (${inc.report?.fetched['cases']} changed cases) ${inc.ms.toFixed(0)} ms, of which evaluation ${inc.evaluateMs} ms; then warm-up ${inc.warmMs?.toFixed(0)} ms`,
    );

    if (typeof inc.profile === 'string') log(`  incremental cycle's profile:\n${inc.profile}`);
    phaseCpu(f, 'incremental', inc, null);
    phaseMemory(f, 'incremental', inc);
    const day = await host.ask('next-day');
    f[`reevaluate_${tag}_ms`] = day.ms;
    f[`reevaluate_${tag}_warm_ms`] = day.warmMs ?? 0;
    log(
      `  daily re-evaluation (as-of + 1 day) ${day.ms.toFixed(0)} ms; then warm-up ${day.warmMs?.toFixed(0)} ms`,
    );
    phaseCpu(f, 'reevaluate', day, null);
    phaseMemory(f, 'reevaluate', day);
    const depts = (await getJson(`${base}/api/v1/departments`)) as { items?: { id: string }[] };
    const dept = depts.items?.[Math.floor((depts.items.length - 1) / 2)]?.id ?? '';
    const alerts = (await getJson(`${base}/api/v1/alerts?pageSize=20`)) as {
      items?: { caseId: string }[];
    };
    const caseId = alerts.items?.[0]?.caseId ?? '';
    const endpoints: Record<string, string> = {
      overview: '/api/v1/overview?period=2026Q3',
      alerts_first_page: '/api/v1/alerts?page=1&pageSize=50',
      alerts_filtered_sorted:
        '/api/v1/alerts?level=red,yellow&channel=%E7%BD%91%E4%B8%8A&sort=-elapsed&page=2&pageSize=50',
      department: `/api/v1/alerts?dept=${encodeURIComponent(dept)}&page=1&pageSize=50`,
      case_page: `/api/v1/cases/${encodeURIComponent(caseId)}`,
      ranking_quarter: '/api/v1/rankings?quarter=2026Q3',
    };
    for (const [name, path] of Object.entries(endpoints)) {
      const l = await measureLatency(`${base}${path}`, API_SECONDS, `${base}/api/v1/health`);
      f[`api_${name}_first_${tag}_ms`] = l.first;
      f[`api_${name}_p50_${tag}_ms`] = l.p50;
      f[`api_${name}_p95_${tag}_ms`] = l.p95;
      f[`api_${name}_p99_${tag}_ms`] = l.p99;
      log(
        `  ${name.padEnd(24)} first ${l.first.toFixed(0)}  p50 ${l.p50.toFixed(1)}  p95 ${l.p95.toFixed(1)}  p99 ${l.p99.toFixed(1)} ms  ${l.rps.toFixed(0)} req/s${l.errors > 0 ? `  ${l.errors} errors` : ''}`,
      );
    }
    phaseMemory(f, 'api', await host.ask('memory'));
    // Last: a city too big for the heap is refused by the memory guard (507, its figures gone until
    // a restart with more heap), which must not cost the API figures above.
    const re = await host.ask('recompute');
    if (re.refused !== undefined) {
      f[`recompute_${tag}_refused`] = 1;
      log(`  recompute refused by the memory guard: ${re.refused}`);
    } else {
      f[`recompute_${tag}_ms`] = re.ms;
      f[`recompute_${tag}_evaluate_ms`] = re.evaluateMs ?? 0;
      log(
        `  recompute (store → memory → evaluation) ${re.ms.toFixed(0)} ms, evaluation ${re.evaluateMs} ms`,
      );
    }
    phaseCpu(f, 'recompute', re, null);
    phaseMemory(f, 'recompute', re);
    await finish(host, db, f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The feed's resources, in the sync's order (server/sync/resources.ts). */
const FEED_RESOURCES = ['departments', 'items', 'cases', 'case-events', 'evaluations', 'tasks'];

/**
 * Milliseconds to `JSON.parse` every page of a full pass (pages of 5000, as the sync asks for
 * them) with nothing else running in this process: the floor under a sync that must parse them.
 */
async function jsonParseAlone(feedUrl: string): Promise<number> {
  let ms = 0;
  for (const resource of FEED_RESOURCES) {
    let cursor: string | null = null;
    do {
      const url = new URL(`${feedUrl.replace(/\/$/, '')}/${resource}`);
      url.searchParams.set('limit', '5000');
      if (cursor !== null) url.searchParams.set('cursor', cursor);
      const text = await (await fetch(url)).text();
      const started = performance.now();
      const page: unknown = JSON.parse(text);
      ms += performance.now() - started;
      const next =
        typeof page === 'object' && page !== null && 'nextCursor' in page ? page.nextCursor : null;
      cursor = typeof next === 'string' ? next : null;
    } while (cursor !== null);
  }
  return ms;
}

/** The run's last figures: the service's peak RSS, the database file, the load. */
async function finish(host: Host, db: string, f: Record<string, number>): Promise<void> {
  const pid = host.child.pid ?? 0;
  f[`peak_rss_${tag}_mb`] = vm(pid, 'VmHWM');
  await host.ask('stop');
  const bytes = statSync(db).size;
  f[`db_${tag}_mb`] = bytes / 2 ** 20;
  f[`db_mb_per_million_cases`] = bytes / 2 ** 20 / (CASES / 1_000_000);
  log(
    `  peak RSS ${f[`peak_rss_${tag}_mb`]?.toFixed(0)} MB, database ${(bytes / 2 ** 20).toFixed(0)} MB`,
  );
  f[`load_average_1m`] = Number(loadAverage().split(' ')[0]);
  runs.push(f);
}

log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, node ${process.version}`,
);
const feed = await startFeed();
// No swap here: rather than let the kernel kill a process (maybe someone else's), stop the run.
const stopWatching = watchMemory((mb) => {
  log(
    `\n内存不足，停止测量 (out of memory): only ${mb.toFixed(0)} MB available (< ${LOW_MEMORY_MB} MB); the service and demo-feed are stopped. Try a smaller --cases or a quieter machine.`,
  );
  currentHost?.child.kill('SIGKILL');
  feed.stop();
  process.exit(3);
});
try {
  for (let r = 0; r < RUNS; r++) await oneRun(feed.url, feed.pid, r);
} finally {
  stopWatching();
  if (feed.pid !== null) feed.figures[`feed_peak_rss_${tag}_mb`] = vm(feed.pid, 'VmHWM');
  feed.stop();
}

const figures: Record<string, number> = {};
log(`\n${CASES.toLocaleString('en')} cases, ${RUNS} runs: median (spread)`);
for (const key of Object.keys(runs[0] ?? {})) {
  const xs = runs.map((f) => f[key] ?? Number.NaN).sort((a, b) => a - b);
  const mid = Math.floor(xs.length / 2);
  const median =
    xs.length % 2 === 1 ? (xs[mid] ?? NaN) : ((xs[mid - 1] ?? NaN) + (xs[mid] ?? NaN)) / 2;
  const round = (x: number): number =>
    Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
  figures[key] = round(median);
  if (xs.length > 1) figures[`${key}_spread`] = round((xs[xs.length - 1] ?? 0) - (xs[0] ?? 0));
  log(`  ${key.padEnd(48)} ${String(round(median)).padStart(10)}   (${xs.map(round).join(', ')})`);
}
for (const [key, value] of Object.entries(feed.figures)) {
  figures[key] = Math.round(value);
  log(`  ${key.padEnd(48)} ${String(Math.round(value)).padStart(10)}`);
}
// The names issue 17 uses, as aliases of the figures above (one size per invocation).
const aliases: Record<string, string> = {
  [`incremental_${TOUCHED / 1000}k_ms`]: `incremental_${TOUCHED / 1000}k_${tag}_ms`,
  [`reevaluate_open_${tag}_ms`]: `reevaluate_${tag}_ms`,
};
for (const [alias, key] of Object.entries(aliases)) {
  const value = figures[key];
  if (value !== undefined) figures[alias] = value;
}
if (has('json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
