/**
 * What the HTTP benches share (`npm run bench:service`, tests/bench/alerts-api.ts): their options,
 * the machine's load, and one way of measuring an endpoint's latency — a lone request first (the
 * cold cost: caches per evaluation are empty), then 20 concurrent autocannon clients, p50/p95/p99
 * over every 200's time.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** `--name value` options of this process. */
export function benchOptions(argv: readonly string[] = process.argv.slice(2)): {
  has(name: string): boolean;
  opt(name: string, fallback: string): string;
} {
  return {
    has: (name) => argv.includes(`--${name}`),
    opt: (name, fallback) => {
      const i = argv.indexOf(`--${name}`);
      return (i >= 0 ? argv[i + 1] : undefined) ?? fallback;
    },
  };
}

/** The 1-, 5- and 15-minute load averages. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Latency {
  /** The lone first request: its status and milliseconds. */
  firstStatus: number;
  first: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

/**
 * One endpoint: a lone request, then `seconds` of 20 clients. With `settleUrl`, waits until it
 * answers, so requests still queued when autocannon stops do not land in the next figures.
 */
export async function measureLatency(
  url: string,
  seconds: number,
  settleUrl?: string,
): Promise<Latency> {
  const t0 = performance.now();
  const lone = await fetch(url);
  await lone.arrayBuffer();
  const first = performance.now() - t0;
  const times: number[] = [];
  const instance = autocannon({ url, connections: 20, duration: seconds });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) times.push(ms);
  });
  const result = await instance;
  if (settleUrl !== undefined) await fetch(settleUrl).then((r) => r.arrayBuffer());
  times.sort((a, b) => a - b);
  return {
    firstStatus: lone.status,
    first,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.average,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}
