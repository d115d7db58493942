/**
 * The department page's view model (/departments/:id): which department, its service items with
 * their limits and the period's per-item completion, its worst open alerts, and its trend across
 * quarters. Every figure is one of summaries.ts's (openCounts, completionFigures) applied to a
 * slice of the model's rows, so the department page and the city pages count the same way.
 */
import type { DayIndex } from '../domain/calendar';
import { periodKey, periodRange, previousQuarter, quarterOfDay } from '../domain/period/period';
import type { WarningLevel } from '../domain/time-limit';
import type { CaseStatusRow, DashboardModel, DepartmentInfo, ItemInfo } from './dashboard';
import { completionFigures, type CompletionFigures, type DayRange } from './summaries';

/** The department as the page shows it, or null when the id is unknown. */
export interface DepartmentHeader {
  info: DepartmentInfo;
  /** False when the department is known only from its cases (not in the departments feed). */
  inFeed: boolean;
  parentName: string | null;
  caseCount: number;
}

/**
 * Finds the department: from the departments feed, or — when the feed lacks it but cases name it —
 * a header with the id as its name. Null when neither knows the id (the page's not-found state).
 */
export function departmentHeader(model: DashboardModel, id: string): DepartmentHeader | null {
  let caseCount = 0;
  for (const r of model.rows) if (r.departmentId === id) caseCount += 1;
  const info = model.departments.find((d) => d.id === id);
  if (!info && caseCount === 0) return null;
  const parent = info?.parentId ? model.departments.find((d) => d.id === info.parentId) : undefined;
  return {
    info: info ?? { id, name: id, kind: null, parentId: null },
    inFeed: info !== undefined,
    parentName: parent?.name ?? info?.parentId ?? null,
    caseCount,
  };
}

/** The department's rows only (one pass; the page slices these further). */
export function departmentRows(model: DashboardModel, id: string): CaseStatusRow[] {
  return model.rows.filter((r) => r.departmentId === id);
}

/** One service item of the department with the period's completion figures. */
export interface DepartmentItemLine {
  code: string;
  name: string;
  kind: ItemInfo['kind'] | null;
  /** From the items feed; null for an item known only from cases. */
  committedLimitDays: number | null;
  statutoryLimitDays: number | null;
  /** 即办件: committed limit 0. */
  immediate: boolean;
  /** Open cases now (as of the model). */
  open: number;
  /** Completed in the period, by completionFigures. */
  period: CompletionFigures;
}

/**
 * The department's items (from the items feed, plus any item code its cases use that the feed
 * lacks), each with its limits, open cases and the period's completion figures. Items with the
 * most completed cases in the period first, then by code.
 */
export function departmentItems(
  model: DashboardModel,
  rows: readonly CaseStatusRow[],
  id: string,
  range: DayRange,
): DepartmentItemLine[] {
  const byItem = new Map<string, CaseStatusRow[]>();
  for (const r of rows) {
    const list = byItem.get(r.itemCode);
    if (list) list.push(r);
    else byItem.set(r.itemCode, [r]);
  }
  const known = new Map<string, ItemInfo>();
  for (const i of model.items) if (i.departmentId === id) known.set(i.code, i);
  const codes = new Set<string>([...known.keys(), ...byItem.keys()]);
  const lines = [...codes].map((code): DepartmentItemLine => {
    const info = known.get(code) ?? model.items.find((i) => i.code === code);
    const itemRows = byItem.get(code) ?? [];
    let open = 0;
    for (const r of itemRows) if (!r.completed) open += 1;
    return {
      code,
      name: info?.name ?? code,
      kind: info?.kind ?? null,
      committedLimitDays: info?.committedLimitDays ?? null,
      statutoryLimitDays: info?.statutoryLimitDays ?? null,
      immediate: info?.committedLimitDays === 0,
      open,
      period: completionFigures(itemRows, range),
    };
  });
  return lines.sort(
    (a, b) => b.period.completed - a.period.completed || a.code.localeCompare(b.code),
  );
}

const SEVERITY: Record<WarningLevel, number> = {
  red: 3,
  yellow: 2,
  'early-warning': 1,
  normal: 0,
};

/**
 * Orders open alerts worst first: red before yellow before 预警; within red by working days past
 * the statutory deadline, within yellow by days past the committed one, within 预警 by fewest
 * days remaining; then the earliest acceptance, then id (stable).
 */
export function compareAlertSeverity(a: CaseStatusRow, b: CaseStatusRow): number {
  return (
    SEVERITY[b.level] - SEVERITY[a.level] ||
    (a.level === 'red' ? b.statutoryOverdueDays - a.statutoryOverdueDays : 0) ||
    b.overdueDays - a.overdueDays ||
    a.remainingDays - b.remainingDays ||
    a.acceptedAt - b.acceptedAt ||
    a.id.localeCompare(b.id)
  );
}

/** The department's open cases with a warning (预警 / 黄牌 / 红牌), worst first, at most `n`. */
export function worstOpenAlerts(rows: readonly CaseStatusRow[], n: number): CaseStatusRow[] {
  return rows
    .filter((r) => !r.completed && r.level !== 'normal')
    .sort(compareAlertSeverity)
    .slice(0, n);
}

/** One quarter of the department's trend. */
export interface DepartmentQuarterPoint {
  /** `2026Q3`. */
  quarter: string;
  from: DayIndex;
  to: DayIndex;
  /** The quarter is still running at the model's as-of day (figures so far). */
  partial: boolean;
  completion: CompletionFigures;
  /** Yellow / red cards first earned in the quarter (yellowSince / redSince in it). */
  yellowIssued: number;
  redIssued: number;
}

/**
 * The last `n` quarters ending with `lastQuarter` (oldest first): the on-time rate of cases
 * completed in each (completionFigures) and the cards first earned in each.
 */
export function departmentQuarterTrend(
  rows: readonly CaseStatusRow[],
  lastQuarter: ReturnType<typeof quarterOfDay>,
  asOfDay: DayIndex,
  n = 6,
): DepartmentQuarterPoint[] {
  const quarters = [lastQuarter];
  while (quarters.length < n) quarters.unshift(previousQuarter(quarters[0]!));
  return quarters.map((q) => {
    const range = periodRange(q);
    let yellowIssued = 0;
    let redIssued = 0;
    for (const r of rows) {
      if (r.yellowSince !== null && r.yellowSince >= range.from && r.yellowSince <= range.to)
        yellowIssued += 1;
      if (r.redSince !== null && r.redSince >= range.from && r.redSince <= range.to) redIssued += 1;
    }
    return {
      quarter: periodKey(q),
      from: range.from,
      to: range.to,
      partial: asOfDay < range.to,
      completion: completionFigures(rows, range),
      yellowIssued,
      redIssued,
    };
  });
}

/**
 * The quarter a trend ends with: the quarter containing the end of the selected period, or the
 * as-of day's quarter when the period ends later (a future quarter has no figures yet).
 */
export function trendEndQuarter(
  periodTo: DayIndex,
  asOfDay: DayIndex,
): ReturnType<typeof quarterOfDay> {
  return quarterOfDay(Math.min(periodTo, asOfDay));
}
