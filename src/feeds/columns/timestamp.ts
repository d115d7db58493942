/**
 * Timestamp formats of exported files, their detection from sample values, and the one reader
 * that turns a cell into an instant under a chosen format and time zone. Shared by the import page
 * and the CLI (through the mapping's optional `timestampFormat` / `timezone`), so an override made
 * in the browser counts the same in batch.
 */
import {
  dayFromCivil,
  isValidCivilDate,
  MS_PER_DAY,
  SHANGHAI_OFFSET_MS as SHANGHAI_MS,
} from '../../domain/calendar/day';
import { parseInstant } from '../../domain/time-limit/instant';

/** The formats a timestamp column can be read in. */
export const TIMESTAMP_FORMATS = [
  'iso',
  'ymd-slash',
  'mdy-slash',
  'dmy-slash',
  'ymd-chinese',
  'excel-serial',
] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

/** How each format looks, for the page and the docs. */
export const TIMESTAMP_FORMAT_LABELS: Record<TimestampFormat, string> = {
  iso: 'ISO 8601: 2024-02-03 09:30[:00][+08:00]',
  'ymd-slash': 'YYYY/MM/DD HH:mm[:ss]',
  'mdy-slash': 'MM/DD/YYYY hh:mm[:ss] [AM|PM]',
  'dmy-slash': 'DD/MM/YYYY HH:mm[:ss]',
  'ymd-chinese': 'YYYY年MM月DD日 HH:mm[:ss]',
  'excel-serial': 'Excel 日期序列号 (serial days, e.g. 45321.375)',
};

/** The default zone of timestamps without an offset (DOMAIN.md: Asia/Shanghai). */
export const DEFAULT_TIMEZONE = '+08:00';

const TZ_RE = /^(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * A fixed UTC offset `Z`, `±HH`, `±HHMM` or `±HH:MM` (at most ±14:00) → milliseconds east of UTC;
 * `null` when malformed. Named zones are not accepted on purpose: a fixed offset reads the same on
 * every machine and in every year.
 */
export function parseTimezone(tz: string): number | null {
  const s = tz.trim();
  if (!TZ_RE.test(s)) return null;
  if (s === 'Z' || s === 'z') return 0;
  const sign = s[0] === '-' ? -1 : 1;
  const digits = s.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (m > 59 || h * 60 + m > 14 * 60) return null;
  return sign * (h * 60 + m) * 60_000;
}

/** Whether a string is one of {@link TIMESTAMP_FORMATS}. */
export function isTimestampFormat(s: string): s is TimestampFormat {
  return (TIMESTAMP_FORMATS as readonly string[]).includes(s);
}

// An explicit offset after a time part (a bare date's "-03" is not an offset).
const HAS_OFFSET = /[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

function wallClock(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMs: number,
): number | null {
  if (!isValidCivilDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  return dayFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 - offsetMs;
}

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const YMD_SLASH = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const DMY_SLASH = new RegExp(String.raw`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})${TIME}$`);
const MDY_SLASH = new RegExp(
  String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$`,
);
const YMD_CN = new RegExp(
  String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:时](\d{2})分?(?:[:](\d{2})秒?)?)?$`,
);
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;

function num(v: string | undefined): number {
  return v === undefined ? 0 : Number(v);
}

/**
 * Reads one cell under a format and the zone of values without an offset. Returns epoch ms or
 * `null` when the value does not match the format exactly (never guesses a different format).
 */
export function readTimestamp(
  value: string,
  format: TimestampFormat,
  offsetMs: number = SHANGHAI_MS,
): number | null {
  const s = value.trim();
  switch (format) {
    case 'iso': {
      const ms = parseInstant(s);
      if (ms === null || offsetMs === SHANGHAI_MS || HAS_OFFSET.test(s)) return ms;
      // parseInstant read the wall clock as Asia/Shanghai; move it to the chosen zone.
      return ms + SHANGHAI_MS - offsetMs;
    }
    case 'ymd-slash': {
      const m = YMD_SLASH.exec(s);
      if (!m) return null;
      return wallClock(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), offsetMs);
    }
    case 'dmy-slash': {
      const m = DMY_SLASH.exec(s);
      if (!m) return null;
      return wallClock(num(m[3]), num(m[2]), num(m[1]), num(m[4]), num(m[5]), num(m[6]), offsetMs);
    }
    case 'mdy-slash': {
      const m = MDY_SLASH.exec(s);
      if (!m) return null;
      let h = num(m[4]);
      const ampm = m[7]?.toUpperCase();
      if (ampm !== undefined) {
        if (h < 1 || h > 12) return null;
        h = (h % 12) + (ampm === 'PM' ? 12 : 0);
      }
      return wallClock(num(m[3]), num(m[1]), num(m[2]), h, num(m[5]), num(m[6]), offsetMs);
    }
    case 'ymd-chinese': {
      const m = YMD_CN.exec(s);
      if (!m) return null;
      return wallClock(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), offsetMs);
    }
    case 'excel-serial': {
      if (!SERIAL.test(s)) return null;
      const serial = Number(s);
      // 1900 date system: serial 25569 is 1970-01-01; below 61 Excel's phantom 1900-02-29 bites.
      if (serial < 61 || serial > 2_958_465) return null;
      // Whole seconds: Excel stores times as binary fractions of a day.
      const secs = Math.round((serial - 25569) * 86_400);
      return secs * 1000 - offsetMs;
    }
  }
}

/** What the sample values of one column say about their format. */
export interface TimestampDetection {
  format: TimestampFormat;
  /** Non-blank samples looked at, and how many the chosen format reads. */
  samples: number;
  parsed: number;
  /** Explicit offsets seen in the samples (e.g. `+00`), which win over the zone for those values. */
  offsets: string[];
}

const OFFSET_TAIL = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Picks the format that reads the most sample values (ties go to the earlier entry of
 * {@link TIMESTAMP_FORMATS}, so ISO wins; month-first wins over day-first unless a day > 12 shows).
 */
export function detectTimestampFormat(values: readonly string[]): TimestampDetection {
  const samples = values.map((v) => v.trim()).filter((v) => v !== '');
  let best: TimestampFormat = 'iso';
  let bestCount = -1;
  for (const f of TIMESTAMP_FORMATS) {
    let n = 0;
    for (const v of samples) if (readTimestamp(v, f) !== null) n++;
    if (n > bestCount) {
      best = f;
      bestCount = n;
    }
  }
  const offsets = new Set<string>();
  if (best === 'iso') {
    for (const v of samples) {
      if (!HAS_OFFSET.test(v)) continue;
      const m = OFFSET_TAIL.exec(v);
      if (m) offsets.add(m[0]);
    }
  }
  return {
    format: best,
    samples: samples.length,
    parsed: Math.max(bestCount, 0),
    offsets: [...offsets],
  };
}

/** Options carried by a mapping: the format of timestamp cells and the zone of offset-less ones. */
export interface TimestampOptions {
  timestampFormat?: TimestampFormat;
  timezone?: string;
}

/**
 * A reader for a mapping's timestamp options, or `null` when the defaults apply (ISO 8601, no
 * offset = Asia/Shanghai), so callers keep the plain fast path.
 */
export function timestampReader(
  options: TimestampOptions | undefined,
): ((value: string) => number | null) | null {
  const format = options?.timestampFormat ?? 'iso';
  const offset = options?.timezone === undefined ? SHANGHAI_MS : parseTimezone(options.timezone);
  if (offset === null) throw new Error(`invalid timezone ${options?.timezone ?? ''}`);
  if (format === 'iso' && offset === SHANGHAI_MS) return null;
  return (value) => readTimestamp(value, format, offset);
}
