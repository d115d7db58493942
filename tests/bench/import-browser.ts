/**
 * Import benchmark in the real browser (demo build, Debian Chromium): a generated 500k-row CSV is
 * imported through the page. Reports the time from "开始导入" to the report, the worker's own
 * parse/save times, the page's peak JS heap (performance.memory, sampled every 50 ms) and the
 * longest main-thread stall while the import ran (the page must not freeze). Run after a build:
 *   node_modules/.bin/vite build && node_modules/.bin/tsx tests/bench/import-browser.ts [rows]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2e, runAll, waitForData } from '../e2e/harness';
import { big311Csv } from './import-data';

const rows = Number(process.argv[2] ?? 500_000);
const file = join(mkdtempSync(join(tmpdir(), 'import-bench-')), 'big311.csv');
writeFileSync(file, big311Csv(rows));

e2e(`import benchmark ${rows} rows`, async ({ page, baseUrl, shot }) => {
  await page.goto(`${baseUrl}/import`);
  await waitForData(page);
  await page.locator('input[type=file]').first().setInputFiles(file);
  await page.getByTestId('mapping-next').click({ timeout: 60_000 });
  await page.getByTestId('preview-table').waitFor();
  // A string, not a function: tsx would wrap named arrows in a helper the page does not have.
  await page.evaluate(`(() => {
    const mem = () => (performance.memory ? performance.memory.usedJSHeapSize : 0);
    const b = { heap: mem(), stall: 0, last: performance.now(), timer: 0 };
    window.__bench = b;
    b.timer = window.setInterval(() => {
      const now = performance.now();
      b.stall = Math.max(b.stall, now - b.last - 50);
      b.last = now;
      b.heap = Math.max(b.heap, mem());
    }, 50);
  })()`);
  const started = Date.now();
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-progress').waitFor({ timeout: 10_000 });
  await shot('import-bench-progress');
  await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
  const wallMs = Date.now() - started;
  const measured = await page.evaluate<{ heap: number; stall: number }>(
    `(() => { window.clearInterval(window.__bench.timer); return { heap: window.__bench.heap, stall: window.__bench.stall }; })()`,
  );
  const sum = await page.getByTestId('report-sum').innerText();
  const timing = await page
    .getByTestId('import-report')
    .getByText(/解析与校验/)
    .innerText();
  await shot('import-bench-report');
  console.log(
    JSON.stringify(
      {
        rows,
        wallMsStartToReport: wallMs,
        workerTiming: timing,
        report: sum,
        pagePeakJsHeapMB: Math.round(measured.heap / 1024 / 1024),
        longestMainThreadStallMs: Math.round(measured.stall),
      },
      null,
      2,
    ),
  );
  // Clean the shared profile for other runs.
  const item = page.getByTestId('source-big311.csv');
  await item.getByRole('button', { name: /删除/ }).click();
  await page
    .locator('.ant-popover:not(.ant-popover-hidden)')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page.getByTestId('source-feed').getByText('当前使用').waitFor({ timeout: 30_000 });
});

process.exit(await runAll());
