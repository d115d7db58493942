/**
 * How far V8 lets the heap grow past what the last full collection kept before it collects again.
 * By default the factor is up to 4× for a fast-allocating process with a large heap limit. The
 * service's peak RSS is set during `recompute`: the old records become garbage while the new ones
 * load and are evaluated, and how much of that garbage is still resident is up to the collector.
 * Measured at 300k cases (tests/bench/service.ts, same code, load 11–18, one run each): peak RSS
 * 2,234 MB with V8's own factor, 1,810–1,814 MB with 50 %, 1,620 MB with 20 % — but 20 % made the
 * cold sync 24 % slower than V8's own factor side by side (286 s against 231 s; its evaluation
 * 41 s against 22 s). 50 % is the default between the two.
 *
 * `SERVICE_HEAP_GROWING_PERCENT` overrides (0 = V8's own heuristic).
 */
import { setFlagsFromString } from 'node:v8';

export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** The percent from the environment, or the default; a value that is not a whole number is ignored. */
export function heapGrowingPercent(env: Record<string, string | undefined>): number {
  const text = env['SERVICE_HEAP_GROWING_PERCENT'];
  if (text === undefined || !/^\d{1,3}$/.test(text)) return DEFAULT_HEAP_GROWING_PERCENT;
  return Number(text);
}

/** Sets the factor for this process (V8 reads it at every collection, so it applies at once). */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
