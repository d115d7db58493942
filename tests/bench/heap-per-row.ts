/**
 * Calibrates the memory guard (server/jobs/memory-guard.ts, docs/import.md "Memory guard"): the
 * heap one stored record and one evaluated case take, measured on the demo city (its cases with
 * their step records, evaluations and tasks) and on the same cases read as an imported file.
 * Heap is measured after a forced collection, so run it with --expose-gc:
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx tests/bench/heap-per-row.ts 100000
 */
import { computeDashboard } from '../../src/engine/dashboard';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/settings';
import { parseCaseRecord } from '../../src/feeds/case-record';
import { importedCaseRecord } from '../../src/feeds/imported-case';
import { LiveDataset } from '../../server/jobs/live-dataset';
import { SYNC_RESOURCES } from '../../server/sync/resources';
import { asOfMs, demoCityWire, heapAfterGc } from './demo-wire';

const cases = Number(process.argv[2] ?? '100000');
/** `city` or `import`: one per process, so nothing of the other stays on the heap. */
const mode = process.argv[3] ?? 'city';
const heap = heapAfterGc;

const wire = demoCityWire(cases);
const records = Object.values(wire).reduce((n, rows) => n + rows.length, 0);

function measureCity(): Record<string, number> {
  // The city: every resource into the live dataset, then one evaluation kept (as the service keeps it).
  const base = heap();
  const live = new LiveDataset();
  for (const spec of SYNC_RESOURCES) {
    for (const body of wire[spec.resource] ?? []) {
      const o = spec.parse(JSON.parse(body));
      if (o.ok) o.value.putInto(live);
    }
  }
  const dataset = live.dataset();
  const loaded = heap();
  const model = computeDashboard(dataset, DEFAULT_ENGINE_SETTINGS, asOfMs, undefined, {
    keep: true,
  });
  const evaluated = heap();
  const cityRecordBytes = (loaded - base) / records;
  const cityEvalBytes = (evaluated - loaded) / model.rows.length;

  return {
    city_record_bytes: Math.round(cityRecordBytes),
    city_eval_bytes_per_case: Math.round(cityEvalBytes),
    city_total_mb: Math.round((evaluated - base) / 2 ** 20),
  };
}

function measureImport(): Record<string, number> {
  // An import: the cases alone, read back as the import reads them (no step records).
  const imported = new LiveDataset();
  const importBase = heap();
  for (const body of wire['cases'] ?? []) {
    const raw: unknown = JSON.parse(body);
    const o = parseCaseRecord(raw, undefined);
    if (o.ok) imported.cases.put(o.value.id, importedCaseRecord(o.value, raw, undefined, asOfMs));
  }
  const importDataset = imported.dataset();
  const importLoaded = heap();
  const importModel = computeDashboard(importDataset, DEFAULT_ENGINE_SETTINGS, asOfMs);
  const importEvaluated = heap();

  return {
    import_cases: imported.cases.size,
    import_record_bytes: Math.round((importLoaded - importBase) / Math.max(1, imported.cases.size)),
    import_eval_bytes_per_case: Math.round(
      (importEvaluated - importLoaded) / Math.max(1, importModel.rows.length),
    ),
    import_total_mb: Math.round((importEvaluated - importBase) / 2 ** 20),
  };
}

console.log(
  JSON.stringify({
    cases,
    records,
    mode,
    ...(mode === 'import' ? measureImport() : measureCity()),
  }),
);
