/**
 * Reading the 预警督办 page in the e2e specs: the count line, the virtual table's rendered rows,
 * the service's own answer for the same query (parsed with the contract schema), and the rows of
 * a downloaded XLSX in the table's text form.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { alertsResponse, type AlertsResponse } from '../../../src/contract/alerts';

export interface Count {
  total: number;
  red: number;
  text: string;
}

const num = (s: string | undefined) => Number((s ?? '').replace(/[^\d]/g, ''));

export async function readCount(page: Page): Promise<Count> {
  const text = await page.getByTestId('alerts-count').innerText();
  const m = /^共 ([\d,]+) 件（红牌 ([\d,]+) \/ 黄牌 ([\d,]+) \/ 预警 ([\d,]+)）$/.exec(text);
  if (!m) throw new Error(`count line: ${text}`);
  return { total: num(m[1]), red: num(m[2]), text };
}

/** Waits until the count line reads something other than `before`. */
export async function countChanged(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    (prev) => document.querySelector('[data-testid="alerts-count"]')?.textContent !== prev,
    before,
    { timeout: 30_000 },
  );
}

/** Picks an option of one of the filter bar's selects and waits for the new count line. */
export async function pickOption(page: Page, comboName: string, optionText: string) {
  const before = await page.getByTestId('alerts-count').innerText();
  await page.getByRole('combobox', { name: comboName }).click();
  // The open dropdown (antd keeps closed ones in the DOM, hidden).
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  await options.first().waitFor();
  const exact = new RegExp(`^${optionText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await options.filter({ hasText: exact }).first().click();
  await countChanged(page, before);
  await page.keyboard.press('Escape');
  await page.waitForFunction(
    () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
  );
}

/** The rendered rows that have their data, in list order: list index and data cell texts. */
export async function renderedRows(page: Page): Promise<{ index: number; cells: string[] }[]> {
  return page.getByTestId('alerts-table').evaluate((table) =>
    [...table.querySelectorAll<HTMLElement>('[role="row"][data-case-id]')]
      .map((row) => ({
        index: Number(row.dataset['index']),
        // Action cells (the 督办 button) hold controls, not data: the export has no such column.
        cells: [...row.querySelectorAll<HTMLElement>('[role="cell"]:not([data-action])')].map((c) =>
          c.innerText.trim(),
        ),
      }))
      .sort((a, b) => a.index - b.index),
  );
}

/** The service's answer for the page's query (the browser's session), parsed by the contract. */
export async function serviceAlerts(
  page: Page,
  baseUrl: string,
  query: URLSearchParams,
): Promise<AlertsResponse> {
  const res = await page.request.get(`${baseUrl}/api/v1/alerts?${query.toString()}`);
  if (!res.ok()) throw new Error(`GET /alerts?${query.toString()}: ${res.status()}`);
  return alertsResponse.parse(await res.json());
}

/** The export's columns the table shows (it leaves out the two code columns), as export indexes. */
const SHOWN = [0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13] as const;

function cellText(v: ExcelJS.CellValue, column: number): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
  const s = String(v);
  // 受理时间: the file has the ISO instant, the table the minute.
  return column === 6 ? s.slice(0, 16).replace('T', ' ') : s;
}

/** The XLSX's header and data rows, each reduced to the table's columns in the table's text form. */
export async function xlsxRows(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the XLSX has no sheet');
  const all: string[][] = [];
  sheet.eachRow((row) => {
    all.push(SHOWN.map((col) => cellText(row.getCell(col + 1).value, col)));
  });
  const [header, ...rows] = all;
  return { header: header ?? [], rows };
}

/** A table row and a file row agree: every column equal, the reason column within the cell. */
export function sameRow(table: readonly string[], file: readonly string[]): boolean {
  return file.every((v, i) =>
    i === file.length - 1 ? (table[i] ?? '').includes(v) : table[i] === v,
  );
}
