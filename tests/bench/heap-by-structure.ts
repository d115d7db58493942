/**
 * Where the service's heap goes, structure by structure (issue 17: peak RSS ≤ 3 GB): the demo
 * city's records parsed as the sync parses them into the live dataset's tables (each table's
 * records and its map by id), the tables' sorted lists, the joins (`indexDataset`), the evaluated
 * model, and the case page's indexes. Each figure is the heap retained after a forced collection,
 * in MB and in MB per million cases, so it scales to the city sizes of docs/scale.md.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx tests/bench/heap-by-structure.ts 100000
 */
import { casePageIndexes } from '../../src/engine/case-page';
import { computeDashboard } from '../../src/engine/dashboard';
import { calendarFor, DEFAULT_ENGINE_SETTINGS } from '../../src/engine/settings';
import { LiveDataset } from '../../server/jobs/live-dataset';
import { SYNC_RESOURCES } from '../../server/sync/resources';
import { asOfMs, demoCityWire, heapAfterGc } from './demo-wire';

const cases = Number(process.argv[2] ?? '100000');
const heap = heapAfterGc;

// Kept to the end (read below), so its text is never counted as freed by a step.
const wire = demoCityWire(cases);

const figures: Record<string, number> = { cases };
const perMillion = 1_000_000 / cases;
let last = heap();
function step(name: string): void {
  const now = heap();
  figures[`${name}_mb`] = Math.round((now - last) / 2 ** 20);
  figures[`${name}_mb_per_million_cases`] = Math.round(((now - last) / 2 ** 20) * perMillion);
  last = now;
}

const live = new LiveDataset();
for (const spec of SYNC_RESOURCES) {
  const bodies = wire[spec.resource] ?? [];
  for (const body of bodies) {
    const o = spec.parse(JSON.parse(body));
    if (o.ok) o.value.putInto(live);
  }
  figures[`${spec.resource}_records`] = bodies.length;
  step(`table_${spec.resource}`);
}
const lists = [
  live.cases.list(),
  live.caseEvents.list(),
  live.evaluations.list(),
  live.tasks.list(),
];
step('sorted_lists');
const dataset = live.dataset();
step('joins');
const model = computeDashboard(dataset, DEFAULT_ENGINE_SETTINGS, asOfMs, undefined, { keep: true });
step('model');
for (const build of casePageIndexes({
  model,
  dataset,
  asOfMs,
  calendar: calendarFor(DEFAULT_ENGINE_SETTINGS),
}))
  build();
step('case_page_indexes');
figures['kept'] = lists.length + model.rows.length + Object.keys(wire).length;
console.log(JSON.stringify(figures));
