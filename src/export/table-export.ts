/**
 * One column definition per table, used for the on-screen table AND for both exports, so an
 * export always carries exactly the columns (and, given the shown rows, exactly the rows) that
 * the user sees. No row cap: large tables are serialised in chunks that yield to the event loop,
 * so a 100k-row export keeps the page responsive and can report progress.
 */
import { isoFromDay, MS_PER_DAY, SHANGHAI_OFFSET_MS, shanghaiDayOf } from '../domain/calendar/day';
import { csvCell } from '../contract/csv';
import { downloadBlob } from './download';

/**
 * How a column's values are typed in exports:
 * - `text`: a string (never a formula: CSV neutralises `= + - @`, XLSX writes a string cell);
 * - `integer` / `number`: a finite number (real number cells in XLSX);
 * - `percent`: a FRACTION (0.934 = 93.4 %), written as a percent-formatted number cell;
 * - `date`: a civil date in Asia/Shanghai as a `DayIndex` (days since 1970-01-01);
 * - `datetime`: an instant as epoch milliseconds, shown in Asia/Shanghai.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'datetime';

/** A cell value as a column produces it; `null`/`undefined` is an empty cell. */
export type TableCellValue = string | number | null | undefined;

/** One column of a table, shared by the screen and the exports. */
export interface TableColumn<Row> {
  /** Stable key (also the antd column key and the sort key). */
  key: string;
  /** Header text (Chinese in the default locale); exported verbatim. */
  header: string;
  kind: ColumnKind;
  /**
   * The raw value; see {@link ColumnKind} for what each kind expects. (Method syntax on purpose:
   * it lets a `TableColumn<CaseRow>` stand in a list of sheets with different row types.)
   */
  value(row: Row): TableCellValue;
  /** Width in characters for XLSX (defaults from the header length). */
  width?: number;
  /** Decimal places for `number` (default 2) and `percent` (default 1). */
  decimals?: number;
}

/** One sheet of an XLSX export (a table). */
export interface ExportSheet<Row> {
  /** Sheet name; sanitised to Excel's rules (≤ 31 chars, no []/\:*?). */
  name: string;
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
}

/** Progress callback: rows serialised so far out of the total. */
export type ExportProgress = (done: number, total: number) => void;

/** Rows serialised between two yields to the event loop. */
export const EXPORT_CHUNK_ROWS = 5000;

/** Lets the browser paint and handle input between chunks. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD HH:mm:ss` of an instant in Asia/Shanghai (what a spreadsheet parses as a date). */
export function shanghaiDateTimeText(ms: number): string {
  const day = shanghaiDayOf(ms);
  const inDay = ms + SHANGHAI_OFFSET_MS - day * MS_PER_DAY;
  const h = Math.floor(inDay / 3_600_000);
  const mi = Math.floor((inDay % 3_600_000) / 60_000);
  const s = Math.floor((inDay % 60_000) / 1000);
  return `${isoFromDay(day)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

function isFiniteNumber(v: TableCellValue): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The CSV text of one cell, by column kind. Dates and times are written as Asia/Shanghai text
 * (Excel recognises them), percents as "93.4%" so the sheet shows what the screen shows.
 */
export function csvCellFor<Row>(column: TableColumn<Row>, row: Row): string {
  const v = column.value(row);
  if (v === null || v === undefined) return '';
  switch (column.kind) {
    case 'text':
      return csvCell(String(v));
    case 'integer':
    case 'number':
      return isFiniteNumber(v) ? String(v) : csvCell(String(v));
    case 'percent':
      return isFiniteNumber(v) ? `${(v * 100).toFixed(column.decimals ?? 1)}%` : csvCell(String(v));
    case 'date':
      return isFiniteNumber(v) ? isoFromDay(v) : csvCell(String(v));
    case 'datetime':
      return isFiniteNumber(v) ? shanghaiDateTimeText(v) : csvCell(String(v));
  }
}

/** The CSV header line (headers neutralised and quoted like any text). */
export function csvHeaderLine<Row>(columns: readonly TableColumn<Row>[]): string {
  return columns.map((c) => csvCell(c.header)).join(',');
}

/**
 * Serialises a table to CSV parts (BOM + CRLF lines) in chunks, yielding between chunks; the
 * parts concatenated are the whole document. Pure apart from the yields — tests call it directly.
 */
export async function buildCsvParts<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  onProgress?: ExportProgress,
): Promise<string[]> {
  const parts: string[] = ['\uFEFF' + csvHeaderLine(columns) + '\r\n'];
  for (let start = 0; start < rows.length; start += EXPORT_CHUNK_ROWS) {
    const end = Math.min(rows.length, start + EXPORT_CHUNK_ROWS);
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      const row = rows[i] as Row;
      lines.push(columns.map((c) => csvCellFor(c, row)).join(','));
    }
    parts.push(lines.join('\r\n') + '\r\n');
    onProgress?.(end, rows.length);
    if (end < rows.length) await yieldToEventLoop();
  }
  return parts;
}

/** Synchronous whole-document CSV (BOM, CRLF) — for tests and small tables. */
export function tableToCsv<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
): string {
  const lines = [csvHeaderLine(columns)];
  for (const row of rows) lines.push(columns.map((c) => csvCellFor(c, row)).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Adds `.csv` / `.xlsx` unless the name already ends with it. */
function withExtension(fileName: string, ext: 'csv' | 'xlsx'): string {
  return fileName.toLowerCase().endsWith(`.${ext}`) ? fileName : `${fileName}.${ext}`;
}

/** Builds the CSV in chunks and downloads it (UTF-8 with BOM). Every row is exported. */
export async function exportCsv<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  fileName: string,
  onProgress?: ExportProgress,
): Promise<void> {
  const parts = await buildCsvParts(rows, columns, onProgress);
  downloadBlob(new Blob(parts, { type: 'text/csv;charset=utf-8' }), withExtension(fileName, 'csv'));
}

/**
 * Builds an XLSX workbook (a sheet per table, frozen header row, typed cells) and downloads it.
 * The XLSX writer is loaded on first use with a dynamic import, so it is not in the first-load
 * bundle.
 */
export async function exportXlsx(
  // Each sheet has its own row type; the writer only hands a sheet's rows to its own columns.
  sheets: readonly ExportSheet<unknown>[],
  fileName: string,
  onProgress?: ExportProgress,
): Promise<void> {
  const { buildXlsxBlob } = await import('./xlsx');
  const blob = await buildXlsxBlob(sheets, onProgress);
  downloadBlob(blob, withExtension(fileName, 'xlsx'));
}
