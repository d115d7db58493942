/**
 * The import itself, the same in the worker and inline: read the file, validate every record with
 * the feed's own validator (cases: the CLI's `validateCaseRecords`, so both count alike), and
 * return the accepted records with a report in which accepted + rejected = the file's records.
 */
import type { CaseInput } from '../../domain/time-limit';
import { formatShanghaiIso } from '../../domain/time-limit/instant';
import {
  CaseFileError,
  caseFileRecords,
  checkCaseHeader,
  validateCaseRecords,
  type RawCaseRecord,
} from '../case-file';
import type { CaseChannel, CaseRecord } from '../schemas/case';
import { parseCaseEvent, type CaseEvent } from '../schemas/case-event';
import type { Department, DepartmentKind } from '../schemas/department';
import { parseEvaluation, type Evaluation } from '../schemas/evaluation';
import { parseSupervisionTask, type SupervisionTask } from '../schemas/supervision-task';
import { duplicateIdReason, type RecordOutcome } from '../result';
import { parseInstant } from '../../domain/time-limit/instant';
import { coerceRecord } from './coerce';
import { decodeText, type TextEncodingName } from './encoding';
import { FIELD_SPECS, type ImportKind } from './fields';
import { toColumnMapping, type ImportMapping } from './import-mapping';
import {
  ImportFileError,
  ndjsonTable,
  positionPhrase,
  readTable,
  xlsxTable,
  type FileFormat,
  type ReadTable,
} from './table';
import { timestampReader } from './timestamp';

export interface ImportOptions {
  fileName: string;
  format: FileFormat;
  encoding: TextEncodingName;
  mapping: ImportMapping;
  /** When the import runs (recorded; the `updatedAt` of records whose file has none). */
  importedAtMs: number;
}

/** A record set aside: where it is in the file, its id if readable, why, and its cells. */
export interface ImportRejection {
  position: number;
  id: string | null;
  reason: string;
  cells: Record<string, string>;
}

export type ImportPhase = 'read' | 'validate' | 'save';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

/** Accepted records by kind (only the imported kind is set) and the report. */
export interface ImportOutcome {
  kind: ImportKind;
  /** Records in the file = accepted + rejected. */
  total: number;
  accepted: number;
  rejected: ImportRejection[];
  cases?: CaseRecord[];
  /** For cases: the departments named by the accepted cases (derived, not from a feed). */
  departments?: Department[];
  caseEvents?: CaseEvent[];
  evaluations?: Evaluation[];
  tasks?: SupervisionTask[];
}

/**
 * The channel of an imported case: the file names none, so the value is left empty rather than
 * invented (a 窗口/网上 filter then matches no imported case). The feed type has no "unknown".
 */
const UNKNOWN_CHANNEL: CaseChannel | null = null;
/** Same for the kind of a department derived from the cases' department column. */
const UNKNOWN_DEPARTMENT_KIND: DepartmentKind | null = null;

function cellsOf(raw: unknown): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { 记录: JSON.stringify(raw) ?? String(raw) };
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    out[k] = typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  }
  return out;
}

function textCell(raw: unknown, column: string | undefined): string {
  if (column === undefined || typeof raw !== 'object' || raw === null) return '';
  const v = (raw as Record<string, unknown>)[column];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

function caseRecordOf(c: CaseInput, itemCode: string, importedAtMs: number): CaseRecord {
  return {
    id: c.id,
    departmentId: c.departmentId,
    acceptedAt: c.acceptedAt,
    committedLimitDays: c.committedLimitDays,
    statutoryLimitDays: c.statutoryLimitDays,
    completedAt: c.completedAt,
    suspensions: c.suspensions,
    dueAt: c.dueAt,
    itemCode,
    channel: UNKNOWN_CHANNEL,
    // Derived, not invented: a case with a completion time is closed.
    status: c.completedAt === null ? '在办' : '办结',
    result: null,
    updatedAt: importedAtMs,
  };
}

async function importCases(
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress: ImportProgress,
): Promise<ImportOutcome> {
  const mapping = toColumnMapping(options.mapping);
  let records: readonly RawCaseRecord[];
  let positions: number[];
  try {
    if (options.format === 'xlsx' || options.format === 'ndjson') {
      const table =
        options.format === 'xlsx'
          ? await xlsxTable(bytes)
          : ndjsonTable(decodeText(bytes, options.encoding));
      if (options.format === 'xlsx') checkCaseHeader(table.header, mapping);
      ({ records, positions } = table);
    } else {
      const text = decodeText(bytes, options.encoding);
      const lines: number[] = [];
      // Exactly the CLI's reading of a CSV or JSON file.
      records = caseFileRecords(text, options.format, mapping, lines);
      positions = options.format === 'csv' ? lines : records.map((_, i) => i + 1);
    }
  } catch (e) {
    if (e instanceof CaseFileError) throw new ImportFileError(e.message);
    throw e;
  }
  onProgress('validate', 0, records.length);
  const result = validateCaseRecords(
    records,
    mapping,
    (done, total) => onProgress('validate', done, total),
    (index) => positionPhrase(options.format, positions[index] ?? index + 1),
  );
  const itemColumn = options.mapping.columns['itemCode'];
  const nameColumn = options.mapping.columns['departmentName'];
  const cases: CaseRecord[] = new Array<CaseRecord>(result.cases.length);
  const names = new Map<string, string>();
  for (let i = 0; i < result.cases.length; i++) {
    const { index, value } = result.cases[i] as (typeof result.cases)[number];
    const rec = records[index] as RawCaseRecord;
    const raw = 'raw' in rec ? rec.raw : null;
    cases[i] = caseRecordOf(value, textCell(raw, itemColumn), options.importedAtMs);
    const name = textCell(raw, nameColumn);
    if (!names.has(value.departmentId) || (names.get(value.departmentId) === '' && name !== '')) {
      names.set(value.departmentId, name);
    }
  }
  const departments: Department[] = [...names]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, name]) => ({
      id,
      name: name === '' ? id : name,
      kind: UNKNOWN_DEPARTMENT_KIND,
      parentId: null,
      updatedAt: options.importedAtMs,
    }));
  const rejected = result.rejected.map((r): ImportRejection => {
    const rec = records[r.index] as RawCaseRecord;
    return {
      position: positions[r.index] ?? r.index + 1,
      id: r.id,
      reason: r.reason,
      cells: 'raw' in rec ? cellsOf(rec.raw) : {},
    };
  });
  return {
    kind: 'cases',
    total: result.total,
    accepted: cases.length,
    rejected,
    cases,
    departments,
  };
}

const PARSERS: Record<Exclude<ImportKind, 'cases'>, (raw: unknown) => RecordOutcome<unknown>> = {
  'case-events': parseCaseEvent,
  evaluations: parseEvaluation,
  tasks: parseSupervisionTask,
};

function checkHeader(table: ReadTable, options: ImportOptions): void {
  if (options.format !== 'csv' && options.format !== 'xlsx') return;
  const present = new Set(table.header);
  for (const spec of FIELD_SPECS[options.mapping.kind]) {
    const column = options.mapping.columns[spec.field];
    if (column !== undefined && !present.has(column)) {
      throw new ImportFileError(
        `映射的列 '${column}' (${spec.field}) 不在表头中 (mapped column not in the header)`,
      );
    }
    if (spec.required && !present.has(column ?? spec.field)) {
      throw new ImportFileError(
        `缺少必需列：${spec.zh} (${spec.field}) 未映射 (required column missing: map ${spec.field})`,
      );
    }
  }
}

async function importOther(
  kind: Exclude<ImportKind, 'cases'>,
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress: ImportProgress,
): Promise<ImportOutcome> {
  const table = await readTable(bytes, options.format, options.encoding);
  checkHeader(table, options);
  const read = timestampReader(options.mapping) ?? parseInstant;
  const importedAtIso = formatShanghaiIso(options.importedAtMs);
  const specs = FIELD_SPECS[kind];
  const parse = PARSERS[kind];
  const accepted: { id: string }[] = [];
  const rejected: ImportRejection[] = [];
  const seen = new Map<string, number>();
  const total = table.records.length;
  onProgress('validate', 0, total);
  for (let i = 0; i < total; i++) {
    if (i % 10_000 === 0) onProgress('validate', i, total);
    const rec = table.records[i] as (typeof table.records)[number];
    const position = table.positions[i] ?? i + 1;
    if ('error' in rec) {
      rejected.push({ position, id: null, reason: rec.error, cells: {} });
      continue;
    }
    let outcome: RecordOutcome<unknown>;
    try {
      outcome = parse(coerceRecord(rec.raw, specs, options.mapping.columns, read, importedAtIso));
    } catch (e) {
      outcome = {
        ok: false,
        id: null,
        reason: `记录无法解析 (record could not be parsed: ${(e as Error).message})`,
      };
    }
    if (!outcome.ok) {
      rejected.push({ position, id: outcome.id, reason: outcome.reason, cells: cellsOf(rec.raw) });
      continue;
    }
    const value = outcome.value as { id: string };
    const first = seen.get(value.id);
    if (first !== undefined) {
      rejected.push({
        position,
        id: value.id,
        reason: duplicateIdReason(
          '编号',
          first,
          positionPhrase(options.format, table.positions[first] ?? first + 1),
        ),
        cells: cellsOf(rec.raw),
      });
      continue;
    }
    seen.set(value.id, i);
    accepted.push(value);
  }
  const out: ImportOutcome = { kind, total, accepted: accepted.length, rejected };
  if (kind === 'case-events') out.caseEvents = accepted as CaseEvent[];
  else if (kind === 'evaluations') out.evaluations = accepted as Evaluation[];
  else out.tasks = accepted as SupervisionTask[];
  return out;
}

/**
 * Reads and validates a whole file. Throws {@link ImportFileError} when the file as a whole cannot
 * be read; bad records never stop the good ones.
 */
export async function runImport(
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress: ImportProgress = () => {},
): Promise<ImportOutcome> {
  onProgress('read', 0, bytes.byteLength);
  const kind = options.mapping.kind;
  return kind === 'cases'
    ? importCases(bytes, options, onProgress)
    : importOther(kind, bytes, options, onProgress);
}
