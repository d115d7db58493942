/**
 * A small, fast field reader for feed records. Hand-written rather than zod because some feeds
 * reach millions of records (cases, case events) and every reason must read well in Chinese first:
 * "评价等级必须是 1–5 的整数 (level must be an integer 1–5, got 7)".
 *
 * Readers throw {@link FieldError} on the first problem; {@link recordParser} turns that into a
 * rejection for that record only. Unknown extra fields are ignored (a tolerant reader), so the city
 * can add fields without breaking the dashboard.
 */
import { parseIsoDate, type DayIndex } from '../../domain/calendar/day';
import { parseInstant } from '../../domain/time-limit/instant';
import {
  dayOutOfBounds,
  defaultDateBounds,
  instantOutOfBounds,
  type DateBounds,
} from '../date-bounds';
import { describe, rawRecordId, type RecordOutcome } from '../result';

/** One problem with one field; the message is already bilingual. */
export class FieldError extends Error {
  override readonly name = 'FieldError';
}

/** `中文 (English)`: the house format of every rejection reason. */
export function bilingual(zh: string, en: string): string {
  return `${zh} (${en})`;
}

/** A raw record viewed as a dictionary of unknown values. */
export type RawRecord = Record<string, unknown>;

/** Checks that a raw record is a JSON object. */
export function asRecord(raw: unknown, entityZh: string, entityEn: string): RawRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new FieldError(
      bilingual(
        `${entityZh}记录必须是 JSON 对象`,
        `a ${entityEn} record must be a JSON object, got ${describe(raw)}`,
      ),
    );
  }
  return raw as RawRecord;
}

function missing(key: string, zh: string): FieldError {
  return new FieldError(bilingual(`缺少${zh}`, `missing "${key}"`));
}

/** A required non-blank string (kept verbatim). */
export function readString(o: RawRecord, key: string, zh: string): string {
  const v = o[key];
  if (v === undefined || v === null) throw missing(key, zh);
  if (typeof v !== 'string') {
    throw new FieldError(
      bilingual(`${zh}必须是文本`, `${key} must be a string, got ${describe(v)}`),
    );
  }
  if (v.trim().length === 0)
    throw new FieldError(bilingual(`${zh}不能为空`, `${key} must not be blank`));
  return v;
}

/** An optional string: absent or null → null; blank text is kept (a progress note may be empty). */
export function readOptionalString(o: RawRecord, key: string, zh: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') {
    throw new FieldError(
      bilingual(`${zh}必须是文本`, `${key} must be a string, got ${describe(v)}`),
    );
  }
  return v;
}

/** A required integer in [min, max]. */
export function readInt(o: RawRecord, key: string, zh: string, min: number, max: number): number {
  const v = o[key];
  if (v === undefined || v === null) throw missing(key, zh);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new FieldError(
      bilingual(
        `${zh}必须是 ${min}–${max} 的整数`,
        `${key} must be an integer ${min}–${max}, got ${describe(v)}`,
      ),
    );
  }
  return v;
}

/** A required value out of a closed list. */
export function readEnum<T extends string>(
  o: RawRecord,
  key: string,
  zh: string,
  values: readonly T[],
): T {
  const v = o[key];
  if (v === undefined || v === null) throw missing(key, zh);
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new FieldError(
      bilingual(
        `${zh}必须是 ${values.join('、')} 之一`,
        `${key} must be one of ${values.join(', ')}, got ${describe(v)}`,
      ),
    );
  }
  return v as T;
}

/** An optional boolean: absent or null → the fallback. */
export function readOptionalBoolean(
  o: RawRecord,
  key: string,
  zh: string,
  fallback: boolean,
): boolean {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') {
    throw new FieldError(
      bilingual(`${zh}必须是 true 或 false`, `${key} must be a boolean, got ${describe(v)}`),
    );
  }
  return v;
}

function instantOf(v: unknown, key: string, zh: string, b: DateBounds): number {
  const ms = typeof v === 'string' ? parseInstant(v) : null;
  if (ms === null) {
    throw new FieldError(
      bilingual(
        `${zh}不是有效的时间`,
        `${key} must be an ISO 8601 time such as 2026-03-02T09:30:00+08:00, got ${describe(v)}`,
      ),
    );
  }
  const out = instantOutOfBounds(ms, b, zh, key, () => describe(v));
  if (out !== null) throw new FieldError(out);
  return ms;
}

/**
 * A required instant → epoch ms (ISO 8601; no offset means Asia/Shanghai), inside the plausible
 * window `b` (src/feeds/date-bounds.ts).
 */
export function readInstant(o: RawRecord, key: string, zh: string, b: DateBounds): number {
  const v = o[key];
  if (v === undefined || v === null) throw missing(key, zh);
  return instantOf(v, key, zh, b);
}

/** An instant that may be null or absent (an open step, an unrectified 差评); inside `b`. */
export function readNullableInstant(
  o: RawRecord,
  key: string,
  zh: string,
  b: DateBounds,
): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  return instantOf(v, key, zh, b);
}

function dateOf(v: unknown, key: string, zh: string, b: DateBounds): DayIndex {
  const d = typeof v === 'string' ? parseIsoDate(v) : null;
  if (d === null) {
    throw new FieldError(
      bilingual(`${zh}不是有效的日期`, `${key} must be a YYYY-MM-DD date, got ${describe(v)}`),
    );
  }
  const out = dayOutOfBounds(d, b, zh, key, () => describe(v));
  if (out !== null) throw new FieldError(out);
  return d;
}

/** A required civil date `YYYY-MM-DD` → day index, inside the plausible window `b`. */
export function readDate(o: RawRecord, key: string, zh: string, b: DateBounds): DayIndex {
  const v = o[key];
  if (v === undefined || v === null) throw missing(key, zh);
  return dateOf(v, key, zh, b);
}

/** A civil date that may be null or absent; inside `b`. */
export function readNullableDate(
  o: RawRecord,
  key: string,
  zh: string,
  b: DateBounds,
): DayIndex | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  return dateOf(v, key, zh, b);
}

/** A required array (possibly empty). */
export function readArray(o: RawRecord, key: string, zh: string): readonly unknown[] {
  const v = o[key];
  if (v === undefined || v === null) throw missing(key, zh);
  if (!Array.isArray(v)) {
    throw new FieldError(
      bilingual(`${zh}必须是数组`, `${key} must be an array, got ${describe(v)}`),
    );
  }
  return v;
}

/**
 * Wraps a reader that throws {@link FieldError} into a record parser returning an outcome. The
 * parser takes the plausible-date window as an optional second argument (default:
 * {@link defaultDateBounds} at the time of the call) and hands it to the reader.
 * Other exceptions propagate on purpose: {@link parseRecords} reports them as "could not be parsed".
 */
export function recordParser<T>(
  read: (raw: unknown, bounds: DateBounds) => T,
): (raw: unknown, bounds?: DateBounds) => RecordOutcome<T> {
  return (raw, bounds) => {
    try {
      return { ok: true, value: read(raw, bounds ?? defaultDateBounds()) };
    } catch (error) {
      if (error instanceof FieldError)
        return { ok: false, reason: error.message, id: rawRecordId(raw) };
      throw error;
    }
  };
}
