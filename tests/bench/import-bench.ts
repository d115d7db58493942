/**
 * Import benchmark in Node: a generated 500k-row 311-style CSV through the same code the import
 * worker runs (decode → the CLI's CSV reader → validation → IndexedDB save via fake-indexeddb).
 * Reports wall time per phase and peak heap / RSS (sampled every 20 ms). Run:
 *   node --expose-gc node_modules/.bin/tsx tests/bench/import-bench.ts [rows]
 */
import 'fake-indexeddb/auto';
import { handleImportRequest } from '../../src/feeds/import/handle-request';
import type { ImportResponse } from '../../src/feeds/import/import-protocol';
import { parseImportMapping } from '../../src/feeds/import/import-mapping';
import { BIG_311_MAPPING, big311Csv } from './import-data';

const rows = Number(process.argv[2] ?? 500_000);
const mapping = parseImportMapping(BIG_311_MAPPING);
if (!mapping.ok) throw new Error(mapping.reason);
const bytes = new TextEncoder().encode(big311Csv(rows));
globalThis.gc?.();
const base = process.memoryUsage();
let peakHeap = base.heapUsed;
let peakRss = base.rss;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
}, 20);
const started = performance.now();
let last: ImportResponse | undefined;
await handleImportRequest(
  {
    type: 'import',
    bytes,
    options: {
      fileName: 'big311.csv',
      format: 'csv',
      encoding: 'utf-8',
      mapping: mapping.value,
      importedAtMs: Date.now(),
    },
  },
  (m) => {
    const u = process.memoryUsage();
    peakHeap = Math.max(peakHeap, u.heapUsed);
    peakRss = Math.max(peakRss, u.rss);
    if (m.type !== 'progress') last = m;
  },
);
clearInterval(timer);
if (last?.type !== 'imported') throw new Error(JSON.stringify(last));
const r = last.report;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(
  JSON.stringify(
    {
      rows,
      fileBytes: bytes.byteLength,
      total: r.total,
      accepted: r.accepted,
      rejected: r.rejected.length,
      parseAndValidateMs: r.parseMs,
      saveMs: r.saveMs,
      totalMs: Math.round(performance.now() - started),
      peakHeap: mb(peakHeap),
      peakHeapAboveBaseline: mb(peakHeap - base.heapUsed),
      peakRss: mb(peakRss),
    },
    null,
    2,
  ),
);
