import type { WorkingCalendar } from '../calendar/calendar';
import { shanghaiDayOf, type DayIndex } from '../calendar/day';
import type { CaseInput } from './types';

/**
 * The suspended working days of one case as of an instant (DOMAIN.md "Time limits" rule 3, the
 * 申请天数 cap under "Warnings"; docs/rules.md §3): the one place these rules are implemented.
 * `evaluateCase` and the slow-action rules both read their suspended days from it.
 *
 * A reusable structure rather than a result object so that evaluating a million cases allocates
 * nothing: {@link SuspendedIntervals.load} overwrites the previous case's state and reuses its
 * buffers, and a case without suspensions touches no buffer at all. Each user keeps its own
 * instance (a structure is not re-entrant; everything is synchronous, so one instance per module
 * is safe within a thread / Web Worker).
 *
 * After `load(c, asOfMs, cal)`:
 * - `start[i]`, `end[i]` for `i < count` are the merged suspended intervals `[start, end)` in
 *   civil days — sorted, disjoint, non-adjacent, never before the acceptance day, after the
 *   `approvedDays` cap. Non-working days inside an interval are not suspended days (they never
 *   count anyway); only working days are ever counted.
 * - `overrunDays` etc. describe the working days beyond `approvedDays` (they count against the
 *   clock again), restricted to days after the acceptance day.
 */
/**
 * The end (exclusive civil day) of a suspension's approved allowance (申请天数, DOMAIN.md
 * "Warnings" and its clarification; docs/rules.md §3.7): a suspension starting on civil day
 * `startDay` of a case accepted on `acceptedDay` suspends, of its own days, those before
 * the returned day; working days from it on count against the clock again (overrun).
 *
 * The allowance is spent only on days the clock would otherwise run: working days strictly
 * after the acceptance day (民法典 art. 201: the acceptance day is never counted), so a
 * suspension starting on or before the acceptance day spends none of it until day 1. The
 * acceptance day and earlier days of such a suspension stay suspended without spending it (that
 * matters only for a 即办件, whose acceptance day can be its deadline). `approvedDays` ≤ 0
 * allows no day after acceptance.
 *
 * The result is always after the acceptance day.
 */
export function approvedEndDay(
  startDay: DayIndex,
  acceptedDay: DayIndex,
  approvedDays: number,
  cal: WorkingCalendar,
): DayIndex {
  // The allowance runs over working days strictly after `base`.
  const base = startDay - 1 > acceptedDay ? startDay - 1 : acceptedDay;
  return approvedDays <= 0 ? base + 1 : cal.addWorkingDays(base, approvedDays) + 1;
}

export class SuspendedIntervals {
  /** Interval starts (civil days, inclusive); only the first {@link count} entries are meaningful. */
  start: Int32Array = new Int32Array(16);
  /** Interval ends (civil days, exclusive); only the first {@link count} entries are meaningful. */
  end: Int32Array = new Int32Array(16);
  /** Number of merged intervals loaded. */
  count = 0;
  /** Civil day of acceptance. */
  acceptedDay: DayIndex = 0;
  /** Civil day of the as-of instant. */
  asOfDay: DayIndex = 0;
  /** Completed at or before the as-of instant (a later completion is not known yet). */
  completed = false;
  /** Last day counted: the completion day, else the as-of day, never before acceptance. */
  endDay: DayIndex = 0;
  /**
   * Working days beyond the suspensions' `approvedDays`, after the acceptance day, over all
   * suspensions (a day two overrunning suspensions share is counted for each, as before).
   */
  overrunDays = 0;
  /** Earliest working day counted as overrun (always after the acceptance day), or `null`. */
  overrunFirstDay: DayIndex | null = null;
  /** Index in `c.suspensions` of the suspension whose overrun starts first, or −1. */
  overrunIndex = -1;
  /** Number of suspensions that ran beyond their `approvedDays`. */
  overrunSuspensions = 0;
  /** The calendar of the last load; the query methods use it. */
  private cal: WorkingCalendar | null = null;

  /**
   * Load a case's suspensions as of `asOfMs`:
   * - a suspension from S to E suspends the civil days [day(S), day(E));
   * - not known yet: for an open case, one starting after the as-of **day** (one starting later
   *   on the as-of day already suspends it, so elapsed never goes down as as-of moves on); for a
   *   case completed by as-of, one starting after the completion instant;
   * - still running as of as-of (open case): runs through the as-of day; still running at
   *   completion (or ending after it): ends on the completion day, which was worked;
   * - `approvedDays` ({@link approvedEndDay}): the allowance is spent only on days the clock
   *   would otherwise run — working days after the acceptance day, from the suspension's start —
   *   so a suspension starting on (or before) the acceptance day keeps its whole allowance for
   *   day 1 on; later working days count again and are tallied as overrun;
   * - days before acceptance are dropped (they never count anyway); overlapping or adjacent
   *   intervals are merged so a day counts once.
   *
   * O(s²) in the number of suspensions s (insertion sort; cases carry few), O(1) calendar work
   * each. Allocates only when a case has more suspensions than any before it.
   */
  load(c: CaseInput, asOfMs: number, cal: WorkingCalendar): this {
    this.cal = cal;
    const a = shanghaiDayOf(c.acceptedAt);
    const asOfDay = shanghaiDayOf(asOfMs);
    const completedAt = c.completedAt;
    const completed = completedAt !== null && completedAt <= asOfMs;
    const completedDay = completed ? shanghaiDayOf(completedAt) : 0;
    this.acceptedDay = a;
    this.asOfDay = asOfDay;
    this.completed = completed;
    this.endDay = Math.max(completed ? completedDay : asOfDay, a);
    this.count = 0;
    this.overrunDays = 0;
    this.overrunFirstDay = null;
    this.overrunIndex = -1;
    this.overrunSuspensions = 0;
    const sus = c.suspensions;
    const n = sus.length;
    if (n === 0) return this;

    if (n > this.start.length) {
      const size = Math.max(n, this.start.length * 2);
      this.start = new Int32Array(size);
      this.end = new Int32Array(size);
    }
    const ivStart = this.start;
    const ivEnd = this.end;
    const endInstant = completed ? completedAt : asOfMs;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const s = sus[i];
      if (s === undefined) continue;
      const sd = shanghaiDayOf(s.startAt);
      if (completed ? s.startAt > endInstant : sd > asOfDay) continue;
      let ed: DayIndex;
      if (completed) {
        ed = s.endAt === null ? completedDay : Math.min(shanghaiDayOf(s.endAt), completedDay);
      } else {
        ed = s.endAt === null || s.endAt > asOfMs ? asOfDay + 1 : shanghaiDayOf(s.endAt);
      }
      const approved = s.approvedDays;
      if (approved !== null && ed > sd) {
        // Only the first `approved` working days after the acceptance day are suspended.
        const capEnd = approvedEndDay(sd, a, approved, cal);
        if (ed > capEnd) {
          // Overrun = working days in [capEnd, ed); capEnd is after the acceptance day, so these
          // are all days the clock counts "again".
          this.tallyOverrun(cal, i, capEnd - 1, ed - 1);
          ed = capEnd;
        }
      }
      const st = sd < a ? a : sd; // days before acceptance never count anyway
      if (ed <= st) continue;
      // Insertion sort by start.
      let j = count;
      while (j > 0 && (ivStart[j - 1] as number) > st) {
        ivStart[j] = ivStart[j - 1] as number;
        ivEnd[j] = ivEnd[j - 1] as number;
        j--;
      }
      ivStart[j] = st;
      ivEnd[j] = ed;
      count++;
    }
    // Merge overlapping or adjacent intervals so a day is counted once.
    if (count > 1) {
      let w = 0;
      for (let i = 1; i < count; i++) {
        const s = ivStart[i] as number;
        const en = ivEnd[i] as number;
        if (s <= (ivEnd[w] as number)) {
          if (en > (ivEnd[w] as number)) ivEnd[w] = en;
        } else {
          w++;
          ivStart[w] = s;
          ivEnd[w] = en;
        }
      }
      count = w + 1;
    }
    this.count = count;
    return this;
  }

  /** Record suspension `i`'s overrun: the working days in (from, to] (none when to ≤ from). */
  private tallyOverrun(cal: WorkingCalendar, i: number, from: DayIndex, to: DayIndex): void {
    const over = cal.countWorkingDays(from, to);
    if (over <= 0) return;
    this.overrunDays += over;
    this.overrunSuspensions++;
    const first = cal.addWorkingDays(from, 1);
    if (this.overrunFirstDay === null || first < this.overrunFirstDay) {
      this.overrunFirstDay = first;
      this.overrunIndex = i;
    }
  }

  private calendar(): WorkingCalendar {
    const cal = this.cal;
    if (cal === null) throw new Error('SuspendedIntervals: load() a case first');
    return cal;
  }

  /** Suspended working days in (lo, hi]. */
  suspendedIn(lo: DayIndex, hi: DayIndex): number {
    const n = this.count;
    if (n === 0) return 0;
    const cal = this.calendar();
    let total = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.max(this.start[i] as number, lo + 1);
      const b = Math.min((this.end[i] as number) - 1, hi);
      if (b >= a) total += cal.countWorkingDays(a - 1, b);
    }
    return total;
  }

  /** Counted (working, not suspended) days in (lo, hi]; 0 when hi ≤ lo. */
  countedIn(lo: DayIndex, hi: DayIndex): number {
    if (hi <= lo) return 0;
    return this.calendar().countWorkingDays(lo, hi) - this.suspendedIn(lo, hi);
  }

  /** The n-th (n ≥ 1) counted day strictly after `from`. */
  nthCountedDay(from: DayIndex, n: number): DayIndex {
    const cal = this.calendar();
    let cursor = from;
    let rem = n;
    for (let i = 0; i < this.count; i++) {
      const s = this.start[i] as number;
      const last = (this.end[i] as number) - 1;
      if (last <= cursor) continue;
      if (s - 1 > cursor) {
        const w = cal.countWorkingDays(cursor, s - 1);
        if (w >= rem) return cal.addWorkingDays(cursor, rem);
        rem -= w;
      }
      cursor = last;
    }
    return cal.addWorkingDays(cursor, rem);
  }

  /** The n-th (n ≥ 1) suspended working day strictly after `from`, or `null` when fewer exist. */
  nthSuspendedDay(from: DayIndex, n: number): DayIndex | null {
    const cal = this.calendar();
    let rem = n;
    for (let i = 0; i < this.count; i++) {
      const a = Math.max(this.start[i] as number, from + 1);
      const b = (this.end[i] as number) - 1;
      if (b < a) continue;
      const w = cal.countWorkingDays(a - 1, b);
      if (w >= rem) return cal.addWorkingDays(a - 1, rem);
      rem -= w;
    }
    return null;
  }
}
