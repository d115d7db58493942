/**
 * 临期突击 (deadline rush), the one department-level slow-action rule: a department that finishes
 * an unusually large share of its cases on the committed deadline day itself — work left until
 * the last moment, the pattern a supervision office reads as 慢作为 even when nothing is late.
 */
import { isoFromDay, type DayIndex } from '../calendar/day';
import type { CaseEvaluation, CaseInput } from '../time-limit/types';
import {
  DEFAULT_SLOW_ACTION_THRESHOLDS,
  slowActionRuleName,
  type SlowActionFlag,
  type SlowActionThresholds,
} from './types';

/** A case with its evaluation, as the engine holds them. */
export interface EvaluatedCase {
  c: CaseInput;
  ev: CaseEvaluation;
}

/** What 临期突击 reads of an evaluated case (every EvaluatedCase is one; a service keeps only this). */
export interface RushInput {
  c: Pick<CaseInput, 'departmentId'>;
  ev: Pick<
    CaseEvaluation,
    'completed' | 'committedLimitDays' | 'endDay' | 'committedDue' | 'acceptedDay'
  >;
}

/** A span of civil days, both ends included (e.g. a quarter). */
export interface DayPeriod {
  from: DayIndex;
  to: DayIndex;
}

/** What the 临期突击 rule counted for one department. */
export interface DeadlineRushStats {
  departmentId: string;
  /** Completed cases in the period with a committed limit ≥ `deadlineRushMinLimitDays`. */
  completed: number;
  /** Of those, completed on the committed deadline day itself. */
  onDeadlineDay: number;
  /** `onDeadlineDay / completed`, or `null` when nothing was completed. */
  share: number | null;
  /** Latest completion day among the counted cases, or `null`. */
  lastCompletionDay: DayIndex | null;
}

/**
 * Count a department's completed cases for 临期突击. A case counts when it belongs to the
 * department, is completed (as of its evaluation), has a committed limit (dueAt cases have none)
 * of at least `deadlineRushMinLimitDays`, and — when a period is given — was completed inside it.
 * Late cases count in the denominator: they too were completed cases.
 */
export function deadlineRushStats(
  departmentId: string,
  cases: Iterable<RushInput>,
  period?: DayPeriod,
  t: SlowActionThresholds = DEFAULT_SLOW_ACTION_THRESHOLDS,
): DeadlineRushStats {
  const s = emptyStats(departmentId);
  for (const { c, ev } of cases) {
    if (c.departmentId === departmentId) count(s, ev, period, t);
  }
  return s;
}

function emptyStats(departmentId: string): DeadlineRushStats {
  return { departmentId, completed: 0, onDeadlineDay: 0, share: null, lastCompletionDay: null };
}

/** Add one case of the stats' department. */
function count(
  s: DeadlineRushStats,
  ev: RushInput['ev'],
  period: DayPeriod | undefined,
  t: SlowActionThresholds,
): void {
  if (!ev.completed) return;
  const limit = ev.committedLimitDays;
  if (limit === null || limit < t.deadlineRushMinLimitDays) return;
  const day = ev.endDay; // the completion day for a completed case
  if (period !== undefined && (day < period.from || day > period.to)) return;
  s.completed++;
  if (day === ev.committedDue) s.onDeadlineDay++;
  if (s.lastCompletionDay === null || day > s.lastCompletionDay) s.lastCompletionDay = day;
  s.share = s.onDeadlineDay / s.completed;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * 临期突击 for one department: flagged when at least `deadlineRushMinCompleted` cases count (see
 * {@link deadlineRushStats}) and at least `deadlineRushShare` of them were completed on the
 * committed deadline day. `sinceDay` is the latest completion day among the counted cases (the
 * day the evidence was complete); the case id is `null`.
 */
export function flagDepartmentDeadlineRush(
  departmentId: string,
  cases: Iterable<RushInput>,
  period?: DayPeriod,
  t: SlowActionThresholds = DEFAULT_SLOW_ACTION_THRESHOLDS,
): SlowActionFlag | null {
  const s = deadlineRushStats(departmentId, cases, period, t);
  return deadlineRushFlagOf(s, period, t);
}

function deadlineRushFlagOf(
  s: DeadlineRushStats,
  period: DayPeriod | undefined,
  t: SlowActionThresholds,
): SlowActionFlag | null {
  if (s.completed === 0 || s.completed < t.deadlineRushMinCompleted || s.share === null)
    return null;
  // Compare counts, not floating shares: onDeadline ≥ share × completed (noise snapped away).
  const needed = Math.round(t.deadlineRushShare * s.completed * 1e6) / 1e6;
  if (s.onDeadlineDay < needed) return null;
  const periodNote =
    period === undefined ? '' : `${isoFromDay(period.from)} 至 ${isoFromDay(period.to)} 期间，`;
  return {
    code: 'deadline-rush',
    rule: slowActionRuleName('deadline-rush'),
    caseId: null,
    departmentId: s.departmentId,
    sinceDay: s.lastCompletionDay ?? period?.to ?? 0,
    explanation: `${periodNote}办结承诺时限不少于 ${t.deadlineRushMinLimitDays} 个工作日的办件 ${s.completed} 件，其中 ${s.onDeadlineDay} 件（${pct(s.share)}）恰在承诺期限当天办结（阈值 ${pct(t.deadlineRushShare)}）。`,
    evidence: {
      completed: s.completed,
      onDeadlineDay: s.onDeadlineDay,
      share: Math.round(s.share * 10000) / 10000,
      threshold: t.deadlineRushShare,
      minLimitDays: t.deadlineRushMinLimitDays,
      minCompleted: t.deadlineRushMinCompleted,
      periodFrom: period === undefined ? null : isoFromDay(period.from),
      periodTo: period === undefined ? null : isoFromDay(period.to),
      lastCompletionDay: s.lastCompletionDay === null ? null : isoFromDay(s.lastCompletionDay),
    },
  };
}

/**
 * 临期突击 over every department in one pass: the flags, in order of each department's first
 * appearance among the cases.
 */
export function flagDeadlineRushByDepartment(
  cases: Iterable<RushInput>,
  period?: DayPeriod,
  t: SlowActionThresholds = DEFAULT_SLOW_ACTION_THRESHOLDS,
): SlowActionFlag[] {
  const byDept = new Map<string, DeadlineRushStats>();
  for (const { c, ev } of cases) {
    let s = byDept.get(c.departmentId);
    if (s === undefined) {
      s = emptyStats(c.departmentId);
      byDept.set(c.departmentId, s);
    }
    count(s, ev, period, t);
  }
  const out: SlowActionFlag[] = [];
  for (const s of byDept.values()) {
    const f = deadlineRushFlagOf(s, period, t);
    if (f !== null) out.push(f);
  }
  return out;
}
