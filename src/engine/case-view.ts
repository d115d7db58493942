/**
 * The case page's view model (办件详情): its steps (环节流转) and suspensions (暂停计时) placed on a
 * working-day axis, with both deadlines and the as-of instant. Pure: the page passes the feed
 * records, the model row and the settings' calendar. Day counts come from the calendar and from
 * the time-limit core's SuspendedIntervals, so the axis agrees with the figures of the model row.
 */
import {
  isoFromDay,
  MS_PER_DAY,
  shanghaiDayOf,
  shanghaiStartOfDay,
  type DayIndex,
  type WorkingCalendar,
} from '../domain/calendar';
import { approvedEndDay, SuspendedIntervals, type CaseInput } from '../domain/time-limit';
import type { CaseStatusRow } from './dashboard';

/** How many indexes {@link indexById} and {@link indexPositionById} have built (not counting hits). */
export const indexBuilds = { count: 0 };

const byIdCache = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();

/**
 * Records by id, once per records array (feed snapshots are immutable, so the index is cached by
 * identity and shared by every case page).
 */
export function indexById<T extends { id: string }>(records: readonly T[]): ReadonlyMap<string, T> {
  const hit = byIdCache.get(records);
  if (hit) return hit as ReadonlyMap<string, T>;
  indexBuilds.count++;
  const map = new Map<string, T>();
  for (const r of records) map.set(r.id, r);
  byIdCache.set(records, map);
  return map;
}

const positionCache = new WeakMap<readonly { id: string }[], ReadonlyMap<string, number>>();

/**
 * Position of each record by id, cached per records array like {@link indexById}. The case page
 * reads a case's record and its evaluated row through one such map: the model's rows are built
 * one per case at the case's position (src/engine/dashboard.ts), so a second map by id over a
 * million rows (≈ 50 MB) is only built when a model is not laid out that way.
 */
export function indexPositionById(records: readonly { id: string }[]): ReadonlyMap<string, number> {
  const hit = positionCache.get(records);
  if (hit) return hit;
  indexBuilds.count++;
  const map = new Map<string, number>();
  for (let i = 0; i < records.length; i++) map.set(records[i]!.id, i);
  positionCache.set(records, map);
  return map;
}

/** A run of non-working days (weekend, holiday) that the axis compresses to a line. */
export interface AxisGap {
  from: DayIndex;
  to: DayIndex;
  days: number;
  /** Axis position of the compressed run (between working days `x` and `x + 1`). */
  x: number;
}

/**
 * The working-day axis of one case: the acceptance day is the band [−1, 0], working day n after
 * acceptance (day 1 = first working day strictly after the acceptance day) is the band [n−1, n],
 * non-working days after acceptance take no width (they are listed as gaps).
 */
export interface WorkingDayAxis {
  acceptedDay: DayIndex;
  /** Last civil day shown. */
  lastDay: DayIndex;
  /** Working days from day 1 to `lastDay`: the axis runs from −1 to `maxX`. */
  maxX: number;
  gaps: AxisGap[];
  /** Working-day number of a day after acceptance (0 for the acceptance day and before). */
  dayNumber: (d: DayIndex) => number;
  /** The working day (civil day) with number n ≥ 1. */
  dayOfNumber: (n: number) => DayIndex;
  /** Axis position of an instant (epoch ms). */
  x: (ms: number) => number;
  /** Axis position of the end (24:00) of a civil day. */
  endOfDayX: (d: DayIndex) => number;
}

/** Builds the working-day axis from the acceptance day to `lastDay`. */
export function buildWorkingDayAxis(
  cal: WorkingCalendar,
  acceptedDay: DayIndex,
  lastDay: DayIndex,
): WorkingDayAxis {
  const a = acceptedDay;
  const last = Math.max(lastDay, a);
  const dayNumber = (d: DayIndex) => (d <= a ? 0 : cal.countWorkingDays(a, d));
  const gaps: AxisGap[] = [];
  let runStart: DayIndex | null = null;
  for (let d = a + 1; d <= last + 1; d++) {
    const off = d <= last && !cal.isWorkingDay(d);
    if (off && runStart === null) runStart = d;
    if (!off && runStart !== null) {
      gaps.push({ from: runStart, to: d - 1, days: d - runStart, x: dayNumber(runStart) });
      runStart = null;
    }
  }
  const x = (ms: number) => {
    const d = shanghaiDayOf(ms);
    if (d < a) return -1;
    const frac = (ms - shanghaiStartOfDay(d)) / MS_PER_DAY;
    if (d === a) return -1 + frac;
    const n = dayNumber(d);
    return cal.isWorkingDay(d) ? n - 1 + frac : n;
  };
  return {
    acceptedDay: a,
    lastDay: last,
    maxX: dayNumber(last),
    gaps,
    dayNumber,
    dayOfNumber: (n) => cal.addWorkingDays(a, n),
    x,
    endOfDayX: (d) => (d <= a ? 0 : dayNumber(d)),
  };
}

/** A step record as the case page needs it (the feed's CaseEvent fits). */
export interface CaseStepRecord {
  id: string;
  step: string;
  departmentId: string;
  handler: string;
  enteredAt: number;
  leftAt: number | null;
}

export interface TimelineStep {
  id: string;
  step: string;
  handler: string;
  departmentId: string;
  enteredAt: number;
  /** Null while the case is still at this step as of the as-of instant. */
  leftAt: number | null;
  x0: number;
  x1: number;
  /** Working days from the day after entering to the day it was left (or the as-of day). */
  workingDays: number;
}

export interface TimelineSuspension {
  index: number;
  kind: string;
  startAt: number;
  /** Null while it runs (as of the as-of instant). */
  endAt: number | null;
  approvedDays: number | null;
  /** Working days this suspension stopped the clock after acceptance (capped at approvedDays). */
  suspendedDays: number;
  /** Working days beyond approvedDays, counted against the clock again. */
  overrunDays: number;
  x0: number;
  x1: number;
  /** Where the approved days end on the axis, when it overran. */
  overrunX: number | null;
}

export interface DeadlineMarker {
  kind: 'committed' | 'statutory' | 'as-of' | 'completed';
  x: number;
  /** Civil day of the marker. */
  day: DayIndex;
  /** Working-day number of that day (day 1 = first working day after acceptance). */
  dayNumber: number;
}

export interface CaseTimeline {
  axis: WorkingDayAxis;
  steps: TimelineStep[];
  suspensions: TimelineSuspension[];
  /** Days on which the clock actually stopped (merged, capped), as axis ranges. */
  suspendedBands: { x0: number; x1: number; from: DayIndex; to: DayIndex }[];
  markers: DeadlineMarker[];
}

export interface CaseTimelineInput {
  caseRecord: CaseInput;
  row: CaseStatusRow;
  steps: readonly CaseStepRecord[];
  asOfMs: number;
  cal: WorkingCalendar;
}

const intervals = new SuspendedIntervals();

/**
 * Places a case's steps, suspensions and deadlines on its working-day axis. What happened after
 * the as-of instant is not known yet (as in the model): later steps are left out, a step or a
 * suspension left later is still running.
 */
export function buildCaseTimeline(input: CaseTimelineInput): CaseTimeline {
  const { caseRecord: c, row, asOfMs, cal } = input;
  const asOfDay = shanghaiDayOf(asOfMs);
  const endInstant = row.completed && row.completedAt !== null ? row.completedAt : asOfMs;
  const endDay = shanghaiDayOf(endInstant);
  const acceptedDay = shanghaiDayOf(c.acceptedAt);
  const committedDay = row.committedDue;
  const statutoryDay = row.statutoryDue;
  const lastDay = Math.max(endDay, committedDay, statutoryDay);
  const axis = buildWorkingDayAxis(cal, acceptedDay, lastDay);

  const steps: TimelineStep[] = [];
  for (const s of input.steps) {
    if (s.enteredAt > asOfMs) continue;
    const leftAt = s.leftAt !== null && s.leftAt <= asOfMs ? s.leftAt : null;
    const until = leftAt ?? endInstant;
    steps.push({
      id: s.id,
      step: s.step,
      handler: s.handler,
      departmentId: s.departmentId,
      enteredAt: s.enteredAt,
      leftAt,
      x0: axis.x(s.enteredAt),
      x1: Math.max(axis.x(s.enteredAt), axis.x(until)),
      workingDays: Math.max(
        0,
        cal.countWorkingDays(shanghaiDayOf(s.enteredAt), shanghaiDayOf(until)),
      ),
    });
  }
  steps.sort((p, q) => p.enteredAt - q.enteredAt);

  const suspensions: TimelineSuspension[] = [];
  c.suspensions.forEach((s, index) => {
    const known = row.completed ? s.startAt <= endInstant : shanghaiDayOf(s.startAt) <= asOfDay;
    if (!known) return;
    const endAt = s.endAt !== null && s.endAt <= endInstant ? s.endAt : null;
    // The time-limit core's own rules, applied to this suspension alone, give its days.
    intervals.load({ ...c, suspensions: [s] }, asOfMs, cal);
    const suspendedDays = intervals.suspendedIn(acceptedDay, endDay);
    const overrunDays = intervals.overrunDays;
    const x0 = axis.x(s.startAt);
    const x1 = Math.max(x0, axis.x(endAt ?? endInstant));
    let overrunX: number | null = null;
    if (overrunDays > 0 && s.approvedDays !== null) {
      const capEnd = approvedEndDay(shanghaiDayOf(s.startAt), acceptedDay, s.approvedDays, cal);
      overrunX = Math.max(x0, Math.min(x1, axis.endOfDayX(capEnd - 1)));
    }
    suspensions.push({
      index,
      kind: s.kind,
      startAt: s.startAt,
      endAt,
      approvedDays: s.approvedDays,
      suspendedDays,
      overrunDays,
      x0,
      x1,
      overrunX,
    });
  });

  intervals.load(c, asOfMs, cal);
  const suspendedBands: CaseTimeline['suspendedBands'] = [];
  for (let i = 0; i < intervals.count; i++) {
    const from = intervals.start[i] as number;
    const to = (intervals.end[i] as number) - 1;
    if (intervals.suspendedIn(from - 1, to) === 0) continue; // only non-working days
    suspendedBands.push({
      from,
      to,
      x0: from <= acceptedDay ? -1 : axis.dayNumber(from - 1),
      x1: axis.endOfDayX(to),
    });
  }

  const markers: DeadlineMarker[] = [
    marker('committed', row.committedDueAt, committedDay, axis),
    marker('statutory', row.statutoryDueAt, statutoryDay, axis),
  ];
  if (row.completed && row.completedAt !== null) {
    markers.push({
      kind: 'completed',
      x: axis.x(row.completedAt),
      day: endDay,
      dayNumber: axis.dayNumber(endDay),
    });
  } else {
    markers.push({
      kind: 'as-of',
      x: axis.x(asOfMs),
      day: asOfDay,
      dayNumber: axis.dayNumber(asOfDay),
    });
  }
  return { axis, steps, suspensions, suspendedBands, markers };
}

function marker(
  kind: 'committed' | 'statutory',
  dueAt: number | null,
  day: DayIndex,
  axis: WorkingDayAxis,
): DeadlineMarker {
  return {
    kind,
    // A limit runs to 24:00 of its last day; a dueAt deadline is an instant.
    x: dueAt !== null ? axis.x(dueAt) : axis.endOfDayX(day),
    day,
    dayNumber: axis.dayNumber(day),
  };
}

/** Axis tick positions: every working day on short axes, every 2/5/10/… days on long ones. */
export function axisTicks(maxX: number, maxTicks = 24): number[] {
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500];
  const step = steps.find((s) => Math.ceil(maxX / s) <= maxTicks) ?? 1000;
  const out: number[] = [];
  for (let n = step; n <= maxX; n += step) out.push(n);
  return out;
}

/** `MM-DD` of a civil day, for axis labels. */
export function monthDay(d: DayIndex): string {
  return isoFromDay(d).slice(5);
}
