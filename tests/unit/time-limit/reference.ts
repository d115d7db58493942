import { shanghaiDayOf, type DayIndex, type WorkingCalendar } from '../../../src/domain/calendar';
import type { CaseInput, WarningLevel } from '../../../src/domain/time-limit';

/**
 * A deliberately naive day-by-day model of DOMAIN.md's rules, used only as a test oracle for
 * the O(1) implementation. It walks civil days one at a time and keeps suspended days in a Set.
 */
export interface ReferenceResult {
  committedDue: DayIndex;
  statutoryDue: DayIndex;
  elapsedDays: number;
  suspendedDays: number;
  remainingDays: number;
  overdueDays: number;
  onTime: boolean | null;
  early: boolean | null;
  level: WarningLevel;
  levelSince: DayIndex | null;
  suspensionOverrunDays: number;
}

export function referenceEvaluate(
  c: CaseInput,
  asOfMs: number,
  cal: WorkingCalendar,
  earlyWarningDays = 2,
): ReferenceResult {
  const a = shanghaiDayOf(c.acceptedAt);
  const completed = c.completedAt !== null && c.completedAt <= asOfMs;
  const endInstant = completed ? (c.completedAt as number) : asOfMs;
  const e = Math.max(shanghaiDayOf(endInstant), a);

  const suspended = new Set<DayIndex>();
  let overrun = 0;
  for (const s of c.suspensions) {
    if (completed ? s.startAt > endInstant : shanghaiDayOf(s.startAt) > shanghaiDayOf(asOfMs))
      continue;
    let last: DayIndex; // last suspended civil day, inclusive
    if (s.endAt !== null && s.endAt <= endInstant) last = shanghaiDayOf(s.endAt) - 1;
    else last = completed ? shanghaiDayOf(endInstant) - 1 : shanghaiDayOf(asOfMs);
    // 申请天数 are spent only on days the clock would otherwise run: working days after the
    // acceptance day. The acceptance day and earlier days are suspended without spending them
    // (they are never counted; it matters only for a 即办件's acceptance day).
    let left = s.approvedDays;
    for (let d = shanghaiDayOf(s.startAt); d <= last; d++) {
      if (!cal.isWorkingDay(d)) continue;
      if (left === null || d <= a) suspended.add(d);
      else if (left > 0) {
        left--;
        suspended.add(d);
      } else overrun++;
    }
  }
  const counted = (d: DayIndex): boolean => cal.isWorkingDay(d) && !suspended.has(d);
  const nth = (from: DayIndex, n: number): DayIndex => {
    let d = from;
    for (let k = 0; k < n;) {
      d++;
      if (counted(d)) k++;
    }
    return d;
  };
  const countedIn = (lo: DayIndex, hi: DayIndex): number => {
    let k = 0;
    for (let d = lo + 1; d <= hi; d++) if (counted(d)) k++;
    return k;
  };
  const dueOf = (n: number): DayIndex => {
    if (n > 0) return nth(a, n);
    return cal.isWorkingDay(a) && !suspended.has(a) ? a : nth(a, 1);
  };

  let elapsed = 0;
  let susp = 0;
  for (let d = a + 1; d <= e; d++) {
    if (!cal.isWorkingDay(d)) continue;
    if (suspended.has(d)) susp++;
    else elapsed++;
  }

  const limitBased = c.dueAt === null;
  const committedLimit = limitBased ? (c.committedLimitDays ?? c.statutoryLimitDays ?? 0) : null;
  const statutoryLimit = c.statutoryLimitDays ?? committedLimit;
  const committedDue = limitBased
    ? dueOf(committedLimit as number)
    : shanghaiDayOf(c.dueAt as number);
  const statutoryDue = statutoryLimit === null ? committedDue : dueOf(statutoryLimit);
  const overdue = limitBased ? e > committedDue : endInstant > (c.dueAt as number);
  const statOverdue = statutoryLimit === null ? overdue : e > statutoryDue;
  const remaining = e <= committedDue ? countedIn(e, committedDue) : 0 - countedIn(committedDue, e);
  const immediate = committedLimit === 0;

  let level: WarningLevel = 'normal';
  let levelSince: DayIndex | null = null;
  if (statOverdue) {
    level = 'red';
    levelSince =
      statutoryLimit === null ? shanghaiDayOf((c.dueAt as number) + 1) : statutoryDue + 1;
  } else if (overdue) {
    level = 'yellow';
    levelSince = limitBased ? committedDue + 1 : shanghaiDayOf((c.dueAt as number) + 1);
  } else if (!completed && !immediate && elapsed >= 1 && remaining <= earlyWarningDays) {
    level = 'early-warning';
    // First day x after acceptance with ≥ 1 counted day and at most `earlyWarningDays` left.
    for (let x = a + 1; x <= e; x++) {
      const el = countedIn(a, x);
      const rem = limitBased ? (committedLimit as number) - el : workingIn(cal, x, committedDue);
      if (el >= 1 && rem <= earlyWarningDays) {
        levelSince = x;
        break;
      }
    }
  }
  return {
    committedDue,
    statutoryDue,
    elapsedDays: elapsed,
    suspendedDays: susp,
    remainingDays: remaining,
    overdueDays: remaining < 0 ? -remaining : 0,
    onTime: completed ? !overdue : null,
    // Literal DOMAIN.md: early = completed with elapsed < committed limit (dueAt: a day to spare).
    early: completed
      ? limitBased
        ? elapsed < (committedLimit as number)
        : !overdue && remaining > 0
      : null,
    level,
    levelSince,
    suspensionOverrunDays: overrun,
  };
}

function workingIn(cal: WorkingCalendar, lo: DayIndex, hi: DayIndex): number {
  let k = 0;
  for (let d = lo + 1; d <= hi; d++) if (cal.isWorkingDay(d)) k++;
  return k;
}
