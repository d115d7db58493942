/**
 * The alert list's header at the e2e viewport (1440 px): it stays over its columns when the
 * keyboard moves focus along the sortable headers, and every header can be read whole.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, SHOT_DIR, waitForData } from '../harness';

async function openAlerts(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/alerts`);
  await waitForData(page);
  await page
    .getByTestId('alerts-table')
    .locator('a[href*="/cases/"]')
    .first()
    .waitFor({ timeout: 120_000 });
}

/** Each header cell's left edge against the left edge of the first row's cell below it. */
async function columnOffsets(page: Page): Promise<number[]> {
  return page.getByTestId('alerts-table').evaluate((table) => {
    const heads = [...table.querySelectorAll('.ant-table-header thead th')].filter(
      (th) => !th.classList.contains('ant-table-cell-scrollbar'),
    );
    const row = table.querySelector('.ant-table-tbody-virtual .ant-table-row');
    const cells = row ? [...row.querySelectorAll('.ant-table-cell')] : [];
    return heads.map((th, i) => {
      const cell = cells[i];
      return cell ? th.getBoundingClientRect().left - cell.getBoundingClientRect().left : NaN;
    });
  });
}

e2e(
  'alerts table: tabbing to the last sortable header keeps the header over its columns',
  async ({ page, baseUrl, shot }) => {
    await openAlerts(page, baseUrl);
    const sortable = page
      .getByTestId('alerts-table')
      .locator('thead th.ant-table-column-has-sorters');
    const count = await sortable.count();
    if (count < 5) throw new Error(`sortable headers: ${count}`);
    await sortable.first().focus();
    // Walk the headers with the keyboard, as a keyboard user would.
    for (let i = 1; i < count; i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const th = document.activeElement;
      if (!th?.classList.contains('ant-table-column-has-sorters')) return false;
      // A focused window brings the focused header into view; headless Chromium has no focused
      // window and does not, so the test scrolls it as focus does.
      th.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return true;
    });
    // Let the body follow (a frame) before measuring.
    await page.waitForTimeout(300);
    if (!focused) throw new Error('Tab did not reach the last sortable header');
    const offsets = await columnOffsets(page);
    await shot('alerts-header-after-tab');
    const scrolled = await page
      .getByTestId('alerts-table')
      .locator('.ant-table-header')
      .evaluate((h) => h.scrollLeft);
    if (scrolled === 0) throw new Error('the header did not scroll: the test would prove nothing');
    const off = offsets.filter((d) => Number.isNaN(d) || Math.abs(d) > 1);
    if (off.length > 0)
      throw new Error(`header and body columns apart (px): ${offsets.map(Math.round).join(', ')}`);
  },
);

e2e('alerts table: every header is readable whole at 1440 px', async ({ page, baseUrl }) => {
  await openAlerts(page, baseUrl);
  const header = page.getByTestId('alerts-table').locator('.ant-table-header');
  await header.screenshot({ path: join(SHOT_DIR, 'alerts-headers-1440.png') });
  // A title is cut when its text box is wider than the box it is drawn in.
  const cut = await header.evaluate((h) =>
    [...h.querySelectorAll('thead th')]
      .map((th) => {
        const title = th.querySelector('.ant-table-column-title') ?? th;
        return { text: th.textContent ?? '', cut: title.scrollWidth > title.clientWidth + 1 };
      })
      .filter((t) => t.cut)
      .map((t) => t.text),
  );
  if (cut.length > 0) throw new Error(`truncated headers: ${cut.join(' | ')}`);
});
