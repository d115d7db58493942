/**
 * CSV that Excel on a Chinese desktop opens correctly: UTF-8 with a byte-order mark, CRLF line
 * ends, RFC 4180 quoting — and every text cell that a spreadsheet would read as a formula
 * (starting with = + - @, or a tab / carriage return) prefixed with an apostrophe, so feed data
 * can never run as a formula on a leader's machine (CSV/formula injection).
 */

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  /** Header text (Chinese). */
  header: string;
  value: (row: Row) => CsvCell;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes one text value safe: neutralises formula starts; numbers pass through as numbers. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialises one cell. Finite numbers stay numeric (a negative number is not a formula). */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return quote(neutraliseFormula(cell));
}

/** Builds a whole CSV document (with BOM) from rows and columns. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines: string[] = [columns.map((c) => quote(neutraliseFormula(c.header))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
