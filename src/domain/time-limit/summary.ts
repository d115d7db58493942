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
 * `onTime + late` equals `completed`. An item with `count` stands for that many cases with the
 * same department and outcome (the evaluate CLI pre-counts a million cases this way).
 */
export function summarizeByDepartment(
  items: Iterable<{
    departmentId: string;
    evaluation: Pick<
      CaseEvaluation,
      'level' | 'completed' | 'onTime' | 'late' | 'early' | 'overdue'
    >;
    count?: number;
  }>,
): DepartmentTimeLimitSummary[] {
  const byDept = new Map<string, DepartmentTimeLimitSummary>();
  for (const { departmentId, evaluation: ev, count = 1 } of items) {
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
    s.cases += count;
    s.levels[ev.level] += count;
    if (ev.completed) {
      s.completed += count;
      if (ev.onTime === true) s.onTime += count;
      if (ev.late === true) s.late += count;
      if (ev.early === true) s.early += count;
    } else if (ev.overdue) {
      s.openOverdue += count;
    }
  }
  return [...byDept.values()];
}
