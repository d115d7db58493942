import type { CaseInput } from '../domain/time-limit';
import { parseCaseRecord } from './case-record';
import { CsvError, parseCsv } from './csv';
import { columnOf, type CaseField, type ColumnMapping } from './mapping';
import { duplicateIdReason } from './result';

/** Formats a case file can come in. */
export type CaseFileFormat = 'json' | 'ndjson' | 'csv';

/** A record set aside, with its 0-based position in the file's records and a readable reason. */
export interface CaseFileRejection {
  index: number;
  id: string | null;
  reason: string;
}

/** The accepted cases (with their record index) and the rejected records of one file. */
export interface CaseFileResult {
  cases: { index: number; value: CaseInput }[];
  rejected: CaseFileRejection[];
  /** Records read (accepted + rejected). */
  total: number;
}

/** The file as a whole cannot be read (not JSON, no header, a mapped column missing, …). */
export class CaseFileError extends Error {
  override readonly name = 'CaseFileError';
}

/** Format from a file name's extension: .json, .ndjson / .jsonl, .csv; `null` otherwise. */
export function caseFileFormatOf(fileName: string): CaseFileFormat | null {
  const m = /\.([A-Za-z]+)$/.exec(fileName);
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'csv') return 'csv';
  return null;
}

const REQUIRED: readonly CaseField[] = ['id', 'departmentId', 'acceptedAt'];

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Raw records of a file, each either a value to validate or a per-record read error. */
export type RawCaseRecord = { raw: unknown } | { error: string };
type RawRecord = RawCaseRecord;

function jsonRecords(text: string): RawRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (e) {
    throw new CaseFileError(`不是有效的 JSON (not valid JSON: ${(e as Error).message})`);
  }
  if (!Array.isArray(data)) {
    throw new CaseFileError(
      'JSON 文件须为办件数组 (a JSON input must be an array of case records)',
    );
  }
  return data.map((raw: unknown) => ({ raw }));
}

function ndjsonRecords(text: string): RawRecord[] {
  const out: RawRecord[] = [];
  const lines = stripBom(text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    try {
      out.push({ raw: JSON.parse(line) as unknown });
    } catch {
      out.push({ error: `第 ${i + 1} 行不是有效的 JSON (line ${i + 1} is not valid JSON)` });
    }
  }
  return out;
}

/** Checks that a table's header has the mapped and the required columns. */
export function checkCaseHeader(header: readonly string[], mapping?: ColumnMapping): void {
  const present = new Set(header);
  if (mapping !== undefined) {
    for (const [field, column] of Object.entries(mapping.columns)) {
      if (!present.has(column)) {
        throw new CaseFileError(
          `映射的列 '${column}' (${field}) 不在表头中 (mapped column not in the CSV header: ${header.join(', ')})`,
        );
      }
    }
  }
  for (const f of REQUIRED) {
    const column = columnOf(f, mapping);
    if (!present.has(column)) {
      throw new CaseFileError(
        `CSV 缺少必需列 '${column}' (${f}) (required column missing; header: ${header.join(', ')})`,
      );
    }
  }
}

function csvRecords(text: string, mapping?: ColumnMapping, lines?: number[]): RawRecord[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new CaseFileError(e.message);
    throw e;
  }
  const { header, rows, rowLines } = table;
  checkCaseHeader(header, mapping);
  if (lines !== undefined) for (const l of rowLines) lines.push(l);
  const width = header.length;
  return rows.map((cells, i) => {
    if (cells.length !== width) {
      return {
        error: `第 ${rowLines[i] ?? '?'} 行有 ${cells.length} 列，表头有 ${width} 列 (row has ${cells.length} cells, header has ${width})`,
      };
    }
    const raw: Record<string, string> = {};
    // The first of two equally named columns wins.
    for (let k = width - 1; k >= 0; k--) raw[header[k] as string] = cells[k] as string;
    return { raw };
  });
}

/**
 * Read a whole case file: split it into records by format, validate each with `parseCaseRecord`,
 * and set aside duplicates of an earlier id. Bad records never stop the good ones.
 *
 * @throws CaseFileError when the file as a whole is unreadable.
 */
export function parseCaseFile(
  text: string,
  format: CaseFileFormat,
  mapping?: ColumnMapping,
): CaseFileResult {
  return validateCaseRecords(caseFileRecords(text, format, mapping), mapping);
}

/**
 * Split a file into raw records by format (the first half of {@link parseCaseFile}). For CSV,
 * `lines` (when given) receives the 1-based line on which each record starts.
 *
 * @throws CaseFileError when the file as a whole is unreadable.
 */
export function caseFileRecords(
  text: string,
  format: CaseFileFormat,
  mapping?: ColumnMapping,
  lines?: number[],
): RawCaseRecord[] {
  return format === 'json'
    ? jsonRecords(text)
    : format === 'ndjson'
      ? ndjsonRecords(text)
      : csvRecords(text, mapping, lines);
}

/**
 * Validates case records one at a time (for streamed files): each with `parseCaseRecord`, and a
 * duplicate of an earlier id set aside (the reason names the first by its 1-based record number,
 * and by `whereOf(index)` — its line or sheet row — when given). Only the ids seen are kept.
 */
export class CaseRecordValidator {
  private readonly firstIndex = new Map<string, number>();

  constructor(
    private readonly mapping?: ColumnMapping,
    private readonly whereOf?: (index: number) => { zh: string; en: string } | undefined,
  ) {}

  /** Records checked so far with a distinct id (accepted). */
  get acceptedIds(): number {
    return this.firstIndex.size;
  }

  /** Checks the record at 0-based `index`. */
  check(
    rec: RawCaseRecord,
    index: number,
  ): { ok: true; value: CaseInput } | { ok: false; id: string | null; reason: string } {
    if ('error' in rec) return { ok: false, id: null, reason: rec.error };
    const r = parseCaseRecord(rec.raw, this.mapping);
    if (!r.ok) return { ok: false, id: r.id, reason: r.reason };
    const first = this.firstIndex.get(r.value.id);
    if (first !== undefined) {
      return {
        ok: false,
        id: r.value.id,
        reason: duplicateIdReason('办件编号', first, this.whereOf?.(first)),
      };
    }
    this.firstIndex.set(r.value.id, index);
    return r;
  }
}

/**
 * Validate raw records (the second half of {@link parseCaseFile}) with a {@link CaseRecordValidator}.
 * `onProgress` is called every 10,000 records.
 */
export function validateCaseRecords(
  records: readonly RawCaseRecord[],
  mapping?: ColumnMapping,
  onProgress?: (done: number, total: number) => void,
  whereOf?: (index: number) => { zh: string; en: string } | undefined,
): CaseFileResult {
  const cases: CaseFileResult['cases'] = [];
  const rejected: CaseFileRejection[] = [];
  const validator = new CaseRecordValidator(mapping, whereOf);
  for (let index = 0; index < records.length; index++) {
    if (onProgress !== undefined && index % 10_000 === 0) onProgress(index, records.length);
    const r = validator.check(records[index] as RawRecord, index);
    if (r.ok) cases.push({ index, value: r.value });
    else rejected.push({ index, id: r.id, reason: r.reason });
  }
  return { cases, rejected, total: records.length };
}
