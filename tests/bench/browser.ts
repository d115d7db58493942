/**
 * `npm run bench:browser` — browser budgets in real Chromium (Debian's, via playwright-core) on a
 * 200k-case demo city: time from navigation to a fully rendered overview (and how much of it is
 * after the data arrived), time per filter change on the alerts page, time to open the rankings
 * page, JS heap after load, and the first route's initial JS (gzip) from the build output.
 * Builds the app, serves a copy of dist/ whose config.json asks for 200k cases, prints figures;
 * `-- --json` ends with one JSON line. `-- --cases N` changes the size.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const casesArg = args.includes('--cases') ? Number(args[args.indexOf('--cases') + 1]) : 200_000;
const log = (line: string) => process.stderr.write(`${line}\n`);
const figures: Record<string, number> = { cases: casesArg };

/** Gzip size of the JS the first route needs: the entry script and its modulepreload links. */
function initialJsGzip(dist: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  return { bytes, files };
}

async function until(page: Page, predicate: string, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(predicate, undefined, { timeout: timeoutMs, polling: 20 });
  return Date.now() - t0;
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], {
      cwd: ROOT,
      // Build output goes to stderr: stdout carries only the figures.
      stdio: ['ignore', process.stderr, process.stderr],
    });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const initial = initialJsGzip(join(ROOT, 'dist'));
  figures['initial_js_gzip_kb'] = Math.round(initial.bytes / 1024);
  log(
    `initial JS (gzip): ${(initial.bytes / 1024).toFixed(1)} KB in ${initial.files.length} files`,
  );

  const dist = mkdtempSync(join(tmpdir(), 'ducha-bench-dist-'));
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  const config = JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8')) as {
    demo: { cases: number; asOf: string | null };
  };
  config.demo.cases = casesArg;
  config.demo.asOf = '2026-09-30';
  writeFileSync(join(dist, 'config.json'), JSON.stringify(config));

  const port = 4300 + Math.floor(Math.random() * 500);
  const preview = spawn(
    join(ROOT, 'node_modules/.bin/vite'),
    ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const profile = mkdtempSync(join(tmpdir(), 'ducha-bench-profile-'));
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-precise-memory-info',
    ],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = await context.newPage();
    await page.goto(`${base}/overview`);
    // Fully rendered: the model gate is gone, the KPI cards and both bar charts are drawn.
    await until(
      page,
      `!document.querySelector('[data-testid="model-loading"]') && !!document.querySelector('[data-testid="kpi-open"]') && document.querySelectorAll('[data-testid="chart-red-departments"] .recharts-bar-rectangle').length > 0 && document.querySelectorAll('[data-testid="chart-weekly-cards"] .recharts-bar-rectangle').length > 0`,
      600_000,
    );
    // Times relative to the navigation start, from the page's own clocks: the data arrived when
    // the last feed response ended (Resource Timing), the overview was drawn at `rendered`.
    const timing = await page.evaluate(() => {
      const feed = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/v1/')) as PerformanceResourceTiming[];
      const marks = Object.fromEntries(
        performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
      );
      return {
        marks,
        rendered: performance.now(),
        dataArrived: Math.max(...feed.map((e) => e.responseEnd)),
        requests: feed.length,
      };
    });
    figures['overview_data_arrived_ms'] = Math.round(timing.dataArrived);
    figures['overview_rendered_ms'] = Math.round(timing.rendered);
    figures['overview_after_data_ms'] = Math.round(timing.rendered - timing.dataArrived);
    figures['feed_requests'] = timing.requests;
    log(`  engine marks (ms since navigation): ${JSON.stringify(timing.marks)}`);
    log(
      `overview: last of ${timing.requests} feed responses at ${Math.round(timing.dataArrived)} ms, fully rendered at ${Math.round(timing.rendered)} ms (${Math.round(timing.rendered - timing.dataArrived)} ms after the data)`,
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    figures['js_heap_after_load_mb'] = Math.round(heap / 1048576);
    log(`JS heap after load: ${(heap / 1048576).toFixed(0)} MB`);

    // Alerts: time per filter change (URL change → table count line updated).
    await page.getByRole('navigation').getByRole('link', { name: '预警督办', exact: true }).click();
    await page.getByTestId('alerts-count').waitFor({ timeout: 120_000 });
    const filters = ['level=red', 'level=yellow', 'level=early-warning', 'level=red,yellow', ''];
    const times: number[] = [];
    for (const f of filters) {
      const before = await page.getByTestId('alerts-count').textContent();
      const t = Date.now();
      await page.evaluate((q) => {
        const url = new URL(window.location.href);
        url.search = q ? `?${q}` : '';
        window.history.pushState({}, '', url);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, f);
      await page.waitForFunction(
        (prev) => document.querySelector('[data-testid="alerts-count"]')?.textContent !== prev,
        before,
        { timeout: 30_000, polling: 'raf' },
      );
      times.push(Date.now() - t);
    }
    times.sort((a, b) => a - b);
    figures['alerts_filter_change_median_ms'] = times[Math.floor(times.length / 2)]!;
    figures['alerts_filter_change_max_ms'] = times[times.length - 1]!;
    log(
      `alerts filter change: median ${figures['alerts_filter_change_median_ms']} ms, max ${figures['alerts_filter_change_max_ms']} ms over ${times.length} changes`,
    );

    const tr = Date.now();
    await page.getByRole('navigation').getByRole('link', { name: '部门排名', exact: true }).click();
    await page.getByTestId('ranking-table').waitFor({ timeout: 120_000 });
    figures['rankings_open_ms'] = Date.now() - tr;
    log(`rankings page open: ${figures['rankings_open_ms']} ms`);
  } finally {
    await context.close();
    preview.kill('SIGTERM');
    rmSync(profile, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
