/**
 * The overview page's figures, as one pure slice of the dashboard model. Every number here is
 * composed from the shared summaries (openCounts, completionFigures, weeklyTrend, departmentLines,
 * coverage), never recomputed, so the overview, the alerts list and the department pages agree.
 * City figures are pooled counts over all cases, never means of department rates.
 */
import type { DashboardModel } from './dashboard';
import {
  completionFigures,
  coverage,
  departmentLines,
  openCounts,
  weeklyTrend,
  type CompletionFigures,
  type DayRange,
  type DepartmentLine,
  type OpenCounts,
  type WeekPoint,
} from './summaries';

/** How many weeks the trend charts show (a quarter). */
export const TREND_WEEKS = 13;
/** How many departments the red-card chart shows. */
export const TOP_RED_DEPARTMENTS = 10;

export interface OverviewFigures {
  /** Current counts over open cases, as of the model's instant. */
  open: OpenCounts;
  /** Completion in the selected period (by completion day). */
  period: CompletionFigures;
  /** The last {@link TREND_WEEKS} weeks up to the as-of day. */
  trend: WeekPoint[];
  /** Departments with open red cards, most first (ties: more yellow, then name). */
  redDepartments: DepartmentLine[];
  /** Every department's line for the period (the completion drill-down lists them). */
  departments: DepartmentLine[];
  coverage: { withData: number; total: number };
  /** Cases whose dates fall outside the official calendar (Monday–Friday used instead). */
  casesOutsideCalendar: number;
}

/**
 * Departments ordered for the "most red cards" chart: only those with at least one open red card,
 * by red count, then yellow count, then name (a stable order, so chart and table match).
 */
export function rankRedDepartments(
  lines: readonly DepartmentLine[],
  limit: number,
): DepartmentLine[] {
  return lines
    .filter((l) => l.open.levels.red > 0)
    .sort(
      (a, b) =>
        b.open.levels.red - a.open.levels.red ||
        b.open.levels.yellow - a.open.levels.yellow ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.departmentId.localeCompare(b.departmentId),
    )
    .slice(0, limit);
}

/** All the overview's figures for the period `range`, as of the model's instant. */
export function overviewFigures(model: DashboardModel, range: DayRange): OverviewFigures {
  const departments = departmentLines(model, range);
  return {
    open: openCounts(model.rows),
    period: completionFigures(model.rows, range),
    trend: weeklyTrend(model.rows, model.asOfDay, TREND_WEEKS),
    redDepartments: rankRedDepartments(departments, TOP_RED_DEPARTMENTS),
    departments,
    coverage: coverage(model),
    casesOutsideCalendar: model.calendar.casesOutsideCalendar,
  };
}
