/**
 * Measures one import through the service (docs/import.md, "Large files: measured"): the service
 * on a temp DuckDB file, a CSV uploaded over HTTP (multipart, streamed from disk), then the first
 * overview of the imported source. Prints time and peak RSS of the process (service + client).
 *
 *   npm run -s demo-data -- --format csv --cases 500000 --out /tmp/big500k
 *   node --import tsx tests/bench/import-service.ts /tmp/big500k/cases.csv
 */
import { openAsBlob, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseAsOfOption } from '../../scripts/cli/common';
import { OPEN_ACCESS, startServer } from '../../server/main';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: import-service.ts FILE.csv');
const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
try {
  const server = await startServer({
    dbPath: join(dir, 'bench.duckdb'),
    port: 0,
    feedUrl: null,
    asOfMs: parseAsOfOption('2026-09-30'),
    syncMinutes: 0,
    auth: OPEN_ACCESS,
  });
  const rssBefore = process.memoryUsage().rss;
  const form = new FormData();
  form.append('file', await openAsBlob(path), basename(path));
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/v1/imports`, {
    method: 'POST',
    headers: { origin: server.url },
    body: form,
  });
  const report = (await res.json()) as Record<string, unknown>;
  const importMs = performance.now() - t0;
  const peakImport = Math.max(peak, process.memoryUsage().rss);
  const t1 = performance.now();
  const ov = await fetch(
    `${server.url}/api/v1/overview?period=2026Q3&source=${String(report['source'])}`,
  );
  await ov.arrayBuffer();
  const overviewMs = performance.now() - t1;
  console.log(
    JSON.stringify(
      {
        file: path,
        bytes: statSync(path).size,
        status: res.status,
        rows: report['rows'],
        accepted: report['accepted'],
        rejected: report['rejected'],
        importSeconds: Math.round(importMs / 100) / 10,
        rssBeforeImport: mb(rssBefore),
        peakRssDuringImport: mb(peakImport),
        firstOverviewSeconds: Math.round(overviewMs / 100) / 10,
        overviewStatus: ov.status,
        peakRssOverall: mb(Math.max(peak, process.memoryUsage().rss)),
        maxRssKernel: mb(process.resourceUsage().maxRSS * 1024),
      },
      null,
      2,
    ),
  );
  await server.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
