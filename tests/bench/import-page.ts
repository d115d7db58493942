/**
 * `npm run bench:import` — issue 18.4 at full size, through the page: a CSV of N case rows
 * (default 3.2 million, ≈ 490 MB from the demo generator) uploaded on the 数据导入 page of the
 * production build served by the real service, as the demo supervisor in Chromium.
 *
 *   1. the import: the upload's % and the import's records-read values the page showed, the time
 *      to the report, rows = accepted + rejected = N, the page's longest stall;
 *   2. cancel mid-upload, then (same content → 替换原有数据源) cancel mid-import: each time the
 *      service keeps nothing (sources, imports, no upload file left) and the earlier data (the
 *      city feed and the imported dataset) answer with the same figures as before;
 *   3. the dataset chosen as the source on the page, then the dashboard's budgets on it (the
 *      browser bench's runs: overview figures, alerts filter change, rankings page, JS heap);
 *   4. the service's peak RSS (VmHWM) after each phase.
 *
 *   --rows N        rows of the generated file (default 3200000); the file is kept in
 *                   $TMPDIR/ducha-import-bench-N/cases.csv and reused by the next run
 *   --file F        import this CSV instead (its rows are counted)
 *   --city-cases N  the city feed beside it (default 5000)
 *   --runs N        budget runs on the imported source (default 3)
 *   --json          end with one JSON line of every figure
 * BENCH_SKIP_BUILD=1 reuses an existing dist/.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { importList, sourcesResponse } from '../../src/contract/imports';
import { overviewFigures } from '../../src/contract/overview';
import { z } from '../../src/contract/zod';
import { BENCH_AS_OF, startCity, supervisorCookie, type BenchCity } from './browser-city';
import { BUDGETS, measureRun, median, type RunFigures } from './browser-measure';
import { buildDist, openBenchBrowser } from './browser-setup';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const log = (line: string) => process.stderr.write(`${line}\n`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const positive = (name: string, fallback: number): number => {
  const n = Number(option(name) ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive integer`);
  return n;
};
const HOUR = 3_600_000;

/** The generated file for `rows` (reused when its manifest says it has those cases). */
function generatedFile(rows: number): string {
  const dir = join(tmpdir(), `ducha-import-bench-${rows}`);
  const file = join(dir, 'cases.csv');
  const manifest = join(dir, 'manifest.json');
  if (
    existsSync(file) &&
    existsSync(manifest) &&
    readFileSync(manifest, 'utf8').includes(`"cases": ${rows}`)
  ) {
    return file;
  }
  log(`generating ${rows} cases as CSV in ${dir} …`);
  const gen = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts/demo-data.ts'),
      '--format',
      'csv',
      '--cases',
      String(rows),
      '--as-of',
      BENCH_AS_OF,
      '--out',
      dir,
    ],
    { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (gen.status !== 0) throw new Error('demo-data failed');
  // Only the cases are imported; the other files (events are 3× the cases) only take disk.
  for (const f of readdirSync(dir)) {
    if (f !== 'cases.csv' && f !== 'manifest.json') rmSync(join(dir, f));
  }
  return file;
}

/** Data rows of a CSV whose cells hold no line breaks (the generator's): lines − header. */
async function csvRows(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
    last = buf[buf.length - 1] ?? last;
  }
  return lines + (last === 10 ? 0 : 1) - 1;
}

/** The service's peak and current resident memory, MB (kernel's VmHWM / VmRSS). */
function serviceMemory(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

/** What the service holds, as the checks after a cancel compare it. */
interface Holdings {
  sources: string;
  done: number;
  figures: Record<string, string>;
}

async function holdings(city: BenchCity, cookie: string): Promise<Holdings> {
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(`${city.baseUrl}/api/v1${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  const sources = sourcesResponse.parse(await get('/sources')).items;
  const imports = importList.parse(await get('/imports')).items;
  const figures: Record<string, string> = {};
  for (const s of sources) {
    const query = `period=2026Q3&source=${encodeURIComponent(s.id)}`;
    figures[s.id] = JSON.stringify(overviewFigures.parse(await get(`/overview?${query}`)));
  }
  return {
    sources: JSON.stringify(sources.map((s) => [s.id, s.cases, s.rows, s.rejected])),
    done: imports.filter((i) => i.state === 'done').length,
    figures,
  };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
  log(`  ✓ ${what}`);
}

/** The service kept nothing of the cancelled attempt: same sources, same figures, no upload file. */
async function keptNothing(city: BenchCity, cookie: string, before: Holdings, what: string) {
  const uploads = `${city.db}.imports`;
  const deadline = Date.now() + 30_000;
  // The service removes the part it received once it sees the request end.
  while (existsSync(uploads) && readdirSync(uploads).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
  }
  const left = existsSync(uploads) ? readdirSync(uploads) : [];
  check(left.length === 0, `${what}: no upload file left (${left.join(', ') || 'none'})`);
  const after = await holdings(city, cookie);
  check(after.sources === before.sources, `${what}: the sources are unchanged`);
  check(after.done === before.done, `${what}: no new completed import`);
  for (const [id, fig] of Object.entries(before.figures)) {
    check(after.figures[id] === fig, `${what}: ${id} answers the same overview`);
  }
}

const samplesSchema = z.object({
  samples: z.array(
    z.object({ t: z.number(), upload: z.number().nullable(), read: z.string().nullable() }),
  ),
  maxGapMs: z.number(),
});

/**
 * Records, inside the page, every change of the upload's % and of the records-read line (with the
 * page's clock), and the longest gap between two ticks of a 50 ms timer (a stalled main thread).
 */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = {
      samples: [] as { t: number; upload: number | null; read: string | null }[],
      maxGapMs: 0,
    };
    Reflect.set(window, '__importBench', state);
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      state.maxGapMs = Math.max(state.maxGapMs, now - last);
      last = now;
      const bar = document.querySelector('[data-testid="upload-progress"]');
      const upload = bar === null ? null : Number(bar.getAttribute('data-percent'));
      const read =
        document.querySelector('[data-testid="import-read-so-far"]')?.textContent ?? null;
      const prev = state.samples[state.samples.length - 1];
      if (upload === null && read === null) return;
      if (prev?.upload !== upload || prev?.read !== read)
        state.samples.push({ t: now, upload, read });
    }, 50);
  });
}

async function progressSeen(page: Page) {
  return samplesSchema.parse(await page.evaluate(() => Reflect.get(window, '__importBench')));
}

const readRows = (text: string | null): number =>
  Number(/已读取 ([\d,]+) 条/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? NaN);

async function statistic(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

async function importPage(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/import`);
  await page.getByTestId('datasets').waitFor({ timeout: 120_000 });
  await recordProgress(page);
}

/** Polls the page until `test` holds (or throws after `timeoutMs`). */
async function until(page: Page, what: string, test: () => Promise<boolean>, timeoutMs = HOUR) {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(20);
  }
}

async function main(): Promise<void> {
  const fileOption = option('file');
  const file = fileOption ?? generatedFile(positive('rows', 3_200_000));
  const rows = await csvRows(file);
  const bytes = statSync(file).size;
  const runs = positive('runs', 3);
  log(`file ${file}: ${rows} rows, ${(bytes / 1048576).toFixed(1)} MB`);
  buildDist();
  const city = await startCity(positive('city-cases', 5000), {}, log);
  const memory: Record<string, { peakMb: number; rssMb: number }> = {
    afterSync: serviceMemory(city.servicePid),
  };
  const cookie = await supervisorCookie(city.baseUrl);
  const browser = await openBenchBrowser(city.baseUrl, cookie);
  try {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      // The same-content upload is answered 409 on purpose (the page offers to replace).
      if (m.type() === 'error' && !m.text().includes('409')) consoleErrors.push(m.text());
    });

    // 1. The import through the page.
    log('1. import through the page …');
    await importPage(page, city.baseUrl);
    const t0 = Date.now();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-report').waitFor({ timeout: 4 * HOUR });
    const reportMs = Date.now() - t0;
    const seen = await progressSeen(page);
    const uploads = seen.samples.filter((s) => s.upload !== null);
    const reads = seen.samples.filter((s) => s.read !== null);
    const report = {
      rows: await statistic(page, 'report-rows'),
      accepted: await statistic(page, 'report-accepted'),
      rejected: await statistic(page, 'report-rejected'),
    };
    check(report.rows === rows, `the report counts ${report.rows} rows, the file has ${rows}`);
    check(report.accepted + report.rejected === report.rows, 'accepted + rejected = rows');
    check(
      uploads.length > 1,
      `upload progress shown (${uploads.map((s) => s.upload).join(' ')} %)`,
    );
    check(
      reads.length > 0,
      `import progress shown (${reads.map((s) => readRows(s.read)).join(' ')})`,
    );
    const imported = importList.parse(
      await (await fetch(`${city.baseUrl}/api/v1/imports`, { headers: { cookie } })).json(),
    ).items[0];
    if (imported === undefined) throw new Error('no import listed');
    check(imported.rows === rows && imported.state === 'done', 'the service lists it done');
    const uploadEnd = uploads[uploads.length - 1]?.t ?? 0;
    const firstRead = reads[0]?.t ?? uploadEnd;
    const importFigures = {
      file_mb: Math.round(bytes / 1048576),
      rows,
      accepted: report.accepted,
      rejected: report.rejected,
      report_ms: reportMs,
      upload_ms: Math.round(uploadEnd - (uploads[0]?.t ?? uploadEnd)),
      read_ms_after_upload: Math.round(Math.max(0, reportMs - (firstRead - (uploads[0]?.t ?? 0)))),
      upload_percent_values: uploads.map((s) => s.upload ?? 0),
      // [ms since the first value, records read]: the import's rate over the file.
      records_read_values: reads.map((s) => [Math.round(s.t - firstRead), readRows(s.read)]),
      longest_page_stall_ms: Math.round(seen.maxGapMs),
    };
    log(`  ${JSON.stringify(importFigures)}`);
    memory['afterImport'] = serviceMemory(city.servicePid);
    // The first read of a new source evaluates it in the service (then it is cached).
    const coldT0 = Date.now();
    const cold = await fetch(
      `${city.baseUrl}/api/v1/overview?period=2026Q3&source=${encodeURIComponent(imported.source)}`,
      { headers: { cookie } },
    );
    await cold.arrayBuffer();
    check(cold.status === 200, 'the new source answers');
    const coldOverviewMs = Date.now() - coldT0;
    memory['afterEvaluation'] = serviceMemory(city.servicePid);
    await page.screenshot({ path: join(tmpdir(), 'import-bench-report.png'), fullPage: true });
    const before = await holdings(city, cookie);

    // 2a. Cancel mid-upload: the upload is slowed (DevTools throttling) so it is caught midway.
    log('2a. cancel mid-upload …');
    await importPage(page, city.baseUrl);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: Math.max(64 * 1024, bytes / 20),
    });
    await page.locator('input[type=file]').setInputFiles(file);
    const bar = page.getByTestId('upload-progress');
    await until(page, 'the upload at 20 %', async () => {
      const p = Number((await bar.getAttribute('data-percent', { timeout: HOUR })) ?? 0);
      return p >= 20;
    });
    const cancelledAtPercent = Number(await bar.getAttribute('data-percent'));
    await bar.getByTestId('import-cancel').click();
    await page.getByTestId('upload-aborted').waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
    log(`  cancelled at ${cancelledAtPercent} %`);
    await keptNothing(city, cookie, before, 'after the cancelled upload');

    // 2b. The same content again: refused (409) with 替换; replace, then cancel mid-import.
    log('2b. same content → replace → cancel mid-import …');
    await importPage(page, city.baseUrl);
    await page.locator('input[type=file]').setInputFiles(file);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor({ timeout: HOUR });
    check((await refused.getAttribute('data-code')) === 'conflict', 'same content → 409 conflict');
    await refused.getByRole('button', { name: '替换原有数据源' }).click();
    const running = page.getByTestId('import-running');
    await running.waitFor({ timeout: HOUR });
    const readLine = page.getByTestId('import-read-so-far');
    const target = Math.max(1, Math.floor(rows * 0.2));
    let readAtCancel = 0;
    await until(page, `${target} records read`, async () => {
      readAtCancel = readRows(await readLine.textContent({ timeout: HOUR }));
      return readAtCancel >= target;
    });
    await running.getByTestId('import-cancel').click();
    await page.getByTestId('import-cancelled').waitFor({ timeout: HOUR });
    log(`  cancelled after ${readAtCancel} of ${rows} records`);
    await keptNothing(city, cookie, before, 'after the cancelled import');
    memory['afterCancels'] = serviceMemory(city.servicePid);

    // 3. Choose the dataset as the source on the page; then the budgets on it.
    log('3. the dataset as the source …');
    await importPage(page, city.baseUrl);
    await page.getByTestId(`dataset-use-${imported.source}`).click();
    await page.waitForURL(/source=import/);
    const firstT0 = Date.now();
    await page.getByTestId('nav-overview').click();
    await page.waitForFunction(
      () => /\d/.test(document.querySelector('[data-testid="kpi-open-link"]')?.textContent ?? ''),
      undefined,
      { timeout: HOUR, polling: 20 },
    );
    const firstOverviewMs = Date.now() - firstT0;
    await page.screenshot({ path: join(tmpdir(), 'import-bench-overview.png') });
    memory['afterFirstOverview'] = serviceMemory(city.servicePid);
    check(consoleErrors.length === 0, `no console error (${consoleErrors.join(' | ')})`);

    const query = `?source=${encodeURIComponent(imported.source)}`;
    const all: RunFigures[] = [];
    for (let r = 0; r < runs; r++) {
      const fresh = await openBenchBrowser(city.baseUrl, cookie);
      try {
        const { figures, filterTimes } = await measureRun(fresh.context, city.baseUrl, query);
        log(
          `  run ${r + 1}: ${JSON.stringify(figures)} filters ${filterTimes.map(Math.round).join('/')} ms`,
        );
        all.push(figures);
      } finally {
        await fresh.close();
      }
    }
    memory['end'] = serviceMemory(city.servicePid);
    const pick = (k: keyof RunFigures) => Math.round(median(all.map((f) => f[k])));
    const budgets: RunFigures = {
      overview_figures_ms: pick('overview_figures_ms'),
      alerts_filter_change_ms: pick('alerts_filter_change_ms'),
      rankings_open_ms: pick('rankings_open_ms'),
      js_heap_after_overview_mb: pick('js_heap_after_overview_mb'),
    };
    const row = (label: string, v: number, unit: string, budget?: number) =>
      `| ${label} | ${v.toLocaleString('en')} ${unit}${budget !== undefined && v > budget ? ' (missed)' : ''} | ${budget === undefined ? '' : `≤ ${budget.toLocaleString('en')} ${unit}`} |`;
    const lines = [
      `| ${rows.toLocaleString('en')} rows, ${importFigures.file_mb} MB | measured | budget |`,
      '| --- | ---: | --- |',
      row('upload + import, to the report', reportMs, 'ms'),
      row('· upload', importFigures.upload_ms, 'ms'),
      row('longest page stall during the import', importFigures.longest_page_stall_ms, 'ms'),
      row('first overview API of the new source (evaluation)', coldOverviewMs, 'ms'),
      row('overview on the page after 设为数据源', firstOverviewMs, 'ms'),
      row(
        'overview figures after navigation',
        budgets.overview_figures_ms,
        'ms',
        BUDGETS.overview_figures_ms,
      ),
      row(
        'alerts filter change (median)',
        budgets.alerts_filter_change_ms,
        'ms',
        BUDGETS.alerts_filter_change_ms,
      ),
      row('rankings page', budgets.rankings_open_ms, 'ms', BUDGETS.rankings_open_ms),
      row(
        'JS heap after the overview',
        budgets.js_heap_after_overview_mb,
        'MB',
        BUDGETS.js_heap_after_overview_mb,
      ),
      ...Object.entries(memory).map(([k, m]) =>
        row(`service peak RSS (VmHWM), ${k}`, m.peakMb, 'MB'),
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n(budgets: median of ${runs} runs)\n`);
    if (args.includes('--json')) {
      process.stdout.write(
        `${JSON.stringify({
          import: importFigures,
          cancel: { upload_percent: cancelledAtPercent, records_read: readAtCancel },
          cold_overview_api_ms: coldOverviewMs,
          first_overview_ms: firstOverviewMs,
          runs,
          budgets,
          service_memory_mb: memory,
        })}\n`,
      );
    }
  } finally {
    await browser.close();
    await city.stop();
  }
}

await main();
