import {
  isTimestampFormat,
  parseTimezone,
  TIMESTAMP_FORMATS,
  type TimestampFormat,
  type TimestampOptions,
} from './columns/timestamp';

/** The case fields a feed file must provide (exact names in JSON / NDJSON / CSV headers). */
export const CASE_FIELDS = [
  'id',
  'departmentId',
  'acceptedAt',
  'committedLimitDays',
  'statutoryLimitDays',
  'completedAt',
  'suspensions',
  'dueAt',
] as const;

export type CaseField = (typeof CASE_FIELDS)[number];

/**
 * Optional columns an import may map in addition (the CLI accepts and ignores them): a department
 * name for the department list derived from the cases, and the service item code.
 */
export const CASE_EXTRA_FIELDS = ['departmentName', 'itemCode'] as const;

export type CaseExtraField = (typeof CASE_EXTRA_FIELDS)[number];

/**
 * Maps case fields to a file's own column (or property) names, e.g. a CSV exported by another
 * system: `{"columns": {"acceptedAt": "受理时间", "id": "办件编号"}}`. Fields left out keep their own
 * name. Shared by the CLI (`--mapping FILE`) and the import page.
 */
export type ColumnMapping = {
  columns: Partial<Record<CaseField | CaseExtraField, string>>;
  /**
   * Zone of timestamps written without an offset (`+08:00` when absent = Asia/Shanghai); values
   * with their own offset keep it. A fixed offset: `Z`, `±HH`, `±HHMM` or `±HH:MM`.
   */
  timezone?: string;
  /** Format of the timestamp cells (`iso` when absent); see TIMESTAMP_FORMATS. */
  timestampFormat?: TimestampFormat;
};

const FIELD_SET: ReadonlySet<string> = new Set(CASE_FIELDS);

/** Whether a string is one of {@link CASE_FIELDS}. */
export function isCaseField(s: string): s is CaseField {
  return FIELD_SET.has(s);
}

/**
 * Validate untrusted mapping JSON. Rejects unknown fields, empty names, two fields on one column, a
 * malformed `timezone` or `timestampFormat`, and a `kind` other than `cases` (presets saved by the
 * import page for other record kinds are not case mappings). Other top-level keys (a preset's
 * `name`) are ignored.
 */
export function parseColumnMapping(
  raw: unknown,
): { ok: true; value: ColumnMapping } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      reason: '映射须为 JSON 对象 (mapping must be a JSON object {"columns": {…}})',
    };
  }
  const columns = (raw as Record<string, unknown>)['columns'];
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    return { ok: false, reason: '映射缺少 columns 对象 (mapping needs a "columns" object)' };
  }
  const kind = (raw as Record<string, unknown>)['kind'];
  if (kind !== undefined && kind !== 'cases') {
    return {
      ok: false,
      reason: `映射的 kind 为 ${JSON.stringify(kind)}，不是办件映射 (kind must be "cases" for a case mapping)`,
    };
  }
  const options = timestampOptionsOf(raw as Record<string, unknown>);
  if (!options.ok) return options;
  const checked = checkColumnEntries(columns as Record<string, unknown>, [
    ...CASE_FIELDS,
    ...CASE_EXTRA_FIELDS,
  ]);
  if (!checked.ok) return checked;
  const out = checked.value as Partial<Record<CaseField | CaseExtraField, string>>;
  return { ok: true, value: { columns: out, ...options.value } };
}

/**
 * The optional `timezone` and `timestampFormat` of a mapping object, validated (shared by the case
 * mapping and the import page's mappings of other record kinds).
 */
export function timestampOptionsOf(
  raw: Record<string, unknown>,
): { ok: true; value: TimestampOptions } | { ok: false; reason: string } {
  const value: TimestampOptions = {};
  const tz = raw['timezone'];
  if (tz !== undefined) {
    if (typeof tz !== 'string' || parseTimezone(tz) === null) {
      return {
        ok: false,
        reason: `时区无效 ${JSON.stringify(tz)} (timezone must be a fixed offset such as "+08:00", "Z" or "-05:00")`,
      };
    }
    value.timezone = tz.trim();
  }
  const format = raw['timestampFormat'];
  if (format !== undefined) {
    if (typeof format !== 'string' || !isTimestampFormat(format)) {
      return {
        ok: false,
        reason: `时间格式无效 ${JSON.stringify(format)} (timestampFormat must be one of ${TIMESTAMP_FORMATS.join(', ')})`,
      };
    }
    value.timestampFormat = format;
  }
  return { ok: true, value };
}

/** The column name a field is read from under a mapping (its own name when unmapped). */
export function columnOf(field: CaseField, mapping?: ColumnMapping): string {
  return mapping?.columns[field] ?? field;
}

/**
 * Checks a mapping's `columns` entries against the fields a record kind knows: every field known,
 * every column name a non-empty string (trimmed), no column mapped to two fields. Shared by the
 * case mapping (CLI `--mapping`) and the import page's mappings for the other record kinds.
 */
export function checkColumnEntries(
  columns: Record<string, unknown>,
  known: readonly string[],
): { ok: true; value: Record<string, string> } | { ok: false; reason: string } {
  const knownSet = new Set(known);
  const out: Record<string, string> = {};
  const used = new Map<string, string>();
  for (const [field, column] of Object.entries(columns)) {
    if (!knownSet.has(field)) {
      return {
        ok: false,
        reason: `未知字段 '${field}' (unknown field; expected one of ${known.join(', ')})`,
      };
    }
    if (typeof column !== 'string' || column.trim() === '') {
      return {
        ok: false,
        reason: `字段 ${field} 的列名须为非空字符串 (column name must be a non-empty string)`,
      };
    }
    const name = column.trim();
    const other = used.get(name);
    if (other !== undefined) {
      return {
        ok: false,
        reason: `列 '${name}' 同时映射到 ${other} 和 ${field} (column mapped twice)`,
      };
    }
    used.set(name, field);
    out[field] = name;
  }
  return { ok: true, value: out };
}
