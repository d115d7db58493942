/**
 * The browser bench's measurements on one signed-in page of the production build. Times are taken
 * by the page's own clock (performance.now(), from navigation start or from the action inside the
 * page), so the CDP round trips of the driver are not counted.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface RunFigures {
  overview_figures_ms: number;
  js_heap_after_overview_mb: number;
  alerts_filter_change_ms: number;
  rankings_open_ms: number;
}

/** The page budgets of issue 13 (times in ms, heap in MB, first-route JS in KB gzip). */
export const BUDGETS: Record<keyof RunFigures | 'initial_js_gzip_kb', number> = {
  overview_figures_ms: 1500,
  alerts_filter_change_ms: 150,
  rankings_open_ms: 1500,
  js_heap_after_overview_mb: 80,
  initial_js_gzip_kb: 300,
};

/** ms since navigation start when the overview's KPI figures (open cases, red cards) show. */
async function overviewShown(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const open = document.querySelector('[data-testid="kpi-open-link"]')?.textContent ?? '';
      const red = document.querySelector('[data-testid="kpi-red-link"]')?.textContent ?? '';
      return /\d/.test(open) && /\d/.test(red) ? performance.now() : false;
    },
    undefined,
    { timeout: 120_000, polling: 10 },
  );
  return Number(await handle.jsonValue());
}

/**
 * Where the overview's time went (ms since navigation): HTML and scripts loaded, the API
 * requests' span and the slowest one as the browser saw them — the profile printed with each run.
 */
async function overviewProfile(page: Page): Promise<Record<string, number>> {
  const raw = await page.evaluate(() => {
    const nav = performance
      .getEntriesByType('navigation')
      .find((e) => e instanceof PerformanceNavigationTiming);
    const res = performance
      .getEntriesByType('resource')
      .filter((e) => e instanceof PerformanceResourceTiming);
    const js = res.filter((e) => e.name.endsWith('.js'));
    const api = res.filter((e) => e.name.includes('/api/v1/') && !e.name.includes('/events'));
    // Rounded by the caller: a named helper here would need tsx's __name in the page.
    return {
      domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
      lastScriptLoaded: Math.max(0, ...js.map((e) => e.responseEnd)),
      firstApiRequest: Math.min(...api.map((e) => e.startTime)),
      lastApiResponse: Math.max(0, ...api.map((e) => e.responseEnd)),
      slowestApiMs: Math.max(0, ...api.map((e) => e.responseEnd - e.requestStart)),
      apiRequests: api.length,
    };
  });
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Math.round(v)]));
}

async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576;
}

/**
 * Round trip of one filter change on the alerts page: from the URL change (as the filter bar
 * makes it) to the count line showing the service's answer for the new filter.
 */
async function filterRoundTrip(
  page: Page,
  search: string,
): Promise<{ ms: number; requestAt: number; answeredAt: number }> {
  return page.evaluate(async (q) => {
    // No named inner functions: tsx would wrap them in a helper the page does not have.
    const before = document.querySelector('[data-testid="alerts-count"]')?.textContent;
    const t0 = performance.now();
    const url = new URL(window.location.href);
    url.search = q;
    window.history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
    for (;;) {
      await new Promise((r) => setTimeout(r, 2));
      const now = document.querySelector('[data-testid="alerts-count"]')?.textContent;
      if (now !== before) {
        const ms = performance.now() - t0;
        // Where the time went: the /alerts request's start and its answer's end (Resource Timing).
        const api = performance
          .getEntriesByType('resource')
          .filter(
            (e): e is PerformanceResourceTiming =>
              e instanceof PerformanceResourceTiming &&
              e.name.includes('/api/v1/alerts') &&
              e.startTime >= t0,
          );
        const requestAt = Math.min(...api.map((e) => e.startTime)) - t0;
        const answeredAt = Math.max(0, ...api.map((e) => e.responseEnd)) - t0;
        return { ms, requestAt, answeredAt };
      }
      if (performance.now() - t0 > 60_000) throw new Error(`no answer for ${q}`);
    }
  }, search);
}

/** ms from the menu click to the ranking's (first) table on screen. */
async function rankingsOpen(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const link = [...document.querySelectorAll('nav a, [role="menu"] a')].find(
      (a) => a.textContent?.trim() === '部门排名',
    );
    if (!(link instanceof HTMLElement)) throw new Error('no 部门排名 link');
    const t0 = performance.now();
    link.click();
    for (;;) {
      await new Promise((r) => setTimeout(r, 5));
      // The grouped view (the default) draws one table per group; the city-wide view one table.
      const table = '[data-testid="ranking-table"], [data-testid^="group-table-"]';
      if (document.querySelector(table)) return performance.now() - t0;
      if (performance.now() - t0 > 60_000) throw new Error('no ranking table');
    }
  });
}

/** Filters with distinct count lines, each new to this page's cache (so each is a round trip). */
export const FILTERS = [
  '?level=red',
  '?level=yellow',
  '?level=early-warning',
  '?level=red,yellow',
  '?channel=网上',
  '?level=yellow,early-warning',
];

/**
 * One run: overview, alerts filters, rankings. `query` (e.g. `?source=import:…`) is kept on every
 * address the run opens, so an imported source is measured as the page shows it.
 */
export async function measureRun(
  context: BrowserContext,
  baseUrl: string,
  query = '',
): Promise<{
  figures: RunFigures;
  filterTimes: number[];
  /** Per filter change: ms from the URL change to the request leaving and to its answer. */
  filterProfile: { requestAt: number; answeredAt: number }[];
  profile: Record<string, number>;
}> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/overview${query}`);
  const overview = await overviewShown(page);
  const profile = await overviewProfile(page);
  const heap = await heapAfterGc(context, page);

  await page.getByRole('navigation').getByRole('link', { name: '预警督办', exact: true }).click();
  await page.getByTestId('alerts-count').waitFor({ timeout: 120_000 });
  const filterTimes: number[] = [];
  const filterProfile: { requestAt: number; answeredAt: number }[] = [];
  const kept = query.replace(/^\?/, '');
  for (const f of FILTERS) {
    const { ms, requestAt, answeredAt } = await filterRoundTrip(
      page,
      kept === '' ? f : `${f}&${kept}`,
    );
    filterTimes.push(ms);
    filterProfile.push({ requestAt: Math.round(requestAt), answeredAt: Math.round(answeredAt) });
  }

  const rankings = await rankingsOpen(page);
  await page.close();
  return {
    figures: {
      overview_figures_ms: overview,
      js_heap_after_overview_mb: heap,
      alerts_filter_change_ms: median(filterTimes),
      rankings_open_ms: rankings,
    },
    filterTimes,
    filterProfile,
    profile,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
