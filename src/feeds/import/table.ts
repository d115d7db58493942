/**
 * Turns an imported file into records: CSV (UTF-8 or GB18030), XLSX (first sheet), a JSON array
 * or NDJSON. Spreadsheet rows become objects of strings keyed by header, exactly what a CSV row is
 * for the CLI; XLSX date cells become their wall-clock text (the mapping's zone then applies), and
 * numbers their shortest decimal text, so nothing is rounded on the way.
 */
import { CsvError, parseCsv } from '../csv';
import { decodeText, type TextEncodingName } from './encoding';

export const FILE_FORMATS = ['csv', 'xlsx', 'json', 'ndjson'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Format from a file name's extension; `null` when unknown. */
export function fileFormatOf(fileName: string): FileFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  return null;
}

/** The whole file cannot be read (not JSON, not a workbook, an unclosed quote, no header…). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

/** A record of the file: the raw value to validate, or a read error of that record only. */
export type TableRecord = { raw: unknown } | { error: string };

export interface ReadTable {
  /** Column names (CSV/XLSX header; for JSON the keys seen in the first records). */
  header: string[];
  records: TableRecord[];
  /** Where each record is in the file, as the user finds it (CSV line, sheet row, record no.). */
  positions: number[];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An XLSX cell as text. Dates come from read-excel-file as the cell's wall clock in UTC fields
 * (the workbook stores no zone), so they are written back without an offset.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const date = `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
    const h = v.getUTCHours();
    const m = v.getUTCMinutes();
    const s = v.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** Rows of cells (first = header) → records keyed by header; the first of two equal names wins. */
export function rowsToTable(
  rows: readonly (readonly string[])[],
  lineOf: (i: number) => number,
): ReadTable {
  const [head, ...body] = rows;
  if (head === undefined || head.every((h) => h.trim() === '')) {
    throw new ImportFileError('文件没有表头行 (the file has no header row)');
  }
  // Not trimmed: the CLI matches mapped names against the header as written.
  const header = [...head];
  const width = header.length;
  const records: TableRecord[] = [];
  const positions: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const cells = body[i] as readonly string[];
    positions.push(lineOf(i));
    if (cells.length !== width) {
      records.push({
        error: `该行有 ${cells.length} 列，表头有 ${width} 列 (row has ${cells.length} cells, header has ${width})`,
      });
      continue;
    }
    const raw: Record<string, string> = {};
    for (let k = width - 1; k >= 0; k--) raw[header[k] as string] = cells[k] as string;
    records.push({ raw });
  }
  return { header, records, positions };
}

/** CSV text → table, rows as objects of strings (the CLI's reading of a CSV row). */
export function csvTable(text: string): ReadTable {
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new ImportFileError(e.message);
    throw e;
  }
  const lines = table.rowLines;
  return rowsToTable([table.header, ...table.rows], (i) => lines[i] ?? i + 2);
}

function keysOf(records: readonly TableRecord[]): string[] {
  const keys = new Set<string>();
  for (const r of records.slice(0, 200)) {
    if ('raw' in r && typeof r.raw === 'object' && r.raw !== null && !Array.isArray(r.raw)) {
      for (const k of Object.keys(r.raw)) keys.add(k);
    }
  }
  return [...keys];
}

/** A JSON array of records → table. */
export function jsonTable(text: string): ReadTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ImportFileError(`不是有效的 JSON (not valid JSON: ${(e as Error).message})`);
  }
  if (!Array.isArray(data)) {
    throw new ImportFileError('JSON 文件须为记录数组 (a JSON file must be an array of records)');
  }
  const records = data.map((raw: unknown): TableRecord => ({ raw }));
  return { header: keysOf(records), records, positions: records.map((_, i) => i + 1) };
}

/** NDJSON (one JSON record per line) → table; a bad line is a rejected record. */
export function ndjsonTable(text: string): ReadTable {
  const records: TableRecord[] = [];
  const positions: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    positions.push(i + 1);
    try {
      records.push({ raw: JSON.parse(line) as unknown });
    } catch {
      records.push({ error: `第 ${i + 1} 行不是有效的 JSON (line ${i + 1} is not valid JSON)` });
    }
  }
  return { header: keysOf(records), records, positions };
}

/** The first sheet of a workbook → table (cells as text, see {@link cellText}). */
export async function xlsxTable(bytes: Uint8Array): Promise<ReadTable> {
  const { readSheet } = await import('read-excel-file/universal');
  let data;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    data = await readSheet(buffer as ArrayBuffer, { trim: false });
  } catch (e) {
    throw new ImportFileError(
      `无法读取 XLSX 工作簿 (cannot read the XLSX workbook: ${(e as Error).message})`,
    );
  }
  const rows: string[][] = [];
  const sheetRow: number[] = [];
  data.forEach((row, i) => {
    const cells = row.map(cellText);
    // Empty rows of a sheet are formatting, not records.
    if (cells.some((c) => c.trim() !== '')) {
      rows.push(cells);
      sheetRow.push(i + 1);
    }
  });
  // A sheet leaves trailing empty cells out of short rows; they are empty, not missing.
  const width = rows[0]?.length ?? 0;
  for (const r of rows) while (r.length < width) r.push('');
  return rowsToTable(rows, (i) => sheetRow[i + 1] ?? i + 2);
}

/** Reads a whole file of a known format. */
export async function readTable(
  bytes: Uint8Array,
  format: FileFormat,
  encoding: TextEncodingName,
): Promise<ReadTable> {
  if (format === 'xlsx') return xlsxTable(bytes);
  const text = decodeText(bytes, encoding);
  if (format === 'csv') return csvTable(text);
  if (format === 'json') return jsonTable(text);
  return ndjsonTable(text);
}

/** How the position of a record reads in this format. */
export const POSITION_LABELS: Record<FileFormat, { zh: string; en: string }> = {
  csv: { zh: '文件行号', en: 'Line' },
  xlsx: { zh: '工作表行号', en: 'Sheet row' },
  json: { zh: '记录序号', en: 'Record' },
  ndjson: { zh: '文件行号', en: 'Line' },
};

/** Where a record is in a file of this format, as a rejection reason names it (1-based `position`). */
export function positionPhrase(
  format: FileFormat,
  position: number,
): { zh: string; en: string } | undefined {
  switch (format) {
    case 'csv':
    case 'ndjson':
      return { zh: `文件第 ${position} 行`, en: `line ${position}` };
    case 'xlsx':
      return { zh: `工作表第 ${position} 行`, en: `sheet row ${position}` };
    case 'json':
      return undefined; // the position is the record number itself
  }
}
