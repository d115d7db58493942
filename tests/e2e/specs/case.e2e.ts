import type { Page } from 'playwright-core';
import { e2e, waitForData } from '../harness';

interface WireCase {
  id: string;
  status: string;
  acceptedAt: string;
  committedLimitDays: number;
  statutoryLimitDays: number;
  suspensions: unknown[];
}

/**
 * Finds case ids in the demo feed (the city platform's stand-in, read here as another tool would):
 * an open case with a suspension whose two limits differ, and an open case accepted long ago.
 */
async function pickCases(feedUrl: string): Promise<{ suspended: string; old: string }> {
  let cursor: string | null = null;
  let suspended: string | null = null;
  let old: string | null = null;
  const longAgo = Date.parse('2026-09-30T00:00:00+08:00') - 75 * 86_400_000;
  for (let i = 0; i < 40; i++) {
    const url = `${feedUrl}/cases?limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const body = (await (await fetch(url)).json()) as {
      items: WireCase[];
      nextCursor: string | null;
    };
    for (const c of body.items) {
      if (c.status !== '在办') continue;
      if (
        suspended === null &&
        c.suspensions.length > 0 &&
        c.committedLimitDays >= 5 &&
        c.committedLimitDays < c.statutoryLimitDays
      )
        suspended = c.id;
      if (old === null && Date.parse(c.acceptedAt) < longAgo && c.committedLimitDays >= 3)
        old = c.id;
    }
    if ((suspended && old) || body.nextCursor === null) break;
    cursor = body.nextCursor;
  }
  if (!suspended || !old) throw new Error(`no suitable case: ${String(suspended)} ${String(old)}`);
  return { suspended, old };
}

/**
 * Client-side navigation (as a click on a link would do): the loaded feeds stay, and no feed
 * request is cut off half-way by a page load.
 */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function expectText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: 30_000 });
}

e2e(
  'case page: header, why, timeline with both deadlines, table',
  async ({ page, baseUrl, shot, feed, expectHttpError }) => {
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    const { suspended, old } = await pickCases(feed.url);
    console.log(`  cases: suspended ${suspended}, old ${old}`);

    await page.waitForLoadState('networkidle');
    await go(page, `/cases/${suspended}`);
    await page.getByTestId('case-why').waitFor({ timeout: 60_000 });
    const svg = page.getByTestId('case-timeline-svg');
    await svg.waitFor();
    for (const label of ['承诺期限 第', '法定期限 第', '统计时点 第', '受理日', '暂停计时 ·']) {
      await expectText(page, label);
    }
    const rows = await page.getByTestId('case-timeline-table').locator('tbody tr').count();
    if (rows < 2) throw new Error(`timeline table has ${rows} rows`);
    await shot('case-suspended');
    await svg.screenshot({ path: 'test-results/e2e/case-timeline-chart.png' });

    // the department link leads to the department page
    const dept = page.getByTestId('case-header').getByRole('link').first();
    const href = await dept.getAttribute('href');
    if (!href?.startsWith('/departments/')) throw new Error(`department link is ${String(href)}`);

    // the exported SVG carries the deadlines and Chinese title
    await page.getByRole('button', { name: /导出图表/ }).click();
    const downloadPromise = page.waitForEvent('download');
    await page.getByText('导出 SVG', { exact: true }).click();
    const download = await downloadPromise;
    if (download.suggestedFilename() !== `办件时间轴-${suspended}.svg`)
      throw new Error(`export file name ${download.suggestedFilename()}`);
    // the PNG export is the image a supervisor pastes into a notice: saved to look at
    await page.getByRole('button', { name: /导出图表/ }).click();
    const pngPromise = page.waitForEvent('download');
    await page.getByText('导出 PNG', { exact: true }).click();
    await (await pngPromise).saveAs('test-results/e2e/case-timeline-export.png');

    await go(page, `/cases/${old}`);
    await page.getByTestId('case-why').waitFor({ timeout: 60_000 });
    const level = await page.getByTestId('case-level').innerText();
    if (!/黄牌|红牌/.test(level)) throw new Error(`an open case of 75 days ago shows ${level}`);
    await expectText(page, /已超期 \d+ 个工作日/);
    await shot('case-overdue');

    // The page asks by query string (any id is safe there).
    expectHttpError(/\/api\/v1\/case\?id=NO-SUCH-CASE/);
    await go(page, '/cases/NO-SUCH-CASE');
    await page.getByTestId('case-not-found').waitFor({ timeout: 60_000 });
    await shot('case-not-found');
  },
);
