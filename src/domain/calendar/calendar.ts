import { dayFromCivil, parseIsoDate, weekdayOf, type DayIndex } from './day';

/** One holiday-cn entry: a date the State Council arrangement lists. */
export interface HolidayDay {
  /** Holiday name in Chinese (元旦, 春节, …). */
  name: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `true` = day off (放假); `false` = adjusted working day (调休上班, usually a weekend day). */
  isOffDay: boolean;
}

/**
 * One year's official arrangement in the holiday-cn format
 * (https://github.com/NateScarlet/holiday-cn, see `holiday-cn/SOURCE.md`).
 * `year` is the notice year: a file may also list dates in the previous December.
 */
export interface HolidayYearFile {
  year: number;
  /** gov.cn notice URLs the data comes from. */
  papers: string[];
  days: HolidayDay[];
}

/** Result of validating untrusted data. */
export type CalendarValidation<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Thrown by {@link createCalendar} when the year files are malformed or contradict each other. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}

/**
 * A working-day calendar (行政许可法 art. 82: limits are counted in working days).
 *
 * Working day = Monday–Friday, minus the State Council's holidays, plus its adjusted working days.
 * Dates outside the loaded years fall back to Monday–Friday; {@link isCovered} and
 * {@link uncoveredDaysBetween} let callers report that instead of guessing silently.
 *
 * Every method is O(1): a prefix count of working days over the loaded range and a closed
 * Mon–Fri formula outside it.
 */
export interface WorkingCalendar {
  /** First day (1 January of the earliest year with data). `coveredFrom > coveredTo` when no year has data. */
  readonly coveredFrom: DayIndex;
  /** Last day (31 December of the latest year with data). */
  readonly coveredTo: DayIndex;
  /** Years with official data, ascending. Years between them without data are gaps (not covered). */
  readonly coveredYears: readonly number[];
  /** Whether the day is a working day (Mon–Fri fallback when not covered). */
  isWorkingDay(d: DayIndex): boolean;
  /** Whether the day's status comes from official data. */
  isCovered(d: DayIndex): boolean;
  /**
   * The n-th working day strictly after `d` (n ≥ 1); for n = 0, `d` itself when it is a working
   * day, else the next working day; for n ≤ −1, the |n|-th working day strictly before `d`.
   */
  addWorkingDays(d: DayIndex, n: number): DayIndex;
  /**
   * Working days in the half-open range (fromExclusive, toInclusive]. Signed: when
   * `toInclusive < fromExclusive` the result is minus the count in (toInclusive, fromExclusive].
   */
  countWorkingDays(fromExclusive: DayIndex, toInclusive: DayIndex): number;
  /**
   * Rank of a day: the (signed) number of working days before `d`, counted from a fixed origin.
   * Differences of ranks are counts; used for O(1) searches by the time-limit core.
   */
  workingRank(d: DayIndex): number;
  /** The working day whose rank is `r` (inverse of {@link workingRank} on working days). */
  workingDayOfRank(r: number): DayIndex;
  /** Number of civil days in [from, to] (inclusive) whose status is a Mon–Fri fallback. */
  uncoveredDaysBetween(from: DayIndex, to: DayIndex): number;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Validate one year file in the holiday-cn format. Dates must be real `YYYY-MM-DD` dates in the
 * notice year or in the previous December (where the State Council places New Year 调休 days).
 */
export function validateHolidayYearFile(raw: unknown): CalendarValidation<HolidayYearFile> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: '节假日文件须为 JSON 对象 (holiday file must be a JSON object)' };
  }
  const o = raw as Record<string, unknown>;
  const year = o['year'];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 9998) {
    return {
      ok: false,
      reason: `年份无效 (year must be an integer ≥ 1990, got ${describe(year)})`,
    };
  }
  const papers = o['papers'];
  if (!Array.isArray(papers) || !papers.every((p) => typeof p === 'string')) {
    return {
      ok: false,
      reason: `${year}: papers 须为字符串数组 (papers must be an array of strings)`,
    };
  }
  const daysRaw = o['days'];
  if (!Array.isArray(daysRaw)) {
    return { ok: false, reason: `${year}: days 须为数组 (days must be an array)` };
  }
  const lowest = dayFromCivil(year - 1, 12, 1);
  const highest = dayFromCivil(year, 12, 31);
  const seen = new Map<DayIndex, boolean>();
  const days: HolidayDay[] = [];
  for (let i = 0; i < daysRaw.length; i++) {
    const e: unknown = daysRaw[i];
    if (typeof e !== 'object' || e === null) {
      return { ok: false, reason: `${year}: days[${i}] 不是对象 (not an object)` };
    }
    const r = e as Record<string, unknown>;
    const { name, date, isOffDay } = r;
    if (typeof name !== 'string') {
      return { ok: false, reason: `${year}: days[${i}].name 须为字符串 (name must be a string)` };
    }
    if (typeof isOffDay !== 'boolean') {
      return {
        ok: false,
        reason: `${year}: days[${i}].isOffDay 须为布尔值 (isOffDay must be a boolean)`,
      };
    }
    const d = typeof date === 'string' ? parseIsoDate(date) : null;
    if (d === null || typeof date !== 'string') {
      return {
        ok: false,
        reason: `${year}: days[${i}].date 不是有效日期 (not a YYYY-MM-DD date: ${describe(date)})`,
      };
    }
    if (d < lowest || d > highest) {
      return {
        ok: false,
        reason: `${year}: 日期 ${date} 不属于该年度安排 (date outside ${year - 1}-12..${year}-12)`,
      };
    }
    const prev = seen.get(d);
    if (prev !== undefined && prev !== isOffDay) {
      return {
        ok: false,
        reason: `${year}: 日期 ${date} 重复且矛盾 (listed as both off and working)`,
      };
    }
    seen.set(d, isOffDay);
    days.push({ name, date, isOffDay });
  }
  return { ok: true, value: { year, papers: [...papers] as string[], days } };
}

/** Signed count of Mon–Fri days before Monday-anchored offset `y` (y = 0 is Monday 1969-12-29). */
function monFriRank(y: number): number {
  const q = Math.floor(y / 7);
  const m = y - q * 7;
  return 5 * q + (m < 5 ? m : 5);
}

/** Inverse of {@link monFriRank} on Mon–Fri days. */
function monFriOfRank(r: number): number {
  const q = Math.floor(r / 5);
  return 7 * q + (r - q * 5);
}

/** Day 0 (Thursday 1970-01-01) is 3 days after Monday 1969-12-29. */
const MONDAY_SHIFT = 3;

const WORKING = 1;
const COVERED = 2;

/**
 * Build a working-day calendar from any set of official year files (validated; a newer year can
 * be added by an administrator). A year counts as covered when its file lists at least one day;
 * holiday-cn ships empty placeholders for years without a notice yet (e.g. 2027).
 *
 * @throws CalendarDataError with a readable reason when a file is malformed, a year is given
 *   twice, or two files disagree about a date.
 */
export function createCalendar(files: readonly unknown[]): WorkingCalendar {
  const overrides = new Map<DayIndex, boolean>();
  const years = new Set<number>();
  const coveredYears: number[] = [];
  for (const raw of files) {
    const v = validateHolidayYearFile(raw);
    if (!v.ok) throw new CalendarDataError(v.reason);
    const f = v.value;
    if (years.has(f.year)) {
      throw new CalendarDataError(`年份 ${f.year} 重复 (year ${f.year} given twice)`);
    }
    years.add(f.year);
    if (f.days.length > 0) coveredYears.push(f.year);
    for (const day of f.days) {
      const d = parseIsoDate(day.date) as DayIndex;
      const prev = overrides.get(d);
      if (prev !== undefined && prev !== day.isOffDay) {
        throw new CalendarDataError(`日期 ${day.date} 在不同年度文件中矛盾 (conflicting entries)`);
      }
      overrides.set(d, day.isOffDay);
    }
  }
  coveredYears.sort((a, b) => a - b);
  const firstYear = coveredYears[0];
  const lastYear = coveredYears[coveredYears.length - 1];
  const coveredFrom = firstYear === undefined ? 1 : dayFromCivil(firstYear, 1, 1);
  const coveredTo = lastYear === undefined ? 0 : dayFromCivil(lastYear, 12, 31);

  // The table spans the covered years plus any listed date just outside them (e.g. the December
  // before the first year), so official data is used wherever it exists.
  let base = coveredFrom;
  let end = coveredTo;
  for (const d of overrides.keys()) {
    if (base > end) {
      base = d;
      end = d;
    }
    if (d < base) base = d;
    if (d > end) end = d;
  }
  if (base > end) return mondayToFridayCalendar(coveredYears);

  const n = end - base + 1;
  const flags = new Uint8Array(n);
  const coveredSet = new Set(coveredYears);
  for (let i = 0; i < n; i++) {
    const d = base + i;
    const wd = weekdayOf(d);
    const o = overrides.get(d);
    const working = o === undefined ? wd >= 1 && wd <= 5 : !o;
    flags[i] = working ? WORKING : 0;
  }
  for (const y of coveredSet) {
    const from = dayFromCivil(y, 1, 1) - base;
    const to = dayFromCivil(y, 12, 31) - base;
    for (let i = Math.max(0, from); i <= to && i < n; i++) flags[i] = (flags[i] ?? 0) | COVERED;
  }
  // cum[i] = working days in [base, base + i); covCum[i] likewise for covered days.
  const cum = new Int32Array(n + 1);
  const covCum = new Int32Array(n + 1);
  let workingTotal = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i] ?? 0;
    cum[i + 1] = (cum[i] ?? 0) + (f & WORKING);
    covCum[i + 1] = (covCum[i] ?? 0) + ((f & COVERED) >> 1);
    workingTotal += f & WORKING;
  }
  const workList = new Int32Array(workingTotal);
  for (let i = 0, k = 0; i < n; i++) if ((flags[i] ?? 0) & WORKING) workList[k++] = i;

  const rankBase = monFriRank(base + MONDAY_SHIFT);
  const rankEnd = rankBase + workingTotal; // rank of day end + 1
  const afterShift = rankEnd - monFriRank(end + 1 + MONDAY_SHIFT);

  const workingRank = (x: DayIndex): number => {
    if (x <= base) return monFriRank(x + MONDAY_SHIFT);
    if (x <= end + 1) return rankBase + (cum[x - base] as number);
    return monFriRank(x + MONDAY_SHIFT) + afterShift;
  };
  const workingDayOfRank = (r: number): DayIndex => {
    if (r < rankBase) return monFriOfRank(r) - MONDAY_SHIFT;
    if (r < rankEnd) return base + (workList[r - rankBase] as number);
    return monFriOfRank(r - afterShift) - MONDAY_SHIFT;
  };
  const isWorkingDay = (d: DayIndex): boolean => {
    if (d >= base && d <= end) return ((flags[d - base] as number) & WORKING) !== 0;
    const wd = weekdayOf(d);
    return wd >= 1 && wd <= 5;
  };
  const isCovered = (d: DayIndex): boolean =>
    d >= base && d <= end && ((flags[d - base] as number) & COVERED) !== 0;
  const coveredBefore = (x: DayIndex): number => {
    // covered days in [base, x)
    if (x <= base) return 0;
    if (x > end + 1) return covCum[n] as number;
    return covCum[x - base] as number;
  };
  return {
    coveredFrom,
    coveredTo,
    coveredYears,
    isWorkingDay,
    isCovered,
    workingRank,
    workingDayOfRank,
    countWorkingDays: (fromExclusive, toInclusive) =>
      workingRank(toInclusive + 1) - workingRank(fromExclusive + 1),
    addWorkingDays: (d, k) => {
      if (k >= 1) return workingDayOfRank(workingRank(d + 1) + k - 1);
      if (k === 0) return isWorkingDay(d) ? d : workingDayOfRank(workingRank(d + 1));
      return workingDayOfRank(workingRank(d) + k);
    },
    uncoveredDaysBetween: (from, to) =>
      to < from ? 0 : to - from + 1 - (coveredBefore(to + 1) - coveredBefore(from)),
  };
}

/** The fallback calendar when no year has data: plain Monday–Friday, nothing covered. */
function mondayToFridayCalendar(coveredYears: number[]): WorkingCalendar {
  const workingRank = (x: DayIndex): number => monFriRank(x + MONDAY_SHIFT);
  const workingDayOfRank = (r: number): DayIndex => monFriOfRank(r) - MONDAY_SHIFT;
  const isWorkingDay = (d: DayIndex): boolean => {
    const wd = weekdayOf(d);
    return wd >= 1 && wd <= 5;
  };
  return {
    coveredFrom: 1,
    coveredTo: 0,
    coveredYears,
    isWorkingDay,
    isCovered: () => false,
    workingRank,
    workingDayOfRank,
    countWorkingDays: (a, b) => workingRank(b + 1) - workingRank(a + 1),
    addWorkingDays: (d, k) => {
      if (k >= 1) return workingDayOfRank(workingRank(d + 1) + k - 1);
      if (k === 0) return isWorkingDay(d) ? d : workingDayOfRank(workingRank(d + 1));
      return workingDayOfRank(workingRank(d) + k);
    },
    uncoveredDaysBetween: (from, to) => (to < from ? 0 : to - from + 1),
  };
}
