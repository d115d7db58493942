/**
 * The supervision record of one quarter, for the 季度通报's narrative: red cards first earned in
 * the quarter (counted as the department page's quarterly trend counts them, on the day each
 * card was first earned) and 督办单 that became 逾期未反馈 in the quarter (each is one slow-action
 * flag of its department in that quarter, so the ranking counts the same notices). The ranking
 * itself carries neither, so the service adds this beside it and a published edition keeps it.
 */
import type { DayIndex } from '../domain/calendar';
import type { CaseStatusRow } from './dashboard';
import type { DayRange } from './summaries';

export interface DepartmentSupervision {
  departmentId: string;
  redCards: number;
  overdueNotices: number;
}

export interface QuarterSupervision {
  redCards: number;
  overdueNotices: number;
  /** Departments with at least one of either, most red cards first (then notices, then id). */
  departments: DepartmentSupervision[];
}

/**
 * @param rows the served model's rows (revoked cards' cases already left out)
 * @param noticeFlagDays department id → the days its notices first became 逾期未反馈
 * @param range the quarter's days, clipped by the caller to the as-of day when the quarter is open
 */
export function quarterSupervision(
  rows: readonly CaseStatusRow[],
  noticeFlagDays: ReadonlyMap<string, readonly DayIndex[]>,
  range: DayRange,
): QuarterSupervision {
  const byDept = new Map<string, DepartmentSupervision>();
  const line = (id: string): DepartmentSupervision => {
    let d = byDept.get(id);
    if (!d) {
      d = { departmentId: id, redCards: 0, overdueNotices: 0 };
      byDept.set(id, d);
    }
    return d;
  };
  for (const r of rows) {
    if (r.redSince !== null && r.redSince >= range.from && r.redSince <= range.to)
      line(r.departmentId).redCards += 1;
  }
  for (const [id, days] of noticeFlagDays) {
    for (const day of days) if (day >= range.from && day <= range.to) line(id).overdueNotices += 1;
  }
  const departments = [...byDept.values()].sort(
    (a, b) =>
      b.redCards - a.redCards ||
      b.overdueNotices - a.overdueNotices ||
      (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0),
  );
  return {
    redCards: departments.reduce((s, d) => s + d.redCards, 0),
    overdueNotices: departments.reduce((s, d) => s + d.overdueNotices, 0),
    departments,
  };
}
