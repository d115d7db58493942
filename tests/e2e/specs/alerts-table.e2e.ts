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
    .locator('[role="row"][data-case-id] a')
    .first()
    .waitFor({ timeout: 120_000 });
}

/** Each header cell's left edge against the left edge of the first data row's cell below it. */
async function columnOffsets(page: Page): Promise<number[]> {
  return page.getByTestId('alerts-table').evaluate((table) => {
    const heads = [...table.querySelectorAll('[role="columnheader"]')];
    const row = table.querySelector('[role="row"][data-case-id]');
    const cells = row ? [...row.querySelectorAll('[role="cell"]')] : [];
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
    const sortable = page.getByTestId('alerts-table').locator('[role="columnheader"] button');
    const count = await sortable.count();
    if (count < 5) throw new Error(`sortable headers: ${count}`);
    await sortable.first().focus();
    // Walk the headers with the keyboard, as a keyboard user would.
    for (let i = 1; i < count; i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const button = document.activeElement;
      if (!button?.closest('[role="columnheader"]')) return false;
      // A focused window brings the focused header into view; headless Chromium has no focused
      // window and does not, so the test scrolls it as focus does.
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return true;
    });
    await page.waitForTimeout(300);
    if (!focused) throw new Error('Tab did not reach the last sortable header');
    const scrolled = await page.getByTestId('alerts-scroller').evaluate((s) => s.scrollLeft);
    if (scrolled === 0) throw new Error('the table did not scroll: the test would prove nothing');
    const offsets = await columnOffsets(page);
    await shot('alerts-header-after-tab');
    const off = offsets.filter((d) => Number.isNaN(d) || Math.abs(d) > 1);
    if (off.length > 0)
      throw new Error(`header and body columns apart (px): ${offsets.map(Math.round).join(', ')}`);
  },
);

e2e('alerts table: every header is readable whole at 1440 px', async ({ page, baseUrl }) => {
  await openAlerts(page, baseUrl);
  const table = page.getByTestId('alerts-table');
  await table.screenshot({ path: join(SHOT_DIR, 'alerts-headers-1440.png') });
  // A title is cut when its text is wider or taller than the cell it is drawn in.
  const cut = await table.evaluate((t) =>
    [...t.querySelectorAll('[role="columnheader"]')]
      .map((th) => {
        const box = th.querySelector('button') ?? th;
        const cutX = box.scrollWidth > box.clientWidth + 1;
        const cutY = th.scrollHeight > th.clientHeight + 1;
        return { text: th.textContent ?? '', cut: cutX || cutY };
      })
      .filter((h) => h.cut)
      .map((h) => h.text),
  );
  if (cut.length > 0) throw new Error(`truncated headers: ${cut.join(' | ')}`);
});
