/**
 * One streaming reader per file format, shared by the CLI (`evaluate`, `rank --data`) and the
 * service's import: CSV (csv-parse; UTF-8 or GBK/GB18030, detected as before), XLSX (exceljs's
 * streaming workbook reader, first sheet), a JSON array (an incremental splitter: one element in
 * memory at a time) and NDJSON (line by line). Each yields raw records one at a time with their
 * 1-based position in the file: the line on which the record starts (CSV, NDJSON, JSON) or the
 * sheet row (XLSX), and the record's ordinal.
 *
 * A spreadsheet row becomes an object of strings keyed by the header (the first of two equally
 * named columns wins), exactly what the case validator reads; a row whose width differs from the
 * header is a per-record error, never a whole-file one.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse as csvParse } from 'csv-parse';
import { detectEncoding, type TextEncodingName } from '../../src/feeds/columns/encoding';

export const RECORD_FORMATS = ['csv', 'xlsx', 'json', 'ndjson'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** Format from a file name's extension (.csv/.txt, .xlsx, .json, .ndjson/.jsonl); null if unknown. */
export function recordFormatOf(fileName: string): RecordFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  return null;
}

/** Why a whole file cannot be read. */
export type RecordFileErrorCode =
  'unreadable' | 'not_text' | 'not_json' | 'not_array' | 'no_header' | 'bad_csv' | 'not_xlsx';

/** The file as a whole cannot be read (the message is Chinese first, English in brackets). */
export class RecordFileError extends Error {
  override readonly name = 'RecordFileError';
  constructor(
    readonly code: RecordFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** One record of a file: its raw value, or why this record alone cannot be read. */
export type FileRecord =
  | { line: number; ordinal: number; raw: unknown }
  | { line: number; ordinal: number; error: string };

export interface RecordFile {
  format: RecordFormat;
  /** The text encoding used (null for XLSX). */
  encoding: TextEncodingName | null;
  /** CSV / XLSX: the header row (names trimmed); JSON / NDJSON: null. */
  header: string[] | null;
  /** How positions read: `line` (CSV, NDJSON, JSON) or `sheet-row` (XLSX). */
  position: 'line' | 'sheet-row';
  records: AsyncGenerator<FileRecord>;
}

export interface ReadOptions {
  /** Overrides the detected encoding (CSV / JSON / NDJSON). */
  encoding?: TextEncodingName;
  /** Longest single record, in characters (a quote that never closes must not eat the heap). */
  maxRecordChars?: number;
}

const SNIFF_BYTES = 4 * 1024 * 1024;
const DEFAULT_MAX_RECORD = 1024 * 1024;

function readError(e: unknown, path: string): RecordFileError {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new RecordFileError('unreadable', `无法读取文件 '${path}' (cannot read file: ${code})`);
}

async function head(path: string, bytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw readError(e, path);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const MAGIC: readonly { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP/XLSX' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'XLS/OLE' },
  { bytes: [0x1f, 0x8b], what: 'GZIP' },
];

/**
 * Refuses a binary file given as a text table (a PNG renamed .csv): a known binary signature, or
 * NUL / other control bytes in the first 64 KiB (text tables have none but tab, CR, LF, FF).
 */
export function checkText(bytes: Uint8Array): void {
  for (const m of MAGIC) {
    if (m.bytes.every((b, i) => bytes[i] === b)) {
      throw new RecordFileError(
        'not_text',
        `不是文本表格：文件内容是 ${m.what} (not a text table: the content is ${m.what})`,
      );
    }
  }
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) {
      control = n;
      break;
    }
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (n > 0 && control > Math.max(8, n / 100)) {
    throw new RecordFileError(
      'not_text',
      '不是文本表格：文件含二进制内容 (not a text table: the file holds binary data)',
    );
  }
}

/** Decoded text of a file, chunk by chunk, without its BOM. */
async function* textChunks(path: string, encoding: TextEncodingName): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      let text: string = decoder.decode(chunk as Buffer, { stream: true });
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text !== '') yield text;
    }
  } catch (e) {
    if (e instanceof RecordFileError) throw e;
    throw readError(e, path);
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** CR LF and a lone CR become LF, so every line ending counts as one line. */
async function* unixLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pendingCr = false;
  for await (const c of chunks) {
    let text: string = pendingCr ? `\r${c}` : c;
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (text !== '') yield text;
  }
  if (pendingCr) yield '\n';
}

function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  }
  return n;
}

interface Row {
  cells: string[];
  line: number;
}

async function* csvRows(
  chunks: AsyncIterable<string>,
  maxRecordChars: number,
): AsyncGenerator<Row> {
  const parser = csvParse({
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: '\n',
    info: true,
    max_record_size: maxRecordChars,
  });
  const source = unixLines(chunks);
  // Feed the parser from the text, honouring its back-pressure.
  const feeding = (async () => {
    try {
      for await (const text of source) {
        if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const cells = item.record;
      yield { cells, line: item.info.lines - countNewlines(cells) };
    }
  } catch (e) {
    if (e instanceof RecordFileError) throw e;
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new RecordFileError(
        'bad_csv',
        `CSV 的引号未闭合，直到第 ${err.lines ?? '?'} 行 (unterminated quoted field, up to line ${err.lines ?? '?'})`,
      );
    }
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      throw new RecordFileError(
        'bad_csv',
        `CSV 第 ${err.lines ?? '?'} 行附近的记录过长，可能是引号未闭合 (record too long near line ${err.lines ?? '?'}: an unclosed quote?)`,
      );
    }
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      throw new RecordFileError('bad_csv', `CSV 无法读取 (cannot read the CSV: ${err.message})`);
    }
    throw e;
  } finally {
    await feeding;
  }
}

/** Header + rows → records keyed by header. */
async function* tableRecords(
  header: string[],
  rows: AsyncIterator<Row>,
): AsyncGenerator<FileRecord> {
  const width = header.length;
  let ordinal = 0;
  for (;;) {
    const next = await rows.next();
    if (next.done === true) return;
    const { cells, line } = next.value;
    ordinal++;
    if (cells.length !== width) {
      yield {
        line,
        ordinal,
        error: `该行有 ${cells.length} 列，表头有 ${width} 列 (row has ${cells.length} cells, header has ${width})`,
      };
      continue;
    }
    const raw: Record<string, string> = {};
    for (let k = width - 1; k >= 0; k--) raw[header[k] as string] = cells[k] as string;
    yield { line, ordinal, raw };
  }
}

async function tableFile(
  format: 'csv' | 'xlsx',
  encoding: TextEncodingName | null,
  rows: AsyncGenerator<Row>,
): Promise<RecordFile> {
  const first = await rows.next();
  const head = first.done === true ? undefined : first.value.cells;
  if (head === undefined || head.every((h) => h.trim() === '')) {
    await rows.return(undefined);
    throw new RecordFileError('no_header', '文件没有表头行 (the file has no header row)');
  }
  const header = head.map((h) => h.trim());
  return {
    format,
    encoding,
    header,
    position: format === 'csv' ? 'line' : 'sheet-row',
    records: tableRecords(header, rows),
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An XLSX cell as text. Date cells are the cell's wall clock (exceljs reads them as UTC fields:
 * the workbook stores no zone), written without an offset so the mapping's zone applies.
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
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['richText'])) {
      return (o['richText'] as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('');
    }
    if ('result' in o) return cellText(o['result']);
    if (typeof o['text'] === 'string') return o['text'];
    if ('error' in o) return String(o['error']);
  }
  return JSON.stringify(v) ?? '';
}

async function* xlsxRows(path: string): AsyncGenerator<Row> {
  // Loaded only for XLSX: ExcelJS takes ≈ 0.2 s of CPU to load, which every `evaluate` of an
  // NDJSON file paid before its worker threads started (issue 17).
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let width = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        // Empty rows of a sheet are formatting, not records.
        if (!cells.some((c) => c.trim() !== '')) continue;
        if (width === 0) width = cells.length;
        // A sheet leaves trailing empty cells out of short rows; they are empty, not missing.
        while (cells.length < width) cells.push('');
        while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
        yield { cells, line: row.number };
      }
      return; // the first sheet only
    }
  } catch (e) {
    if (e instanceof RecordFileError) throw e;
    throw new RecordFileError(
      'not_xlsx',
      `无法读取 XLSX 工作簿 (cannot read the XLSX workbook: ${(e as Error).message})`,
    );
  }
}

async function* ndjsonRecords(
  chunks: AsyncIterable<string>,
  max: number,
): AsyncGenerator<FileRecord> {
  let buffer = '';
  let line = 0;
  let ordinal = 0;
  function* flush(text: string): Generator<FileRecord> {
    line++;
    const t = text.trim();
    if (t === '') return;
    ordinal++;
    if (t.length > max) {
      yield { line, ordinal, error: `第 ${line} 行过长 (line ${line} is too long)` };
      return;
    }
    try {
      yield { line, ordinal, raw: JSON.parse(t) as unknown };
    } catch {
      yield {
        line,
        ordinal,
        error: `第 ${line} 行不是有效的 JSON (line ${line} is not valid JSON)`,
      };
    }
  }
  for await (const c of chunks) {
    buffer += c;
    let nl = buffer.indexOf('\n');
    let start = 0;
    while (nl !== -1) {
      yield* flush(buffer.slice(start, nl));
      start = nl + 1;
      nl = buffer.indexOf('\n', start);
    }
    buffer = buffer.slice(start);
    if (buffer.length > max * 2) {
      // A line without end: report it once and skip to the next newline.
      yield* flush('\u0000'.repeat(max + 1));
      buffer = '';
    }
  }
  if (buffer !== '') yield* flush(buffer);
}

/**
 * A JSON array, element by element: a small state machine finds where each top-level element
 * starts and ends (strings and escapes respected), and each element is parsed on its own.
 */
async function* jsonArrayRecords(
  chunks: AsyncIterable<string>,
  max: number,
): AsyncGenerator<FileRecord> {
  let state = 'before' as 'before' | 'element' | 'done';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let elementLine = 1;
  let ordinal = 0;
  let parts: string[] = [];
  let partsLength = 0;
  let tooLong = false;
  const bad = (why: string): RecordFileError =>
    new RecordFileError('not_json', `不是有效的 JSON (not valid JSON: ${why} at line ${line})`);
  const finish = (): FileRecord => {
    ordinal++;
    const text = parts.join('');
    parts = [];
    partsLength = 0;
    if (tooLong) {
      tooLong = false;
      return { line: elementLine, ordinal, error: `第 ${ordinal} 条记录过长 (record too long)` };
    }
    try {
      return { line: elementLine, ordinal, raw: JSON.parse(text) as unknown };
    } catch (e) {
      throw bad((e as Error).message);
    }
  };
  let sawAny = false;
  for await (const chunk of chunks) {
    let segStart = state === 'element' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === 0x5c) escaped = true;
          else if (ch === 0x22) inString = false;
          else if (ch === 0x0a) line++;
          continue;
        }
        if (ch === 0x22) inString = true;
        else if (ch === 0x7b || ch === 0x5b) depth++;
        else if (ch === 0x7d || ch === 0x5d) {
          if (depth === 0) {
            // `]` closes the array: the element ended just before.
            if (ch === 0x7d) throw bad('unexpected }');
            parts.push(chunk.slice(segStart, i));
            yield finish();
            state = 'done';
            segStart = -1;
            continue;
          }
          depth--;
        } else if (ch === 0x2c && depth === 0) {
          parts.push(chunk.slice(segStart, i));
          yield finish();
          state = 'before';
          segStart = -1;
          continue;
        } else if (ch === 0x0a) line++;
        continue;
      }
      if (ch === 0x0a) line++;
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) continue;
      if (state === 'done') throw bad('text after the closing ]');
      if (!sawAny) {
        if (ch !== 0x5b) {
          throw new RecordFileError(
            'not_array',
            'JSON 文件须为记录数组 (a JSON input must be an array of records)',
          );
        }
        sawAny = true;
        continue;
      }
      // state 'before': an element starts here (or the array ends, if empty).
      if (ch === 0x5d && ordinal === 0) {
        state = 'done';
        continue;
      }
      state = 'element';
      elementLine = line;
      segStart = i;
      depth = 0;
      if (ch === 0x22) inString = true;
      else if (ch === 0x7b || ch === 0x5b) depth = 1;
      else if (ch === 0x2c || ch === 0x5d || ch === 0x7d)
        throw bad(`unexpected '${String.fromCharCode(ch)}'`);
      // A scalar element ends at the next top-level , or ].
    }
    if (state === 'element') {
      const piece = chunk.slice(segStart);
      partsLength += piece.length;
      if (partsLength > max) tooLong = true;
      else parts.push(piece);
    }
  }
  if (!sawAny) throw bad('empty file');
  if (state !== 'done') throw bad('unexpected end of file');
}

/**
 * Opens a file of a known format and reads up to its first record: the header (CSV, XLSX) and
 * the encoding are known when this resolves; records then stream one at a time.
 *
 * @throws RecordFileError when the file as a whole cannot be read (also while iterating).
 */
export async function openRecordFile(
  path: string,
  format: RecordFormat,
  options: ReadOptions = {},
): Promise<RecordFile> {
  const max = options.maxRecordChars ?? DEFAULT_MAX_RECORD;
  const sniff = await head(path, SNIFF_BYTES);
  if (format === 'xlsx') {
    if (!(sniff[0] === 0x50 && sniff[1] === 0x4b)) {
      throw new RecordFileError(
        'not_xlsx',
        '不是 XLSX 工作簿 (not an XLSX workbook: the file is not a ZIP package)',
      );
    }
    return tableFile('xlsx', null, xlsxRows(path));
  }
  checkText(sniff);
  const encoding = options.encoding ?? detectEncoding(sniff);
  const chunks = textChunks(path, encoding);
  if (format === 'csv') return tableFile('csv', encoding, csvRows(chunks, max));
  return {
    format,
    encoding,
    header: null,
    position: 'line',
    records:
      format === 'json'
        ? jsonArrayRecords(unixLines(chunks), max)
        : ndjsonRecords(unixLines(chunks), max),
  };
}
