import type { CaseEvaluation, WarningLevel } from './types';

/** Per-department counts over evaluated cases (as of one instant). */
export interface DepartmentTimeLimitSummary {
  departmentId: string;
  /** Cases evaluated. */
  cases: number;
  /** Completed as of the as-of instant. */
  completed: number;
  /** Completed at or before the committed deadline. `onTime + late === completed`. */
  onTime: number;
  /** Completed after the committed deadline. */
  late: number;
  /** Completed with elapsed < committed limit. */
  early: number;
  /** Open and past the committed deadline (超期未办结). */
  openOverdue: number;
  /** Cases by current warning level. */
  levels: Record<WarningLevel, number>;
}

/**
 * Count evaluated cases per department, in order of first appearance.
 * Every evaluated case has a deadline (records without one are rejected at the boundary), so
 * `onTime + late` equals `completed`.
 */
export function summarizeByDepartment(
  items: Iterable<{
    departmentId: string;
    evaluation: Pick<
      CaseEvaluation,
      'level' | 'completed' | 'onTime' | 'late' | 'early' | 'overdue'
    >;
  }>,
): DepartmentTimeLimitSummary[] {
  const byDept = new Map<string, DepartmentTimeLimitSummary>();
  for (const { departmentId, evaluation: ev } of items) {
    let s = byDept.get(departmentId);
    if (s === undefined) {
      s = {
        departmentId,
        cases: 0,
        completed: 0,
        onTime: 0,
        late: 0,
        early: 0,
        openOverdue: 0,
        levels: { normal: 0, 'early-warning': 0, yellow: 0, red: 0 },
      };
      byDept.set(departmentId, s);
    }
    s.cases++;
    s.levels[ev.level]++;
    if (ev.completed) {
      s.completed++;
      if (ev.onTime === true) s.onTime++;
      if (ev.late === true) s.late++;
      if (ev.early === true) s.early++;
    } else if (ev.overdue) {
      s.openOverdue++;
    }
  }
  return [...byDept.values()];
}
