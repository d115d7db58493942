import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, SHOT_DIR, waitForData } from '../harness';

interface Count {
  total: number;
  red: number;
  yellow: number;
  early: number;
  text: string;
}

const num = (s: string | undefined) => Number((s ?? '').replace(/[^\d]/g, ''));

async function readCount(page: Page): Promise<Count> {
  const text = await page.getByTestId('alerts-count').innerText();
  const m = /^共 ([\d,]+) 件（红牌 ([\d,]+) \/ 黄牌 ([\d,]+) \/ 预警 ([\d,]+)）$/.exec(text);
  if (!m) throw new Error(`count line: ${text}`);
  return { total: num(m[1]), red: num(m[2]), yellow: num(m[3]), early: num(m[4]), text };
}

/** Runs an action and returns the ms until the count line shows something else. */
async function timed(page: Page, label: string, action: () => Promise<void>): Promise<number> {
  const before = await page.getByTestId('alerts-count').innerText();
  const started = Date.now();
  await action();
  await page.waitForFunction(
    (prev) => document.querySelector('[data-testid="alerts-count"]')?.textContent !== prev,
    before,
    { timeout: 30_000 },
  );
  const ms = Date.now() - started;
  console.log(`  filter change "${label}": ${ms} ms`);
  return ms;
}

/** Opens a select, then (timed: from the option click to the new count line) picks an option. */
async function pickOption(page: Page, comboName: string, optionText: string | null, label: string) {
  await page.getByRole('combobox', { name: comboName }).click();
  // The open dropdown (antd keeps closed ones in the DOM, hidden).
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  await options.first().waitFor();
  const exact = optionText
    ? new RegExp(`^${optionText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
    : null;
  const option = exact ? options.filter({ hasText: exact }).first() : options.first();
  const ms = await timed(page, label, () => option.click());
  await page.keyboard.press('Escape');
  // Wait for the dropdown's closing animation, so the next select's options are unambiguous.
  await page.waitForFunction(
    () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
  );
  return ms;
}

async function download(page: Page, item: string, file: string): Promise<Buffer> {
  await page.getByTestId('export-menu').click();
  const pending = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('menuitem', { name: item }).click();
  const dl = await pending;
  mkdirSync(SHOT_DIR, { recursive: true });
  const path = join(SHOT_DIR, file);
  await dl.saveAs(path);
  // The completion message, then the button is ready for the next export.
  await page
    .locator('.ant-message')
    .getByText(/已导出 [\d,]+ 行/)
    .last()
    .waitFor();
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="export-menu"]')?.classList.contains('ant-btn-loading'),
  );
  console.log(`  ${item}: ${dl.suggestedFilename()}`);
  return readFileSync(path);
}

e2e('alerts: filter, sort, search, drill down and export', async ({ page, baseUrl, shot }) => {
  await page.goto(`${baseUrl}/alerts`);
  await waitForData(page);
  await page.getByTestId('alerts-count').waitFor({ timeout: 120_000 });
  const all = await readCount(page);
  console.log(`  all: ${all.text}`);
  if (all.total === 0 || all.red === 0) throw new Error(`no alerts on the demo: ${all.text}`);
  if (all.total !== all.red + all.yellow + all.early) throw new Error(`count parts: ${all.text}`);
  await shot('alerts-all');

  // 红牌 only.
  const times: number[] = [];
  times.push(await pickOption(page, '等级', '红牌', '等级=红牌'));
  const red = await readCount(page);
  if (red.total !== all.red || red.yellow !== 0 || red.early !== 0)
    throw new Error(`red filter: ${red.text} vs ${all.text}`);
  if (new URL(page.url()).searchParams.get('level') !== 'red') throw new Error(page.url());

  // + the first department in the list.
  // The department of the worst red card, so the combined filter is not trivially empty.
  const deptName = await page
    .getByTestId('alerts-table')
    .locator('.ant-table-row')
    .first()
    .locator('.ant-table-cell')
    .nth(3)
    .innerText();
  times.push(await pickOption(page, '部门', deptName, `+部门=${deptName}`));
  const dept = new URL(page.url()).searchParams.get('dept');
  const redDept = await readCount(page);
  if (!dept || redDept.total < 1 || redDept.total > red.total)
    throw new Error(`dept filter: ${redDept.text} ${page.url()}`);
  await shot('alerts-red-dept');

  // Back to all red cards (clear the department) for a richer sort.
  const deptSelect = page.locator('.ant-select:has([aria-label="部门"])');
  await deptSelect.hover();
  times.push(await timed(page, '清除部门', () => deptSelect.locator('.ant-select-clear').click()));

  // Sort by elapsed working days, descending.
  const table = page.getByTestId('alerts-table');
  await table.getByRole('columnheader', { name: /已用工作日/ }).click();
  await table.getByRole('columnheader', { name: /已用工作日/ }).click();
  await page.waitForURL(/sort=-elapsed/);
  // The header shows the order once the sorted rows are committed.
  await table.locator('th[aria-sort="descending"]', { hasText: '已用工作日' }).waitFor();
  const elapsed: number[] = [];
  for (let i = 0; i < 5; i++) {
    const cell = table.locator('.ant-table-row').nth(i).locator('.ant-table-cell').nth(9);
    elapsed.push(Number(await cell.innerText()));
  }
  console.log(`  sorted by 已用工作日 desc, first rows: ${elapsed.join(', ')}`);
  if (elapsed.some((v, i) => i > 0 && v > elapsed[i - 1]!))
    throw new Error(`not descending: ${elapsed.join(', ')}`);
  await shot('alerts-sorted');

  // Search by the first row's case id.
  const firstId = await table.locator('.ant-table-row').first().getByRole('link').innerText();
  times.push(
    await timed(page, '搜索编号', async () => {
      await page.getByRole('searchbox', { name: '搜索办件编号' }).fill(firstId);
      await page.getByRole('searchbox', { name: '搜索办件编号' }).press('Enter');
    }),
  );
  const found = await readCount(page);
  if (found.total < 1) throw new Error(`search ${firstId}: ${found.text}`);
  await shot('alerts-search');

  // Drill to the case.
  await table.getByRole('link', { name: firstId }).first().click();
  await page.waitForURL(new RegExp(`/cases/${encodeURIComponent(firstId)}`));
  await shot('alerts-drill-case');
  await page.goBack();
  await page.getByTestId('alerts-count').waitFor();

  // Export all red cards: CSV rows = the shown count, with a BOM; XLSX is a zip.
  await page.goto(`${baseUrl}/alerts?level=red`);
  await page.getByTestId('alerts-count').waitFor({ timeout: 120_000 });
  const shown = await readCount(page);
  const csv = await download(page, '导出 CSV', 'alerts-export.csv');
  if (!(csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf)) throw new Error('CSV has no BOM');
  const lines = csv
    .toString('utf8')
    .slice(1)
    .split('\r\n')
    .filter((l) => l !== '');
  console.log(`  CSV: ${lines.length - 1} rows, header: ${lines[0]?.slice(0, 60)}…`);
  if (lines.length - 1 !== shown.total)
    throw new Error(`CSV rows ${lines.length - 1} ≠ shown ${shown.total}`);
  const xlsx = await download(page, '导出 XLSX', 'alerts-export.xlsx');
  if (xlsx.toString('latin1', 0, 2) !== 'PK') throw new Error('XLSX is not a zip');
  console.log(`  XLSX: ${xlsx.length} bytes`);

  // Full list export (no cap).
  await page.goto(`${baseUrl}/alerts`);
  await page.getByTestId('alerts-count').waitFor({ timeout: 120_000 });
  const started = Date.now();
  const full = await download(page, '导出 CSV', 'alerts-export-all.csv');
  const fullRows =
    full
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '').length - 1;
  console.log(`  full CSV: ${fullRows} rows in ${Date.now() - started} ms`);
  if (fullRows !== all.total) throw new Error(`full CSV rows ${fullRows} ≠ ${all.total}`);
  await shot('alerts-exported');
  console.log(`  filter changes: ${times.map((t) => `${t} ms`).join(', ')}`);
});
