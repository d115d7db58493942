/**
 * Civil-day arithmetic without `Date`.
 *
 * Every date the dashboard counts is a civil date in Asia/Shanghai. Using `Date` getters would
 * silently pick up the machine's zone (a browser in New York, a CI runner in UTC), so days are
 * plain integers and conversions are done with integer formulas only.
 */

/** Civil days since 1970-01-01 (day 0 is Thursday 1970-01-01); negative before it. */
export type DayIndex = number;

/** Milliseconds in a civil day. */
export const MS_PER_DAY = 86_400_000;

/**
 * Asia/Shanghai has been a fixed UTC+8 since 1991 (no DST), and every date this project handles
 * is later than that, so the zone is a constant offset.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Day index of a proleptic Gregorian civil date (Howard Hinnant's `days_from_civil`).
 * Arguments are not validated; use {@link isValidCivilDate} first when they come from input.
 */
export function dayFromCivil(year: number, month: number, day: number): DayIndex {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date `{ year, month, day }` of a day index (Hinnant's `civil_from_days`). */
export function civilFromDay(d: DayIndex): { year: number; month: number; day: number } {
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True in Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year/month/day name a real date (years 1000–9999, as ISO 8601 four-digit years). */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict `YYYY-MM-DD` → day index, or `null` when malformed or not a real date. */
export function parseIsoDate(s: string): DayIndex | null {
  const m = ISO_DATE.exec(s);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidCivilDate(year, month, day) ? dayFromCivil(year, month, day) : null;
}

/**
 * Strict `YYYY-MM-DD` → day index.
 * @throws RangeError when the string is not a real date (use {@link parseIsoDate} for input).
 */
export function dayFromIso(s: string): DayIndex {
  const d = parseIsoDate(s);
  if (d === null) throw new RangeError(`not a YYYY-MM-DD date: '${s}'`);
  return d;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Day index → `YYYY-MM-DD`. */
export function isoFromDay(d: DayIndex): string {
  const { year, month, day } = civilFromDay(d);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Day of week: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(d: DayIndex): number {
  return (((d + 4) % 7) + 7) % 7;
}

/**
 * Civil date in Asia/Shanghai of an instant (epoch milliseconds).
 * Never uses the machine's zone: Shanghai is a fixed UTC+8.
 */
export function shanghaiDayOf(ms: number): DayIndex {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** The instant at which a Shanghai civil day starts (00:00 +08:00), in epoch milliseconds. */
export function shanghaiStartOfDay(d: DayIndex): number {
  return d * MS_PER_DAY - SHANGHAI_OFFSET_MS;
}
