/**
 * 预警督办 against the real service on the 50k demo city: the filters and sort reach the table
 * (checked against the service's own answer), the XLSX export holds exactly the table's rows and
 * columns — all of them, not only the rendered ones — and scrolling (by keyboard) to the end of
 * the virtual table loads the last rows.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ALERTS_BLOCK_SIZE } from '../../../src/api/alerts';
import { e2e, SHOT_DIR, waitForData } from '../harness';
import {
  pickOption,
  readCount,
  renderedRows,
  sameRow,
  serviceAlerts,
  xlsxRows,
} from './alerts-table-helpers';

/** The table's query as the service reads it: the page's URL minus what is not a filter. */
function listQuery(page: Page, extra: Record<string, string>): URLSearchParams {
  const q = new URLSearchParams(new URL(page.url()).search);
  for (const k of ['period']) q.delete(k);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

async function downloadXlsx(page: Page): Promise<string> {
  await page.getByTestId('export-menu').click();
  const pending = page.waitForEvent('download', { timeout: 120_000 });
  pending.catch(() => {});
  await page
    .locator('.ant-dropdown:not(.ant-dropdown-hidden)')
    .getByRole('menuitem', { name: /导出 XLSX/ })
    .last()
    .click();
  const dl = await pending;
  mkdirSync(SHOT_DIR, { recursive: true });
  const path = join(SHOT_DIR, 'alerts-export.xlsx');
  await dl.saveAs(path);
  return path;
}

/** Presses End in the table's scroll area (keyboard access) until the last row has its data. */
async function scrollToEnd(page: Page, total: number): Promise<string[]> {
  await page.getByTestId('alerts-scroller').focus();
  await page.keyboard.press('End');
  const last = page.locator(`[data-testid="alerts-table"] [role="row"][data-index="${total - 1}"]`);
  await last.and(page.locator('[data-case-id]')).waitFor({ timeout: 30_000 });
  const rows = await renderedRows(page);
  const end = rows.at(-1);
  if (end?.index !== total - 1) throw new Error(`last rendered row is #${end?.index}`);
  return end.cells;
}

e2e(
  'alerts: filter and sort on the service, XLSX equals the table, scroll to the end',
  async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}/alerts`);
    await waitForData(page);
    await page.getByTestId('alerts-count').waitFor({ timeout: 120_000 });
    const all = await readCount(page);
    // More rows than one block: scrolling to the end must fetch a further block.
    if (all.total <= ALERTS_BLOCK_SIZE || all.red === 0) throw new Error(`too few: ${all.text}`);

    // Scroll through everything: the end of the unfiltered list is the service's last row.
    const lastAll = await scrollToEnd(page, all.total);
    const tail = await serviceAlerts(
      page,
      baseUrl,
      listQuery(page, { page: String(all.total), pageSize: '1' }),
    );
    if (lastAll[0] !== tail.items[0]?.caseId)
      throw new Error(`last row ${lastAll[0]} ≠ service ${tail.items[0]?.caseId}`);
    await shot('alerts-end');

    // 红牌 + the department of the worst red card (never trivially empty).
    await pickOption(page, '等级', '红牌');
    const red = await readCount(page);
    if (red.total !== all.red) throw new Error(`red: ${red.text} vs ${all.text}`);
    const firstRed = (await renderedRows(page))[0];
    const deptName = firstRed?.cells[2];
    if (firstRed?.index !== 0 || !deptName) throw new Error('no first red row');
    await pickOption(page, '部门', deptName);
    const url = new URL(page.url());
    if (url.searchParams.get('level') !== 'red' || !url.searchParams.get('dept'))
      throw new Error(`filters not in the URL: ${page.url()}`);

    // Sort by elapsed working days, descending (two clicks on the header button).
    const header = page.getByRole('columnheader', { name: /已用/ });
    await header.getByRole('button').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'elapsed');
    await header.getByRole('button').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === '-elapsed');
    // The header says so too (the page re-renders just after the URL change).
    await header.and(page.locator('[aria-sort="descending"]')).waitFor({ timeout: 10_000 });

    const head = await serviceAlerts(page, baseUrl, listQuery(page, { pageSize: '500' }));
    const count = await readCount(page);
    if (count.total !== head.total || head.total < 1)
      throw new Error(`count ${count.text} vs ${head.total}`);
    await page.waitForFunction(
      (id) =>
        document.querySelector('[role="row"][data-index="0"]')?.getAttribute('data-case-id') === id,
      head.items[0]?.caseId,
      { timeout: 30_000 },
    );
    const shown = await renderedRows(page);
    for (const row of shown) {
      const want = head.items[row.index];
      if (row.cells[0] !== want?.caseId)
        throw new Error(`row ${row.index}: ${row.cells[0]} ≠ ${want?.caseId}`);
      if (row.cells[1] !== '红牌' || row.cells[2] !== deptName)
        throw new Error(`row ${row.index}: ${row.cells.join(' | ')}`);
    }
    const elapsed = shown.map((r) => Number(r.cells[7]));
    if (elapsed.some((v, i) => i > 0 && v > elapsed[i - 1]!))
      throw new Error(`not descending: ${elapsed.join(',')}`);
    await shot('alerts-red-dept-sorted');

    // Clear the department (all red cards, sorted the same): more rows than the table renders.
    const deptSelect = page.locator('.ant-select:has([aria-label="部门"])');
    await deptSelect.hover();
    await deptSelect.locator('.ant-select-clear').click();
    await page.waitForURL(
      (u) => !u.searchParams.has('dept') && u.searchParams.get('sort') === '-elapsed',
    );
    const reds = await serviceAlerts(page, baseUrl, listQuery(page, { pageSize: '500' }));
    await page.waitForFunction(
      (id) =>
        document.querySelector('[role="row"][data-index="0"]')?.getAttribute('data-case-id') === id,
      reds.items[0]?.caseId,
      { timeout: 30_000 },
    );
    const redRows = await renderedRows(page);
    if (reds.total !== all.red || redRows.length >= reds.total)
      throw new Error(`red rows: ${redRows.length} rendered of ${reds.total} (${all.red} red)`);

    // The export: every matching row (the service's total), the table's columns and order.
    const file = await xlsxRows(await downloadXlsx(page));
    const tableHeader = await page
      .locator('[role="columnheader"]:not([data-action])')
      .allInnerTexts();
    if (file.header.join('|') !== tableHeader.map((h) => h.trim()).join('|'))
      throw new Error(`columns: ${file.header.join('|')} vs ${tableHeader.join('|')}`);
    if (file.rows.length !== reds.total)
      throw new Error(`XLSX rows ${file.rows.length} ≠ ${reds.total}`);
    for (const row of redRows) {
      const fileRow = file.rows[row.index];
      if (!fileRow || !sameRow(row.cells, fileRow))
        throw new Error(
          `row ${row.index}: table ${row.cells.join('|')} vs file ${fileRow?.join('|')}`,
        );
    }
    // The file's last row is the table's last row once scrolled there.
    const lastRow = await scrollToEnd(page, reds.total);
    const fileLast = file.rows.at(-1);
    if (!fileLast || !sameRow(lastRow, fileLast))
      throw new Error(`last: table ${lastRow.join('|')} vs file ${fileLast?.join('|')}`);
  },
);
