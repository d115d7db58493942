/**
 * What the heap benches (heap-per-row.ts, heap-by-structure.ts) share: the heap after a forced
 * collection, and the demo city as the feed and the store hand it over — JSON text per record, so
 * no object of the generator stays shared with what is measured. Run them with --expose-gc.
 */
import { generateDemoCity } from '../../mocks/demo-city';

export const AS_OF = '2026-09-30';
export const asOfMs = Date.parse(`${AS_OF}T16:00:00Z`);

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use after a full collection. */
export function heapAfterGc(): number {
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  return process.memoryUsage().heapUsed;
}

/** Every record of the demo city (seed 1) of this size, as JSON text per resource. */
export function demoCityWire(cases: number): Record<string, string[]> {
  const city = generateDemoCity({ seed: 1, cases, asOf: AS_OF });
  const text = (rows: readonly unknown[]): string[] => rows.map((r) => JSON.stringify(r));
  return {
    departments: text(city.departments),
    items: text(city.items),
    cases: text(city.cases),
    'case-events': text(city.caseEvents),
    evaluations: text(city.evaluations),
    tasks: text(city.tasks),
  };
}
