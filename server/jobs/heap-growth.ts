/**
 * How far V8 lets the heap grow past what the last full collection kept before it collects again.
 * By default the factor is up to 4× for a fast-allocating process with a large heap limit: the
 * service, which holds a city's records (≈ 0.8 GB at 300k cases) and allocates pages, parses and
 * evaluations on top, then carried hundreds of megabytes of garbage at its peak RSS (heap before a
 * collection 1,133 MB against 821 MB after, tests/bench/service.ts at 300k). A bounded factor
 * collects sooner: a little more time in the collector for a peak near the live size (issue 17:
 * peak RSS ≤ 3 GB).
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
