/**
 * A case file read through the shared streaming readers and validated record by record with the
 * CLI's case validator: what `evaluate` and the service's import both count.
 */
import {
  CaseFileError,
  CaseRecordValidator,
  checkCaseHeader,
  type CaseFileResult,
} from '../../src/feeds/case-file';
import type { ColumnMapping } from '../../src/feeds/mapping';
import { openRecordFile, RecordFileError, type RecordFile, type RecordFormat } from './readers';

/** Where a record is, as a duplicate's reason names it (JSON arrays: the record number is enough). */
export function positionPhrase(
  file: Pick<RecordFile, 'format' | 'position'>,
  line: number,
): { zh: string; en: string } | undefined {
  if (file.format === 'json') return undefined;
  return file.position === 'sheet-row'
    ? { zh: `工作表第 ${line} 行`, en: `sheet row ${line}` }
    : { zh: `文件第 ${line} 行`, en: `line ${line}` };
}

/**
 * Opens a case file and checks its header against the mapping (CSV, XLSX).
 *
 * @throws CaseFileError when the file as a whole cannot be read.
 */
export async function openCaseFile(
  path: string,
  format: RecordFormat,
  mapping?: ColumnMapping,
): Promise<RecordFile> {
  try {
    const file = await openRecordFile(path, format);
    if (file.header !== null) {
      try {
        checkCaseHeader(file.header, mapping);
      } catch (e) {
        await file.records.return(undefined);
        throw e;
      }
    }
    return file;
  } catch (e) {
    if (e instanceof RecordFileError) throw new CaseFileError(e.message);
    throw e;
  }
}

/**
 * Reads and validates a whole case file (the CLI's `evaluate`): accepted cases with their 0-based
 * record index, rejections with reasons; bad records never stop the good ones.
 *
 * @throws CaseFileError when the file as a whole cannot be read.
 */
export async function readCaseFile(
  path: string,
  format: RecordFormat,
  mapping?: ColumnMapping,
): Promise<CaseFileResult> {
  const file = await openCaseFile(path, format, mapping);
  const lines: number[] = [];
  const validator = new CaseRecordValidator(mapping, (i) =>
    positionPhrase(file, lines[i] ?? i + 1),
  );
  const out: CaseFileResult = { cases: [], rejected: [], total: 0 };
  try {
    for await (const rec of file.records) {
      const index = out.total++;
      lines.push(rec.line);
      const r = validator.check(rec, index);
      if (r.ok) out.cases.push({ index, value: r.value });
      else out.rejected.push({ index, id: r.id, reason: r.reason });
    }
  } catch (e) {
    if (e instanceof RecordFileError) throw new CaseFileError(e.message);
    throw e;
  }
  return out;
}
