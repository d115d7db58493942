/**
 * The window of plausible dates at the feed boundary (#18.5): a case accepted in 1900, 1999 or on
 * 9999-12-31, or completed years after today, is a data error (a default date, a typo, a unit
 * mix-up), not a fact to count. Every instant and civil date a feed validator reads must lie in
 * the window, else the record is rejected with a reason naming the field and the window.
 *
 * Default: from 2000-01-01 00:00 (Asia/Shanghai) — before the city's e-government platforms and
 * before the bundled working-day calendar (2007 on) — to the end of the Shanghai civil day one
 * year after "now" (366 days after today, so a leap day does not shorten it). Planned dates (a
 * case's dueAt, a supervision task's deadline, a milestone's due date) get the same window: a
 * deadline more than a year ahead is as implausible in these feeds as one in 9999.
 *
 * Validators are called without an as-of, so "now" is the machine's clock at the moment a record
 * is read ({@link defaultDateBounds}); every validator takes the bounds as an optional parameter
 * for callers (and tests) that need a fixed window.
 */
import { dayFromIso, isoFromDay, shanghaiDayOf, shanghaiStartOfDay } from '../domain/calendar/day';

/** Inclusive bounds, as epoch milliseconds. */
export interface DateBounds {
  /** Earliest plausible instant. */
  fromMs: number;
  /** Latest plausible instant. */
  toMs: number;
}

/** First plausible civil day (Asia/Shanghai). */
export const EARLIEST_PLAUSIBLE_DATE = '2000-01-01';

const EARLIEST_MS = shanghaiStartOfDay(dayFromIso(EARLIEST_PLAUSIBLE_DATE));

/** Days after today up to which dates are plausible ("one year", leap day included). */
export const PLAUSIBLE_DAYS_AHEAD = 366;

/**
 * The default window: 2000-01-01 00:00 to the end of the Shanghai day 366 days after `nowMs`'s.
 *
 * @param nowMs "now" (default: the machine's clock)
 */
export function defaultDateBounds(nowMs: number = Date.now()): DateBounds {
  const last = shanghaiDayOf(nowMs) + PLAUSIBLE_DAYS_AHEAD;
  return { fromMs: EARLIEST_MS, toMs: shanghaiStartOfDay(last + 1) - 1 };
}

/** A window with explicit civil-day ends (`YYYY-MM-DD`, both inclusive, Asia/Shanghai). */
export function dateBoundsBetween(from: string, to: string): DateBounds {
  return {
    fromMs: shanghaiStartOfDay(dayFromIso(from)),
    toMs: shanghaiStartOfDay(dayFromIso(to) + 1) - 1,
  };
}

/** The window as readable civil dates, e.g. "2000-01-01 至 2027-11-30". */
function spanZh(b: DateBounds): string {
  return `${isoFromDay(shanghaiDayOf(b.fromMs))} 至 ${isoFromDay(shanghaiDayOf(b.toMs))}`;
}

function spanEn(b: DateBounds): string {
  return `${isoFromDay(shanghaiDayOf(b.fromMs))} … ${isoFromDay(shanghaiDayOf(b.toMs))}`;
}

/**
 * `null` when the instant lies in the window, else the rejection reason (Chinese first).
 *
 * @param label the field's Chinese name (受理时间)
 * @param field the field's key (acceptedAt)
 * @param shown the value as received, quoted for the reason (called only for a value outside: every
 *   record of a sync passes here, and describing each value cost ≈ 3 s of a 1M cold sync)
 */
export function instantOutOfBounds(
  ms: number,
  b: DateBounds,
  label: string,
  field: string,
  shown: () => string,
): string | null {
  if (ms >= b.fromMs && ms <= b.toMs) return null;
  return `${label}不在合理范围（${spanZh(b)}）内 (${field} ${shown()} is outside the plausible range ${spanEn(b)})`;
}

/** Like {@link instantOutOfBounds} for a civil day (a date without time). */
export function dayOutOfBounds(
  day: number,
  b: DateBounds,
  label: string,
  field: string,
  shown: () => string,
): string | null {
  if (day >= shanghaiDayOf(b.fromMs) && day <= shanghaiDayOf(b.toMs)) return null;
  return `${label}不在合理范围（${spanZh(b)}）内 (${field} ${shown()} is outside the plausible range ${spanEn(b)})`;
}
