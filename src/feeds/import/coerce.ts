/**
 * Spreadsheet rows of case events, evaluations and tasks → the JSON values their feed validators
 * expect (numbers as numbers, blank as null, timestamps as ISO 8601 with offset). Only the
 * representation changes: a cell that does not read as its type is passed on as written, so the
 * validator rejects it with its own reason — there is one validator per record kind, not two.
 */
import { formatShanghaiIso } from '../../domain/time-limit/instant';
import type { FieldSpec, FieldType } from './fields';

type Reader = (value: string) => number | null;

const INT_RE = /^\s*[+-]?\d+\s*$/;
const DATE_RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const TRUE = new Set(['true', '是', 'y', 'yes', '1']);
const FALSE = new Set(['false', '否', 'n', 'no', '0']);

function pad2(s: string): string {
  return s.length === 1 ? `0${s}` : s;
}

/** One text cell as the JSON value of a field type; `undefined` means "leave the field out". */
export function coerceCell(
  value: string,
  type: FieldType,
  nullable: boolean,
  readInstant: Reader,
): unknown {
  const s = value.trim();
  if (s === '') return nullable ? null : undefined;
  switch (type) {
    case 'text':
      return value;
    case 'int':
      return INT_RE.test(s) ? Number(s) : value;
    case 'instant': {
      const ms = readInstant(s);
      return ms === null ? value : formatShanghaiIso(ms);
    }
    case 'date': {
      const m = DATE_RE.exec(s.split(/[ T]/)[0] ?? s);
      return m ? `${m[1]}-${pad2(m[2] ?? '')}-${pad2(m[3] ?? '')}` : value;
    }
    case 'bool': {
      const k = s.toLowerCase();
      return TRUE.has(k) ? true : FALSE.has(k) ? false : value;
    }
    case 'list': {
      if (s.startsWith('[')) {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          return value;
        }
      }
      return s
        .split(/[,，;；、|]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
    }
    case 'json':
      try {
        return JSON.parse(s) as unknown;
      } catch {
        return value;
      }
  }
}

/**
 * A row (object of cells) under a mapping → a record with the validator's field names. Values that
 * are not strings (a JSON file's numbers, nulls, arrays) pass through untouched; `updatedAt`, when
 * the file has no such column, is the import time (shown on the page).
 */
export function coerceRecord(
  raw: unknown,
  specs: readonly FieldSpec[],
  columns: Readonly<Record<string, string>>,
  readInstant: Reader,
  importedAtIso: string,
): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const row = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const column = columns[spec.field] ?? spec.field;
    const v = row[column];
    if (v === undefined) {
      if (spec.field === 'updatedAt' && columns['updatedAt'] === undefined)
        out['updatedAt'] = importedAtIso;
      continue;
    }
    if (typeof v !== 'string') {
      out[spec.field] = v;
      continue;
    }
    const c = coerceCell(v, spec.type, spec.nullable ?? false, readInstant);
    if (c !== undefined) out[spec.field] = c;
  }
  return out;
}
