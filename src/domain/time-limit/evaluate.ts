import type { WorkingCalendar } from '../calendar/calendar';
import { shanghaiDayOf, type DayIndex } from '../calendar/day';
import { SuspendedIntervals } from './suspensions';
import {
  DEFAULT_WARNING_THRESHOLDS,
  type CaseEvaluation,
  type CaseInput,
  type WarningLevel,
  type WarningThresholds,
} from './types';

// The suspension intervals of the case being evaluated, reused across calls so that evaluating a
// million cases allocates nothing but the result objects. Evaluation is synchronous, so sharing
// is safe; this instance is private to evaluateCase (other users keep their own).
const iv = new SuspendedIntervals();

/** Signed counted days from `from` to `to`: counted days in (from, to], or minus those in (to, from]. */
function signedCounted(cal: WorkingCalendar, from: DayIndex, to: DayIndex): number {
  if (to >= from) return cal.countWorkingDays(from, to) - iv.suspendedIn(from, to);
  // `0 - x` rather than `-x`: never produce -0, which would leak into JSON and equality checks.
  return 0 - (cal.countWorkingDays(to, from) - iv.suspendedIn(to, from));
}

/** Deadline day of a limit of `n` working days after acceptance day `a` (DOMAIN.md rule 2, 3). */
function limitDue(cal: WorkingCalendar, a: DayIndex, n: number): DayIndex {
  if (n >= 1) return iv.nthCountedDay(a, n);
  // 即办件: the acceptance day itself when it is a working (and not suspended) day, else the
  // next counted day — "first counted day on or after the acceptance day".
  return iv.nthCountedDay(cal.isWorkingDay(a) ? a - 1 : a, 1);
}

/**
 * Evaluate one case's time limits and warning level as of an instant (DOMAIN.md "Time limits" and
 * "Warnings"; the rules as implemented, with their legal sources, are in docs/rules.md).
 *
 * Pure and O(number of suspensions): calendar arithmetic is O(1), and the only allocation is the
 * returned object. Completions, suspension starts and ends after `asOfMs` are not yet known and
 * are ignored, so the result is what a supervisor would have seen at that instant.
 *
 * @param c a validated case (see `parseCaseRecord` in src/feeds for the boundary checks)
 * @param asOfMs the instant to evaluate at (epoch ms)
 * @param cal the working-day calendar
 * @param t warning thresholds (default: early warning at ≤ 2 remaining working days)
 */
export function evaluateCase(
  c: CaseInput,
  asOfMs: number,
  cal: WorkingCalendar,
  t: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): CaseEvaluation {
  // 1. Suspension intervals (申请天数 cap applied, merged) and what is known as of as-of.
  iv.load(c, asOfMs, cal);
  const a = iv.acceptedDay;
  const completed = iv.completed;
  const completedAt = c.completedAt;
  const endInstant = completed && completedAt !== null ? completedAt : asOfMs;
  // Completion day, else the as-of day; never before acceptance (a case not yet accepted as of
  // as-of has nothing elapsed).
  const e = iv.endDay;
  const overrun = iv.overrunDays;

  // 2. Elapsed and suspended days (day 1 = first working day after the acceptance day).
  const suspendedDays = iv.suspendedIn(a, e);
  const elapsedDays = cal.countWorkingDays(a, e) - suspendedDays;

  // 3. Deadlines. When only one limit is given it serves as both.
  const dueAt = c.dueAt;
  const committedLimit = dueAt !== null ? null : (c.committedLimitDays ?? c.statutoryLimitDays);
  if (dueAt === null && committedLimit === null) {
    // Contract violation: parseCaseRecord rejects such records at the boundary.
    throw new RangeError(`case '${c.id}' has no limit and no dueAt`);
  }
  const statutoryLimit = c.statutoryLimitDays ?? (dueAt !== null ? null : committedLimit);

  let committedDue: DayIndex;
  let overdue: boolean;
  let committedPassDay: DayIndex;
  if (dueAt !== null) {
    committedDue = shanghaiDayOf(dueAt);
    overdue = endInstant > dueAt;
    committedPassDay = shanghaiDayOf(dueAt + 1);
  } else {
    committedDue = limitDue(cal, a, committedLimit as number);
    overdue = e > committedDue;
    committedPassDay = committedDue + 1;
  }
  let statutoryDue: DayIndex;
  let statutoryOverdue: boolean;
  let statutoryPassDay: DayIndex;
  if (statutoryLimit === null) {
    statutoryDue = committedDue;
    statutoryOverdue = overdue;
    statutoryPassDay = committedPassDay;
  } else {
    statutoryDue =
      statutoryLimit === committedLimit ? committedDue : limitDue(cal, a, statutoryLimit);
    statutoryOverdue = e > statutoryDue;
    statutoryPassDay = statutoryDue + 1;
  }

  const remainingDays = signedCounted(cal, e, committedDue);
  const statutoryRemainingDays =
    statutoryDue === committedDue ? remainingDays : signedCounted(cal, e, statutoryDue);
  const overdueDays = remainingDays < 0 ? -remainingDays : 0;
  const statutoryOverdueDays = statutoryRemainingDays < 0 ? -statutoryRemainingDays : 0;

  // 4. Completed: on time / early / late against the committed deadline.
  const immediate = committedLimit === 0;
  const onTime = completed ? !overdue : null;
  const late = completed ? overdue : null;
  const early = completed ? !overdue && !immediate && remainingDays > 0 : null;

  // 5. Warning level and the day it was first earned.
  let level: WarningLevel = 'normal';
  let levelSince: DayIndex | null = null;
  const redSince = statutoryOverdue ? statutoryPassDay : null;
  const yellowSince =
    overdue && (!statutoryOverdue || committedPassDay < statutoryPassDay) ? committedPassDay : null;
  if (statutoryOverdue) {
    level = 'red';
    levelSince = redSince;
  } else if (overdue) {
    level = 'yellow';
    levelSince = yellowSince;
  } else if (!completed && !immediate && elapsedDays >= 1 && remainingDays <= t.earlyWarningDays) {
    level = 'early-warning';
    const firstCounted = iv.nthCountedDay(a, 1);
    if (committedLimit !== null) {
      levelSince = iv.nthCountedDay(a, Math.max(1, committedLimit - t.earlyWarningDays));
    } else {
      // dueAt: first day with at most `earlyWarningDays` working days left up to the due day.
      const r = cal.workingRank(committedDue + 1) - t.earlyWarningDays;
      const d = cal.workingDayOfRank(r - 1);
      levelSince = d > firstCounted ? d : firstCounted;
    }
  }

  const spanTo = Math.max(e, committedDue, statutoryDue);
  return {
    completed,
    acceptedDay: a,
    endDay: e,
    committedLimitDays: committedLimit,
    statutoryLimitDays: statutoryLimit,
    committedDue,
    committedDueAt: dueAt,
    statutoryDue,
    statutoryDueAt: statutoryLimit === null ? dueAt : null,
    elapsedDays,
    remainingDays,
    statutoryRemainingDays,
    suspendedDays,
    overdue,
    overdueDays,
    statutoryOverdue,
    statutoryOverdueDays,
    onTime,
    early,
    late,
    level,
    levelSince,
    yellowSince,
    redSince,
    suspensionOverrunDays: overrun,
    suspensionOverrun: overrun > 0,
    spanFrom: a,
    spanTo,
    usesUncoveredDates: cal.uncoveredDaysBetween(a, spanTo) > 0,
  };
}
