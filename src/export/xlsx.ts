/**
 * XLSX export via write-excel-file: one sheet per table, bold Chinese headers in a frozen first
 * row, real number cells, percent cells (a fraction with a % format), dates as real Excel dates
 * (the Asia/Shanghai civil date, whatever the browser's zone) and text always as string cells —
 * a text starting with = + - @ stays text and can never become a formula.
 *
 * The writer library is imported dynamically inside {@link buildXlsxBlob}; the sheet builder is
 * pure so tests can feed it to the library's Node entry.
 */
import type { Cell, Sheet, SheetData } from 'write-excel-file/browser';
import { MS_PER_DAY, SHANGHAI_OFFSET_MS } from '../domain/calendar/day';
import type { ExportProgress, ExportSheet, TableCellValue, TableColumn } from './table-export';
import { EXPORT_CHUNK_ROWS, yieldToEventLoop } from './table-export';

/** Excel number formats per column kind. */
export const XLSX_FORMATS = {
  integer: '#,##0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
} as const;

function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

// XML 1.0 forbids most C0 control characters; one stray byte in a feed must not corrupt the file.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function textCell(v: TableCellValue): Cell {
  // Explicit String type: a string cell (t="s") is never evaluated, so "=1+1" stays text.
  return { value: String(v).replace(INVALID_XML_CHARS, ''), type: String };
}

/**
 * A `Date` whose UTC fields are the Asia/Shanghai wall clock: the library converts dates to
 * Excel serials from UTC, so this yields the Shanghai civil date/time in any browser zone.
 */
function shanghaiWallClock(ms: number): Date {
  return new Date(ms + SHANGHAI_OFFSET_MS);
}

/** The typed XLSX cell for one column and row. */
export function xlsxCell<Row>(column: TableColumn<Row>, row: Row): Cell {
  const v = column.value(row);
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || !Number.isFinite(v)) return textCell(v);
  switch (column.kind) {
    case 'text':
      return textCell(v);
    case 'integer':
      return { value: v, type: Number, format: XLSX_FORMATS.integer };
    case 'number':
      return { value: v, type: Number, format: numberFormat(column.decimals ?? 2) };
    case 'percent':
      return { value: v, type: Number, format: percentFormat(column.decimals ?? 1) };
    case 'date':
      return { value: new Date(v * MS_PER_DAY), type: Date, format: XLSX_FORMATS.date };
    case 'datetime':
      return { value: shanghaiWallClock(v), type: Date, format: XLSX_FORMATS.datetime };
  }
}

/** Excel's sheet-name rules: 1–31 chars, none of []/\:*?, unique within the workbook. */
export function sanitizeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]/\\:*?]/g, '_')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function defaultWidth<Row>(column: TableColumn<Row>): number {
  if (column.width) return column.width;
  // CJK characters are about two Latin characters wide.
  const headerWidth = [...column.header].reduce(
    (w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1),
    0,
  );
  const kindWidth = column.kind === 'datetime' ? 20 : column.kind === 'date' ? 12 : 8;
  return Math.max(headerWidth + 2, kindWidth);
}

/**
 * Builds the write-excel-file sheets (header row + typed cells, frozen header, widths), in
 * chunks that yield to the event loop so a large export does not freeze the page.
 */
export async function buildXlsxSheets(
  sheets: readonly ExportSheet<unknown>[],
  onProgress?: ExportProgress,
): Promise<Sheet<Blob>[]> {
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  const taken = new Set<string>();
  const out: Sheet<Blob>[] = [];
  let done = 0;
  for (const sheet of sheets) {
    const data: SheetData = [
      sheet.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' as const })),
    ];
    for (let start = 0; start < sheet.rows.length; start += EXPORT_CHUNK_ROWS) {
      const end = Math.min(sheet.rows.length, start + EXPORT_CHUNK_ROWS);
      for (let i = start; i < end; i++) {
        const row = sheet.rows[i];
        data.push(sheet.columns.map((c) => xlsxCell(c, row)));
      }
      done += end - start;
      onProgress?.(done, total);
      await yieldToEventLoop();
    }
    out.push({
      data,
      sheet: sanitizeSheetName(sheet.name, taken),
      columns: sheet.columns.map((c) => ({ width: defaultWidth(c) })),
      stickyRowsCount: 1,
    });
  }
  return out;
}

/** The whole workbook as a Blob (loads the writer library on first use). */
export async function buildXlsxBlob(
  sheets: readonly ExportSheet<unknown>[],
  onProgress?: ExportProgress,
): Promise<Blob> {
  const built = await buildXlsxSheets(sheets, onProgress);
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(built, { fontFamily: '等线', fontSize: 11 }).toBlob();
}
