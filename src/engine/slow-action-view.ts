/**
 * The 慢作为 page's view model: the model's case-level flags plus the department-level 临期突击
 * flags of the selected quarter(s), as one list of rows; the page filters (rule, department, case
 * state, period scope); counts per rule; and the department × rule matrix that feeds both the
 * stacked bar chart and the table beside it (and its export), so they cannot disagree.
 */
import { isoFromDay, type DayIndex } from '../domain/calendar';
import { periodKey, periodRange, quarterOfDay, type Period } from '../domain/period/period';
import { SLOW_ACTION_CODES, type SlowActionCode, type SlowActionFlag } from '../domain/slow-action';
import type { DashboardModel } from './dashboard';
import type { DayRange } from './summaries';

/** 在办 / 已办结 of the flagged case; `null` for a department-level flag (临期突击). */
export type FlaggedCaseState = 'open' | 'completed';

/** One flag as the page, its table and its export show it. */
export interface SlowActionFlagRow {
  /** Stable key for React lists: code + case (or department + quarter). */
  key: string;
  code: SlowActionCode;
  rule: string;
  caseId: string | null;
  departmentId: string;
  /** From the departments feed; the id when the department is only known from its cases. */
  departmentName: string;
  sinceDay: DayIndex;
  /** `YYYY-MM-DD` (Asia/Shanghai civil date). */
  since: string;
  caseState: FlaggedCaseState | null;
  /** The 临期突击 quarter (`2026Q3`); null for case-level flags. */
  quarter: string | null;
  explanation: string;
  evidence: SlowActionFlag['evidence'];
}

/** The page filters, as read from the URL. `null` = not filtered. */
export interface SlowActionFilter {
  rule: SlowActionCode | null;
  departmentId: string | null;
  state: FlaggedCaseState | null;
  /** Only flags first earned (sinceDay) in this range; `null` = every flag current as of the model. */
  sinceRange: DayRange | null;
}

export const NO_SLOW_ACTION_FILTER: SlowActionFilter = {
  rule: null,
  departmentId: null,
  state: null,
  sinceRange: null,
};

/** A rule code from the URL, or null when absent or not one of the stable codes. */
export function parseRuleParam(raw: string | null): SlowActionCode | null {
  return raw !== null && (SLOW_ACTION_CODES as readonly string[]).includes(raw)
    ? (raw as SlowActionCode)
    : null;
}

/** A case state from the URL (`open` | `completed`), or null. */
export function parseStateParam(raw: string | null): FlaggedCaseState | null {
  return raw === 'open' || raw === 'completed' ? raw : null;
}

/** Keys of the quarters that overlap a period (one for a quarter or a month, four for a year). */
export function quartersOverlapping(period: Period): string[] {
  const range = periodRange(period);
  const keys: string[] = [];
  let day = range.from;
  while (day <= range.to) {
    const q = quarterOfDay(day);
    keys.push(periodKey(q));
    day = periodRange(q).to + 1;
  }
  return keys;
}

/**
 * Every flag of the model as rows: the case-level flags and the 逾期未反馈 notice flags (all
 * current as of the model's instant) and the 临期突击 flags of the quarters overlapping `period` (a department-level rule is judged
 * per quarter, so it belongs to the selected period rather than to "now").
 */
export function slowActionFlagRows(model: DashboardModel, period: Period): SlowActionFlagRow[] {
  const names = new Map(model.departments.map((d) => [d.id, d.name]));
  const completedById = new Map<string, boolean>();
  for (const r of model.rows) completedById.set(r.id, r.completed);
  const rows: SlowActionFlagRow[] = [];
  for (const f of model.flags) {
    const done = f.caseId === null ? undefined : completedById.get(f.caseId);
    rows.push(
      toRow(f, names, done === undefined ? null : done ? 'completed' : 'open', null, rows.length),
    );
  }
  // 逾期未反馈 is a standing record like a case flag: every one as of the model, not per quarter.
  for (const f of model.noticeFlags) rows.push(toRow(f, names, null, null, rows.length));
  const quarters = new Set(quartersOverlapping(period));
  for (const q of model.deadlineRush) {
    if (!quarters.has(q.quarter)) continue;
    for (const f of q.flags) rows.push(toRow(f, names, null, q.quarter, rows.length));
  }
  return rows;
}

function toRow(
  f: SlowActionFlag,
  names: ReadonlyMap<string, string>,
  caseState: FlaggedCaseState | null,
  quarter: string | null,
  index: number,
): SlowActionFlagRow {
  return {
    // The index keeps keys unique even if a rule ever flagged one case twice.
    key: `${f.code}:${f.caseId ?? `${f.departmentId}:${quarter ?? String(f.evidence['noticeId'] ?? '')}`}:${String(index)}`,
    code: f.code,
    rule: f.rule,
    caseId: f.caseId,
    departmentId: f.departmentId,
    departmentName: names.get(f.departmentId) ?? f.departmentId,
    sinceDay: f.sinceDay,
    since: isoFromDay(f.sinceDay),
    caseState,
    quarter,
    explanation: f.explanation,
    evidence: f.evidence,
  };
}

/** The 督办单 a 逾期未反馈 row stands for (its evidence), or null for every other flag. */
export function flagNotice(
  row: Pick<SlowActionFlagRow, 'code' | 'evidence'>,
): { id: number; number: string } | null {
  const id = row.evidence['noticeId'];
  const number = row.evidence['notice'];
  if (row.code !== 'notice-overdue' || typeof id !== 'number' || typeof number !== 'string')
    return null;
  return { id, number };
}

/**
 * Applies the filters. A case-state filter keeps only case-level flags (a department-level flag
 * has no case, hence no state).
 */
export function filterSlowActionRows(
  rows: readonly SlowActionFlagRow[],
  filter: SlowActionFilter,
): SlowActionFlagRow[] {
  return rows.filter(
    (r) =>
      (filter.rule === null || r.code === filter.rule) &&
      (filter.departmentId === null || r.departmentId === filter.departmentId) &&
      (filter.state === null || r.caseState === filter.state) &&
      (filter.sinceRange === null ||
        (r.sinceDay >= filter.sinceRange.from && r.sinceDay <= filter.sinceRange.to)),
  );
}

/** Number of flags per reason code (every code present, zeros included). */
export function countByRule(rows: readonly SlowActionFlagRow[]): Record<SlowActionCode, number> {
  const counts = Object.fromEntries(SLOW_ACTION_CODES.map((c) => [c, 0])) as Record<
    SlowActionCode,
    number
  >;
  for (const r of rows) counts[r.code] += 1;
  return counts;
}

/** One department's line of the department × rule matrix. */
export interface DepartmentRuleLine {
  departmentId: string;
  departmentName: string;
  counts: Record<SlowActionCode, number>;
  total: number;
}

/**
 * Flags per department and rule, departments with at least one flag only, most flags first (ties
 * by department id). The one function behind the stacked bar chart, the table beside it and its
 * export.
 */
export function departmentRuleMatrix(rows: readonly SlowActionFlagRow[]): DepartmentRuleLine[] {
  const byDept = new Map<string, DepartmentRuleLine>();
  for (const r of rows) {
    let line = byDept.get(r.departmentId);
    if (!line) {
      line = {
        departmentId: r.departmentId,
        departmentName: r.departmentName,
        counts: Object.fromEntries(SLOW_ACTION_CODES.map((c) => [c, 0])) as Record<
          SlowActionCode,
          number
        >,
        total: 0,
      };
      byDept.set(r.departmentId, line);
    }
    line.counts[r.code] += 1;
    line.total += 1;
  }
  return [...byDept.values()].sort(
    (a, b) => b.total - a.total || a.departmentId.localeCompare(b.departmentId),
  );
}

/** Codes that occur in the matrix, in the UI's rule order (the chart's stacks and the columns). */
export function codesPresent(lines: readonly DepartmentRuleLine[]): SlowActionCode[] {
  return SLOW_ACTION_CODES.filter((c) => lines.some((l) => l.counts[c] > 0));
}

/**
 * The evidence fields a supervisor reads first for each rule (the explanation has the rest, and
 * the export carries the full evidence). Keys are those documented in docs/slow-action.md.
 */
export const KEY_EVIDENCE: Readonly<Record<SlowActionCode, readonly string[]>> = {
  stall: ['step', 'idleDays', 'threshold', 'lastMovementDay'],
  'accepted-idle': ['acceptedDay', 'waitedDays', 'threshold'],
  'repeated-correction': ['corrections', 'threshold', 'correctionDays'],
  'overlong-suspension': ['suspendedDays', 'allowedDays', 'committedLimitDays'],
  'suspension-overrun': ['overrunDays', 'approvedDays', 'firstOverrunDay'],
  'inaction-overdue': ['committedDue', 'overdueDays', 'statutoryOverdueDays'],
  'deadline-rush': ['completed', 'onDeadlineDay', 'share', 'threshold'],
  'notice-overdue': ['notice', 'dueOn', 'daysPast', 'cases'],
};

/** The key evidence of a row as [field, value] pairs, skipping fields the flag does not carry. */
export function keyEvidence(
  row: Pick<SlowActionFlagRow, 'code' | 'evidence'>,
): [string, string | number][] {
  const out: [string, string | number][] = [];
  for (const k of KEY_EVIDENCE[row.code]) {
    const v = row.evidence[k];
    if (v !== undefined && v !== null && v !== '') out.push([k, v]);
  }
  return out;
}
