/**
 * How far V8 lets the heap grow past what the last full collection kept before it collects again.
 * By default the factor is up to 4× for a fast-allocating process with a large heap limit: the
 * service, which holds a city's records (≈ 0.7 GB at 300k cases) and allocates pages, parses and
 * evaluations on top, carried hundreds of megabytes of garbage (heap before a collection 1,133 MB
 * against 821 MB after, tests/bench/service.ts at 300k). With 50 %: 944–1,046 MB before a
 * collection after the incremental cycle, 731 MB (was 996) after the cold sync. The process's
 * peak RSS at 300k is set during `recompute` (the old records become garbage while the new ones
 * load) and did not fall with it alone; a lower percent trades collector time for that peak.
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
