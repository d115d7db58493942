/**
 * `npm run bench:browser` — the dashboard's budgets in real Chromium (Debian's, via
 * playwright-core) on the production build served by the real service, per city size:
 *   overview figures on screen after navigation (≤ 1.5 s), an alerts filter change round trip
 *   (≤ 150 ms), the rankings page (≤ 1.5 s), JS heap after the overview (≤ 80 MB), and the first
 *   route's JS, gzip (≤ 300 KB).
 * Each run is a fresh browser profile (nothing cached), signed in as the demo supervisor; the
 * figures are medians over the runs. Prints a table; `--json` ends with one JSON line.
 *
 *   --cases 50000,1000000   the city sizes (default 50000)
 *   --db 1000000=FILE       reuse a DuckDB file already synced for that size (a 1M cold sync
 *                           takes ~10 min here); `--db FILE` when one size is given
 *   --feed 1000000=URL      reuse a running demo feed of that size instead of starting one
 *   --runs N                runs per size (default 3)
 * BENCH_SKIP_BUILD=1 reuses an existing dist/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startCity, supervisorCookie } from './browser-city';
import { buildDist, openBenchBrowser } from './browser-setup';
import { BUDGETS, measureRun, median, type RunFigures } from './browser-measure';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const log = (line: string) => process.stderr.write(`${line}\n`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('cases') ?? '50000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--cases N[,N…]');
const runs = Number(option('runs') ?? '3');

/** `--name N=VALUE` (or `--name VALUE` with one size) → the value for size `n`. */
function perSize(name: string, n: number): string | undefined {
  const raw = option(name);
  if (raw === undefined) return undefined;
  const eq = raw.indexOf('=');
  if (eq < 0) return sizes.length === 1 ? raw : undefined;
  return Number(raw.slice(0, eq)) === n ? raw.slice(eq + 1) : undefined;
}

/** Gzip size of the JS the first route needs: the entry script and its modulepreload links. */
function initialJsGzipKb(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  return bytes / 1024;
}

async function benchSize(cases: number): Promise<RunFigures> {
  const city = await startCity(
    cases,
    { db: perSize('db', cases), feedUrl: perSize('feed', cases) },
    log,
  );
  try {
    const all: RunFigures[] = [];
    for (let r = 0; r < runs; r++) {
      const browser = await openBenchBrowser(city.baseUrl, await supervisorCookie(city.baseUrl));
      try {
        const { figures, filterTimes, filterProfile, profile } = await measureRun(
          browser.context,
          city.baseUrl,
        );
        log(
          `  ${cases} run ${r + 1}: ${JSON.stringify(figures)} filters ${filterTimes.map(Math.round).join('/')} ms`,
        );
        log(`    overview profile (ms since navigation): ${JSON.stringify(profile)}`);
        log(
          `    filter profile (ms since the URL change: request sent → answer received): ${filterProfile.map((f) => `${f.requestAt}→${f.answeredAt}`).join(' ')}`,
        );
        all.push(figures);
      } finally {
        await browser.close();
      }
    }
    const pick = (k: keyof RunFigures) => Math.round(median(all.map((f) => f[k])));
    return {
      overview_figures_ms: pick('overview_figures_ms'),
      js_heap_after_overview_mb: pick('js_heap_after_overview_mb'),
      alerts_filter_change_ms: pick('alerts_filter_change_ms'),
      rankings_open_ms: pick('rankings_open_ms'),
    };
  } finally {
    await city.stop();
  }
}

async function main(): Promise<void> {
  buildDist();
  const initialKb = Math.round(initialJsGzipKb(join(ROOT, 'dist')));
  const bySize: Record<string, RunFigures> = {};
  for (const n of sizes) bySize[String(n)] = await benchSize(n);

  const rows: [string, keyof typeof BUDGETS, string][] = [
    ['overview figures after navigation', 'overview_figures_ms', 'ms'],
    ['alerts filter change round trip (median)', 'alerts_filter_change_ms', 'ms'],
    ['rankings page open', 'rankings_open_ms', 'ms'],
    ['JS heap after the overview', 'js_heap_after_overview_mb', 'MB'],
    ['first-route JS (gzip -9)', 'initial_js_gzip_kb', 'KB'],
  ];
  const value = (n: number, k: keyof typeof BUDGETS) =>
    k === 'initial_js_gzip_kb' ? initialKb : bySize[String(n)]![k];
  const lines = [
    `| budget | ${sizes.map((n) => `${n.toLocaleString('en')} cases`).join(' | ')} | target |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} | --- |`,
    ...rows.map(([label, k, unit]) => {
      const cells = sizes.map((n) => {
        const v = value(n, k);
        return `${v} ${unit}${v > BUDGETS[k] ? ' (missed)' : ''}`;
      });
      return `| ${label} | ${cells.join(' | ')} | ≤ ${BUDGETS[k]} ${unit} |`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n(median of ${runs} runs per size)\n`);
  if (args.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify({ runs, initial_js_gzip_kb: initialKb, sizes: bySize })}\n`,
    );
  }
}

await main();
