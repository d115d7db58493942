/**
 * Benchmark of the time-limit core: `npm run bench` (add `-- --json` for a final JSON line).
 *
 * Builds 100k and 1M synthetic cases in memory (seeded PRNG, realistic 2024–2026 dates, open and
 * completed cases, suspensions, 即办件 and dueAt cases), then times `evaluateCase` over them several
 * times on one thread and reports the median. Not a test: figures depend on the machine.
 */
import { cpus, platform, release, totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { officialCalendar, createCalendar, officialHolidayFiles } from '../../src/domain/calendar';
import {
  evaluateCase,
  type CaseEvaluation,
  type CaseInput,
  type SuspensionInput,
} from '../../src/domain/time-limit';

const RUNS = 5;

// Collect garbage between runs so one run's leftovers do not bill the next (npm scripts cannot pass
// --expose-gc through tsx, so the flag is switched on here).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small, fast, seeded PRNG so every run evaluates the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LIMITS = [0, 1, 3, 5, 5, 7, 10, 15, 20];

function makeCases(n: number, seed: number): CaseInput[] {
  const rnd = prng(seed);
  const from = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 5, 30) - from;
  const out: CaseInput[] = new Array<CaseInput>(n);
  for (let i = 0; i < n; i++) {
    const acceptedAt = from + Math.floor(rnd() * span);
    const committed = LIMITS[Math.floor(rnd() * LIMITS.length)] as number;
    const statutory = rnd() < 0.2 ? null : committed + Math.floor(rnd() * 20);
    const suspensions: SuspensionInput[] = [];
    const ns = rnd() < 0.25 ? (rnd() < 0.2 ? 2 : 1) : 0;
    for (let k = 0; k < ns; k++) {
      const startAt = acceptedAt + Math.floor(rnd() * 10 * DAY);
      suspensions.push({
        kind: k === 0 ? '补正' : '鉴定',
        startAt,
        endAt: rnd() < 0.15 ? null : startAt + Math.floor(rnd() * 15 * DAY),
        approvedDays: rnd() < 0.3 ? 1 + Math.floor(rnd() * 10) : null,
      });
    }
    const completedAt = rnd() < 0.7 ? acceptedAt + Math.floor(rnd() * 40 * DAY) : null;
    const dueAt = rnd() < 0.03 ? acceptedAt + Math.floor(rnd() * 10 * DAY) : null;
    out[i] = {
      id: `C${i}`,
      departmentId: `D${i % 60}`,
      acceptedAt,
      committedLimitDays: committed,
      statutoryLimitDays: statutory,
      completedAt,
      suspensions,
      dueAt,
    };
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Time evaluateCase over all cases. With `retain`, every result is kept in an array (as the engine
 * does for the views), so the figure includes allocating and keeping 1M result objects; without it
 * V8 may avoid the allocation entirely.
 */
function timeEvaluate(
  cases: CaseInput[],
  asOf: number,
  retain: boolean,
): { ms: number[]; checksum: number } {
  const cal = officialCalendar();
  const ms: number[] = [];
  let checksum = 0;
  for (let r = 0; r < RUNS; r++) {
    collectGarbage();
    const kept: CaseEvaluation[] = retain ? new Array<CaseEvaluation>(cases.length) : [];
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < cases.length; i++) {
      const e = evaluateCase(cases[i] as CaseInput, asOf, cal);
      if (retain) kept[i] = e;
      sum += e.elapsedDays + (e.level === 'red' ? 1 : 0);
    }
    ms.push(performance.now() - t0);
    checksum = sum + kept.length;
  }
  return { ms, checksum };
}

const json = process.argv.includes('--json');
const asOf = Date.UTC(2026, 6, 1, 1, 0, 0);

const t0 = performance.now();
createCalendar(officialHolidayFiles);
const calendarBuildMs = performance.now() - t0;

const c100k = makeCases(100_000, 1);
const c1m = makeCases(1_000_000, 2);
timeEvaluate(c100k, asOf, false); // warm-up: let the JIT optimise before measuring
const r100k = timeEvaluate(c100k, asOf, false);
const r1m = timeEvaluate(c1m, asOf, false);
const r1mKept = timeEvaluate(c1m, asOf, true);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const figures = {
  evaluate_100k_ms: Math.round(median(r100k.ms) * 10) / 10,
  evaluate_1m_ms: Math.round(median(r1m.ms) * 10) / 10,
  evaluate_1m_retained_ms: Math.round(median(r1mKept.ms) * 10) / 10,
  cases_per_second: Math.round(1_000_000 / (median(r1m.ms) / 1000)),
  calendar_build_ms: Math.round(calendarBuildMs * 10) / 10,
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  runs: RUNS,
  machine: `${cpu} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}`,
  node: process.version,
};

console.log('效能督查看板 — time-limit benchmark (single thread, median of %d runs)', RUNS);
console.log(`machine: ${figures.machine}; node ${figures.node}`);
console.log(`calendar build (2007–2027 files): ${figures.calendar_build_ms} ms`);
console.log(
  `evaluateCase × 100k: ${figures.evaluate_100k_ms} ms  (runs: ${r100k.ms.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(
  `evaluateCase × 1M:   ${figures.evaluate_1m_ms} ms  (runs: ${r1m.ms.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(
  `evaluateCase × 1M, results kept in an array: ${figures.evaluate_1m_retained_ms} ms  (runs: ${r1mKept.ms.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(
  `throughput: ${figures.cases_per_second.toLocaleString('en-US')} cases/s; peak RSS ${figures.peak_rss_mb} MB; checksum ${r1m.checksum}`,
);
if (json) console.log(JSON.stringify(figures));
