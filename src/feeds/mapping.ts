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
 * Maps case fields to a file's own column (or property) names, e.g. a CSV exported by another
 * system: `{"columns": {"acceptedAt": "受理时间", "id": "办件编号"}}`. Fields left out keep their own
 * name. Shared by the CLI (`--mapping FILE`) and the import page.
 */
export type ColumnMapping = { columns: Partial<Record<CaseField, string>> };

const FIELD_SET: ReadonlySet<string> = new Set(CASE_FIELDS);

/** Whether a string is one of {@link CASE_FIELDS}. */
export function isCaseField(s: string): s is CaseField {
  return FIELD_SET.has(s);
}

/** Validate untrusted mapping JSON. Rejects unknown fields, empty names and two fields on one column. */
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
  const out: Partial<Record<CaseField, string>> = {};
  const used = new Map<string, string>();
  for (const [field, column] of Object.entries(columns)) {
    if (!isCaseField(field)) {
      return {
        ok: false,
        reason: `未知字段 '${field}' (unknown field; expected one of ${CASE_FIELDS.join(', ')})`,
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
  return { ok: true, value: { columns: out } };
}

/** The column name a field is read from under a mapping (its own name when unmapped). */
export function columnOf(field: CaseField, mapping?: ColumnMapping): string {
  return mapping?.columns[field] ?? field;
}
