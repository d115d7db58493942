/**
 * Outages, against the real service (which syncs every 3 s in the e2e harness): the city
 * platform's feed stops → the banner names the platform and since when, the figures on screen
 * stay → the feed is back → the banner clears after the next sync. And the service itself
 * unreachable from the browser → the banner says so; reachable again → it clears.
 */
import type { Page } from 'playwright-core';
import { syncStatusResponse } from '../../../src/contract/service';
import { formatDateTime } from '../../../src/ui/format';
import { e2e, waitForData } from '../harness';

/** The KPI figures of the overview, as shown. */
async function figures(page: Page): Promise<string[]> {
  const ids = ['kpi-open', 'kpi-red', 'kpi-yellow', 'kpi-completed'];
  return Promise.all(ids.map((id) => page.getByTestId(`${id}-link`).innerText()));
}

const banner = (page: Page) => page.getByTestId('feed-stale-banner');

e2e(
  'outage: the city platform stops, the banner names it, the figures stay',
  async ({ page, baseUrl, feed, shot }) => {
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    await page.getByTestId('kpi-open-link').waitFor({ timeout: 60_000 });
    const before = await figures(page);
    if (await banner(page).isVisible()) throw new Error('a banner before any outage');

    await feed.setFault('outage');
    // The next sync (3 s) fails; the service pushes its new status over the event stream.
    await banner(page).waitFor({ timeout: 30_000 });
    if ((await banner(page).getAttribute('data-side')) !== 'platform')
      throw new Error(`banner side: ${await banner(page).getAttribute('data-side')}`);
    const status = syncStatusResponse.parse(
      await (await page.request.get(`${baseUrl}/api/v1/sync-status`)).json(),
    );
    if (status.failure?.side !== 'platform') throw new Error(`service: ${JSON.stringify(status)}`);
    const since = formatDateTime(Date.parse(status.failure.since), 'zh-CN');
    const text = await banner(page).innerText();
    if (!text.includes('城市政务服务平台') || !text.includes(since))
      throw new Error(`banner: ${text} (want the platform, since ${since})`);
    await shot('outage-platform');
    // A sync or two later, still the last good figures.
    await page.waitForTimeout(4_000);
    const during = await figures(page);
    if (during.join('|') !== before.join('|'))
      throw new Error(`figures changed: ${before.join('|')} → ${during.join('|')}`);

    await feed.setFault('none');
    await banner(page).waitFor({ state: 'detached', timeout: 30_000 });
    const after = await figures(page);
    if (after.join('|') !== before.join('|')) throw new Error(`figures after: ${after.join('|')}`);
    await shot('outage-platform-cleared');
  },
);

e2e(
  'outage: the service unreachable from the browser, then back',
  async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    await page.getByTestId('kpi-open-link').waitFor({ timeout: 60_000 });
    const before = await figures(page);

    // Every API request fails at the network level, as when the service or its proxy is down
    // (aborted, so the harness does not count them as the page's failures).
    const down = (route: { abort: (code: string) => Promise<void> }) => route.abort('aborted');
    await page.route(/\/api\/v1\//, down);
    // The status is re-read on the event stream's error and on the retry button.
    await page.getByTestId('data-freshness').getByRole('button').click();
    await banner(page).waitFor({ timeout: 30_000 });
    const text = await banner(page).innerText();
    if ((await banner(page).getAttribute('data-side')) !== 'service' || !text.includes('督查服务'))
      throw new Error(`banner: ${text}`);
    if ((await figures(page)).join('|') !== before.join('|')) throw new Error('figures changed');
    await shot('outage-service');

    await page.unroute(/\/api\/v1\//, down);
    await page.getByTestId('feed-retry').click();
    await banner(page).waitFor({ state: 'detached', timeout: 30_000 });
  },
);
