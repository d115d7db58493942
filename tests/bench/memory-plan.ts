/**
 * Memory for `npm run bench:service` at city scale: sizes the service host's heap from the memory
 * the machine has free, refuses up front when the feed and the service would clearly not fit, and
 * stops a run before the machine runs out (this machine has no swap: the kernel would kill some
 * process — possibly another one — instead of slowing down).
 */
import { readFileSync } from 'node:fs';

/**
 * The service's peak RSS per million cases, measured (docs/performance.md: 5.9–6.5 GB at 1M before
 * issue 17's memory work; 3,665 MB on 2026-11-30, during `recompute`). Lower it here when the
 * service needs less; `--force` runs anyway.
 */
export const SERVICE_PEAK_MB_PER_MILLION = 3700;

/**
 * Peak RSS of `demo-feed`: in memory ≈ 5 GB at 1M; on disk (measured with `/usr/bin/time -v`)
 * 655 MB at 1M and 1,132 MB at 5M (indexes ≈ 115 MB per million, plus the two encoding threads).
 */
export const FEED_PEAK_MB = {
  memory: { base: 300, perMillion: 5500 },
  disk: { base: 600, perMillion: 150 },
} as const;

/** Left to the kernel, the page cache and DuckDB's native memory outside the JS heap. */
const RESERVE_MB = 2048;

/** A run stops when the machine's available memory falls below this. */
export const LOW_MEMORY_MB = 768;

/** MemAvailable from /proc/meminfo, in MB (Infinity where there is none). */
export function availableMb(): number {
  try {
    const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export type MemoryPlan =
  | { ok: true; serviceHeapMb: number; feedHeapMb: number; line: string }
  | { ok: false; refusal: string };

export function planMemory(
  cases: number,
  feedStore: 'memory' | 'disk',
  force: boolean,
  available: number = availableMb(),
): MemoryPlan {
  const millions = cases / 1_000_000;
  const feedMb = Math.ceil(
    FEED_PEAK_MB[feedStore].base + FEED_PEAK_MB[feedStore].perMillion * millions,
  );
  const serviceMb = Math.ceil(SERVICE_PEAK_MB_PER_MILLION * millions);
  const fmt = (mb: number): string => `${(mb / 1024).toFixed(1)} GB`;
  const line = `memory: available ${fmt(available)}; expected peak: demo-feed (${feedStore}) ${fmt(feedMb)} + service ${fmt(serviceMb)}`;
  if (feedMb + serviceMb + RESERVE_MB > available && !force) {
    return {
      ok: false,
      refusal:
        `内存不足，拒绝运行 (not enough memory): ${line} + ${fmt(RESERVE_MB)} reserve > available. ` +
        'Free memory, use a smaller --cases, or pass --force (the run then stops itself before the machine runs out).',
    };
  }
  // The heap may grow into whatever the feed and the reserve leave; Node's default (≈ 4 GB) is too small at 1M.
  const serviceHeapMb = Math.max(4096, Math.floor(available - feedMb - RESERVE_MB));
  const feedHeapMb = Math.max(2048, Math.ceil(feedMb * 2));
  return {
    ok: true,
    serviceHeapMb,
    feedHeapMb,
    line: `${line}; service heap limit ${fmt(serviceHeapMb)}`,
  };
}

/** Calls `onLow` (once) when available memory falls below {@link LOW_MEMORY_MB}; returns a stop function. */
export function watchMemory(onLow: (availableMb: number) => void): () => void {
  const timer = setInterval(() => {
    const mb = availableMb();
    if (mb < LOW_MEMORY_MB) {
      clearInterval(timer);
      onLow(mb);
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
