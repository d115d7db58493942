import { parseInstant, type CaseInput, type SuspensionInput } from '../domain/time-limit';
import { defaultDateBounds, instantOutOfBounds, type DateBounds } from './date-bounds';
import { timestampReader } from './columns/timestamp';
import { columnOf, type CaseField, type ColumnMapping } from './mapping';

/** Result of validating one untrusted case record. */
export type CaseRecordResult =
  { ok: true; value: CaseInput } | { ok: false; reason: string; id: string | null };

/** Limits above this are certainly data errors (about 40 years of working days). */
export const MAX_LIMIT_DAYS = 10_000;

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? `${v.slice(0, 60)}…` : v}'`;
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
  } catch {
    return String(v);
  }
}

/**
 * An identifier: a string that is not blank, kept **exactly as sent** (never trimmed: `\t=1+1`
 * and `=1+1` are different ids, and an id must match the source system's byte for byte), or an
 * integer (JSON exports often write ids as numbers).
 */
function identifier(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Reads a timestamp cell: ISO 8601 (no offset = Asia/Shanghai) unless the mapping says otherwise. */
type InstantReader = (s: string) => number | null;

// One reader per mapping object, so a million records do not rebuild it.
const readers = new WeakMap<ColumnMapping, InstantReader>();

function readerOf(mapping: ColumnMapping | undefined): InstantReader {
  if (mapping === undefined) return parseInstant;
  let reader = readers.get(mapping);
  if (reader === undefined) {
    reader = timestampReader(mapping) ?? parseInstant;
    readers.set(mapping, reader);
  }
  return reader;
}

function instantOf(
  v: unknown,
  label: string,
  field: string,
  read: InstantReader,
  bounds: DateBounds,
): Parsed<number | null> {
  if (isBlank(v)) return { ok: true, value: null };
  const ms = typeof v === 'string' ? read(v) : null;
  if (ms === null)
    return { ok: false, reason: `${label}无法解析 (${field} unparseable: ${show(v)})` };
  const out = instantOutOfBounds(ms, bounds, label, field, () => show(v));
  if (out !== null) return { ok: false, reason: out };
  return { ok: true, value: ms };
}

function daysOf(v: unknown, label: string, field: string): Parsed<number | null> {
  if (isBlank(v)) return { ok: true, value: null };
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) n = Number(v);
  else return { ok: false, reason: `${label}不是数字 (${field} is not a number: ${show(v)})` };
  if (!Number.isFinite(n))
    return { ok: false, reason: `${label}不是数字 (${field} is not a number: ${show(v)})` };
  if (n < 0) return { ok: false, reason: `${label}为负数 (${field} is negative: ${show(v)})` };
  if (!Number.isInteger(n)) {
    return {
      ok: false,
      reason: `${label}须为整数个工作日 (${field} must be a whole number of working days: ${show(v)})`,
    };
  }
  if (n > MAX_LIMIT_DAYS) {
    return { ok: false, reason: `${label}过大 (${field} exceeds ${MAX_LIMIT_DAYS}: ${show(v)})` };
  }
  return { ok: true, value: n };
}

function suspensionsOf(
  v: unknown,
  read: InstantReader,
  bounds: DateBounds,
): Parsed<SuspensionInput[]> {
  if (isBlank(v)) return { ok: true, value: [] };
  let list: unknown = v;
  if (typeof v === 'string') {
    // A CSV cell may hold the suspensions as a JSON array.
    try {
      list = JSON.parse(v);
    } catch {
      return {
        ok: false,
        reason: `暂停记录不是有效的 JSON 数组 (suspensions is not a JSON array: ${show(v)})`,
      };
    }
  }
  if (!Array.isArray(list)) {
    return { ok: false, reason: `暂停记录须为数组 (suspensions must be an array: ${show(v)})` };
  }
  const out: SuspensionInput[] = [];
  for (let i = 0; i < list.length; i++) {
    const s: unknown = list[i];
    const where = `suspensions[${i}]`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      return { ok: false, reason: `第 ${i + 1} 条暂停记录不是对象 (${where} is not an object)` };
    }
    const r = s as Record<string, unknown>;
    const kind = r['kind'];
    if (!isBlank(kind) && typeof kind !== 'string') {
      return {
        ok: false,
        reason: `第 ${i + 1} 条暂停类型须为文字 (${where}.kind must be a string)`,
      };
    }
    if (isBlank(r['startAt'])) {
      return { ok: false, reason: `第 ${i + 1} 条暂停缺少开始时间 (${where}.startAt missing)` };
    }
    const start = instantOf(
      r['startAt'],
      `第 ${i + 1} 条暂停开始时间`,
      `${where}.startAt`,
      read,
      bounds,
    );
    if (!start.ok) return start;
    const end = instantOf(r['endAt'], `第 ${i + 1} 条暂停结束时间`, `${where}.endAt`, read, bounds);
    if (!end.ok) return end;
    const startAt = start.value as number;
    if (end.value !== null && end.value < startAt) {
      return {
        ok: false,
        reason: `第 ${i + 1} 条暂停结束早于开始 (${where}: endAt ${show(r['endAt'])} is before startAt ${show(r['startAt'])})`,
      };
    }
    const approved = daysOf(
      r['approvedDays'],
      `第 ${i + 1} 条暂停申请天数`,
      `${where}.approvedDays`,
    );
    if (!approved.ok) return approved;
    out.push({
      kind: typeof kind === 'string' ? kind.trim() : '',
      startAt,
      endAt: end.value,
      approvedDays: approved.value,
    });
  }
  return { ok: true, value: out };
}

// Module functions rather than closures made per record: the service runs under tsx, whose
// transform names every closure as it is made (≈ 1.5 s of a 1M cold sync's main thread, issue 17).
function field(r: Record<string, unknown>, f: CaseField, mapping?: ColumnMapping): unknown {
  return r[columnOf(f, mapping)];
}

function rejected(reason: string, id: string | null): CaseRecordResult {
  return { ok: false, reason, id };
}

/**
 * Validate one case record at the boundary (DOMAIN.md: feeds are untrusted input).
 *
 * `raw` is a JSON object or a CSV row as an object of strings (empty string = absent; numbers may
 * be strings; a suspensions cell may hold a JSON array). With a mapping, each field is read from
 * the mapped column, otherwise from its own name, and timestamps in the mapping's
 * `timestampFormat` / `timezone` (default ISO 8601, no offset = Asia/Shanghai). Never throws: a bad record comes back with a
 * reason a person can read (Chinese first, English in brackets) and the id when one was found.
 * Duplicate ids across records are the caller's to detect. Every timestamp must lie in the
 * plausible window `bounds` (src/feeds/date-bounds.ts; default 2000-01-01 to a year after now).
 */
export function parseCaseRecord(
  raw: unknown,
  mapping?: ColumnMapping,
  bounds: DateBounds = defaultDateBounds(),
): CaseRecordResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: `记录不是对象 (record is not an object: ${show(raw)})`, id: null };
  }
  const r = raw as Record<string, unknown>;
  const read = readerOf(mapping);

  const idRaw = field(r, 'id', mapping);
  const id = identifier(idRaw);
  if (id === null) {
    return rejected(
      isBlank(idRaw) ? '缺少办件编号 (id missing)' : `办件编号无效 (id invalid: ${show(idRaw)})`,
      null,
    );
  }
  const deptRaw = field(r, 'departmentId', mapping);
  const departmentId = identifier(deptRaw);
  if (departmentId === null) {
    return rejected(
      isBlank(deptRaw)
        ? '缺少部门编号 (departmentId missing)'
        : `部门编号无效 (departmentId invalid: ${show(deptRaw)})`,
      id,
    );
  }
  const acceptedRaw = field(r, 'acceptedAt', mapping);
  const dueRaw = field(r, 'dueAt', mapping);
  const completedRaw = field(r, 'completedAt', mapping);
  if (isBlank(acceptedRaw)) return rejected('缺少受理时间 (acceptedAt missing)', id);
  const accepted = instantOf(acceptedRaw, '受理时间', 'acceptedAt', read, bounds);
  if (!accepted.ok) return rejected(accepted.reason, id);
  const acceptedAt = accepted.value as number;

  const committedRaw = field(r, 'committedLimitDays', mapping);
  const committed = daysOf(committedRaw, '承诺时限', 'committedLimitDays');
  if (!committed.ok) return rejected(committed.reason, id);
  const statutoryRaw = field(r, 'statutoryLimitDays', mapping);
  const statutory = daysOf(statutoryRaw, '法定时限', 'statutoryLimitDays');
  if (!statutory.ok) return rejected(statutory.reason, id);
  const due = instantOf(dueRaw, '办理期限', 'dueAt', read, bounds);
  if (!due.ok) return rejected(due.reason, id);
  if (committed.value === null && statutory.value === null && due.value === null) {
    return rejected(
      '缺少时限：承诺时限、法定时限、办理期限均为空 (no committedLimitDays, statutoryLimitDays or dueAt)',
      id,
    );
  }
  if (committed.value !== null && statutory.value !== null && committed.value > statutory.value) {
    return rejected(
      `承诺时限大于法定时限 (committedLimitDays ${committed.value} > statutoryLimitDays ${statutory.value})`,
      id,
    );
  }
  if (due.value !== null && due.value < acceptedAt) {
    return rejected(`办理期限早于受理时间 (dueAt ${show(dueRaw)} is before acceptedAt)`, id);
  }
  const completed = instantOf(completedRaw, '办结时间', 'completedAt', read, bounds);
  if (!completed.ok) return rejected(completed.reason, id);
  if (completed.value !== null && completed.value < acceptedAt) {
    return rejected(
      `办结时间早于受理时间 (completedAt ${show(completedRaw)} is before acceptedAt ${show(acceptedRaw)})`,
      id,
    );
  }
  const suspensions = suspensionsOf(field(r, 'suspensions', mapping), read, bounds);
  if (!suspensions.ok) return rejected(suspensions.reason, id);

  return {
    ok: true,
    value: {
      id,
      departmentId,
      acceptedAt,
      committedLimitDays: committed.value,
      statutoryLimitDays: statutory.value,
      completedAt: completed.value,
      suspensions: suspensions.value,
      dueAt: due.value,
    },
  };
}
