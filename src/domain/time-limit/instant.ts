import {
  dayFromCivil,
  isoFromDay,
  isValidCivilDate,
  MS_PER_DAY,
  SHANGHAI_OFFSET_MS,
  shanghaiDayOf,
} from '../calendar/day';

// YYYY-MM-DD, optional [T or space]HH:MM[:SS[.fraction]], optional offset Z | ±HH | ±HHMM | ±HH:MM.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s?([Zz]|[+-]\d{2}(?::?\d{2})?))?)?$/;

/**
 * Parse a feed timestamp to epoch milliseconds, strictly.
 *
 * Accepted: ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff]]` with offset `Z`, `+08:00`, `+0800` or `+08`
 * (some city exports write `+00`), `T` or a space between date and time; no offset means
 * Asia/Shanghai (UTC+8). A bare `YYYY-MM-DD` is the start of that day in Asia/Shanghai.
 * Rejected (`null`): impossible dates (`2024-02-30`), hours ≥ 24, leap seconds, offsets beyond
 * ±14:00, anything else. Never consults the machine's time zone.
 */
export function parseInstant(s: string): number | null {
  const fast = parseCanonical(s);
  if (fast !== undefined) return fast;
  const m = INSTANT.exec(s.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidCivilDate(year, month, day)) return null;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7];
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000 + 1e-6);
  let offsetMs = SHANGHAI_OFFSET_MS;
  const off = m[8];
  if (off !== undefined && off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 14 || om > 59 || oh * 60 + om > 14 * 60) return null;
    offsetMs = sign * (oh * 60 + om) * 60_000;
  } else if (off !== undefined) {
    offsetMs = 0;
  }
  const local =
    dayFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    millis;
  return local - offsetMs;
}

const ZERO = 48;

/** Two ASCII digits at `i` as a number, or -1 when either is not a digit. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - ZERO;
  const b = s.charCodeAt(i + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Fast path for the form feeds send millions of times, `YYYY-MM-DDTHH:MM:SS+HH:MM` (25 chars) or
 * `YYYY-MM-DDTHH:MM:SSZ` (20 chars): character arithmetic instead of a regular expression.
 * Returns `undefined` for any other shape (the general parser decides), `null` when the shape
 * matches but the values are impossible — exactly what the general parser would return.
 */
function parseCanonical(s: string): number | null | undefined {
  const n = s.length;
  if (n !== 25 && n !== 20) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return undefined;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const y1 = digits2(s, 0);
  const y2 = digits2(s, 2);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
    return undefined;
  let offsetMs: number;
  if (n === 20) {
    if (s.charCodeAt(19) !== 90) return undefined; // 'Z'
    offsetMs = 0;
  } else {
    const sign = s.charCodeAt(19);
    if ((sign !== 43 && sign !== 45) || s.charCodeAt(22) !== 58) return undefined;
    const oh = digits2(s, 20);
    const om = digits2(s, 23);
    if (oh < 0 || om < 0) return undefined;
    if (oh > 14 || om > 59 || oh * 60 + om > 14 * 60) return null;
    offsetMs = (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const year = y1 * 100 + y2;
  if (!isValidCivilDate(year, month, day)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return (
    dayFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 -
    offsetMs
  );
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Format an instant as ISO 8601 in Asia/Shanghai, e.g. `2024-02-04T09:30:00+08:00`
 * (milliseconds appear only when non-zero, so the value round-trips through {@link parseInstant}).
 */
export function formatShanghaiIso(ms: number): string {
  const d = shanghaiDayOf(ms);
  const inDay = ms + SHANGHAI_OFFSET_MS - d * MS_PER_DAY;
  const h = Math.floor(inDay / 3_600_000);
  const mi = Math.floor((inDay % 3_600_000) / 60_000);
  const sec = Math.floor((inDay % 60_000) / 1000);
  const milli = inDay % 1000;
  const frac = milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`;
  return `${isoFromDay(d)}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}${frac}+08:00`;
}
