/** A parsed CSV file: the header row and the data rows (cells as raw strings). */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** 1-based line number on which each data row starts (for messages a person can find). */
  rowLines: number[];
}

/** Thrown when a CSV file cannot be read at all (e.g. a quote that never closes). */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function countNewlines(s: string): number {
  let k = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) k++;
  return k;
}

/**
 * RFC 4180 CSV: quoted fields with embedded delimiters, newlines and doubled quotes; CRLF or LF
 * line ends; a leading UTF-8 BOM is dropped; blank lines are skipped. A quote inside an unquoted
 * field is kept literally, and text after a closing quote is appended (lenient, as Excel is).
 *
 * @throws CsvError for an unterminated quoted field or a file without a header row.
 */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const all: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let row: string[] = [];
  let rowLine = 1;
  while (i < n) {
    // One field starts at i.
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const fieldLine = line;
      i++;
      value = '';
      for (;;) {
        const j = text.indexOf('"', i);
        if (j === -1) {
          throw new CsvError(
            `第 ${fieldLine} 行的引号未闭合 (unterminated quoted field starting on line ${fieldLine})`,
            fieldLine,
          );
        }
        const chunk = text.slice(i, j);
        line += countNewlines(chunk);
        value += chunk;
        if (text.charCodeAt(j + 1) === QUOTE) {
          value += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      // Lenient: keep stray characters between the closing quote and the delimiter.
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === CR || c === LF) break;
        i++;
      }
      if (i > start) value += text.slice(start, i);
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === CR || c === LF) break;
        i++;
      }
      value = text.slice(start, i);
    }
    row.push(value);
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === delim) {
      i++;
      if (i === n) row.push(''); // a trailing delimiter ends with an empty field
      continue;
    }
    // End of row (CRLF, LF, lone CR, or end of text).
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    if (!(row.length === 1 && row[0] === '')) {
      all.push(row);
      lines.push(rowLine);
    }
    row = [];
    line++;
    rowLine = line;
  }
  if (row.length > 0 && !(row.length === 1 && row[0] === '')) {
    all.push(row);
    lines.push(rowLine);
  }
  const header = all.shift();
  lines.shift();
  if (header === undefined)
    throw new CsvError('CSV 文件为空，缺少表头 (empty file, no header row)', 1);
  return { header: header.map((h) => h.trim()), rows: all, rowLines: lines };
}
