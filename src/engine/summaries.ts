/**
 * Pure slices of the dashboard model that the pages, charts and exports share: open-case warning
 * counts, completion figures for a period, weekly trends, per-department tables. City totals are
 * always pooled counts (sums), never means of department rates.
 */
import { isoFromDay, shanghaiDayOf, weekdayOf, type DayIndex } from '../domain/calendar';
import type { WarningLevel } from '../domain/time-limit';
import type { CaseStatusRow, DashboardModel } from './dashboard';

/** An inclusive range of civil days. */
export interface DayRange {
  from: DayIndex;
  to: DayIndex;
}

/** Current warning counts over open cases (在办件). */
export interface OpenCounts {
  open: number;
  levels: Record<WarningLevel, number>;
}

export function emptyLevels(): Record<WarningLevel, number> {
  return { normal: 0, 'early-warning': 0, yellow: 0, red: 0 };
}

/** 在办 / 预警 / 黄牌 / 红牌 counted over open cases (optionally one department's). */
export function openCounts(rows: readonly CaseStatusRow[], departmentId?: string): OpenCounts {
  const levels = emptyLevels();
  let open = 0;
  for (const r of rows) {
    if (r.completed || (departmentId !== undefined && r.departmentId !== departmentId)) continue;
    open += 1;
    levels[r.level] += 1;
  }
  return { open, levels };
}

/** Completed cases in a period (by completion day) and how they were completed. */
export interface CompletionFigures {
  completed: number;
  /** Completed cases that have a committed deadline (the denominator of the on-time rate). */
  withDeadline: number;
  onTime: number;
  late: number;
  early: number;
  /** onTime ÷ withDeadline, null without cases. */
  onTimeRate: number | null;
  /** Mean elapsed working days (平均办理时长), null without cases. */
  meanElapsedDays: number | null;
}

/** The civil day a row was completed on (Asia/Shanghai), or null while open. */
export function completionDay(r: CaseStatusRow): DayIndex | null {
  if (!r.completed || r.completedAt === null) return null;
  return shanghaiDayOf(r.completedAt);
}

export function completionFigures(
  rows: readonly CaseStatusRow[],
  range: DayRange,
  departmentId?: string,
): CompletionFigures {
  let completed = 0;
  let withDeadline = 0;
  let onTime = 0;
  let late = 0;
  let early = 0;
  let elapsed = 0;
  for (const r of rows) {
    if (departmentId !== undefined && r.departmentId !== departmentId) continue;
    const day = completionDay(r);
    if (day === null || day < range.from || day > range.to) continue;
    completed += 1;
    elapsed += r.elapsedDays;
    if (r.onTime !== null) {
      withDeadline += 1;
      if (r.onTime) onTime += 1;
      if (r.late) late += 1;
    }
    if (r.early) early += 1;
  }
  return {
    completed,
    withDeadline,
    onTime,
    late,
    early,
    onTimeRate: withDeadline > 0 ? onTime / withDeadline : null,
    meanElapsedDays: completed > 0 ? elapsed / completed : null,
  };
}

/** Monday of the week containing `day`. */
export function weekStart(day: DayIndex): DayIndex {
  return day - ((weekdayOf(day) + 6) % 7);
}

export interface WeekPoint {
  /** Monday of the week. */
  weekStart: DayIndex;
  /** "2026-09-07" (Monday), for axes and exports. */
  label: string;
  yellowIssued: number;
  redIssued: number;
  completed: number;
  onTime: number;
  onTimeRate: number | null;
}

/**
 * The last `weeks` weeks up to the as-of day: cards issued per week (counted on the day each card
 * was first earned) and the on-time rate of cases completed that week.
 */
export function weeklyTrend(
  rows: readonly CaseStatusRow[],
  asOfDay: DayIndex,
  weeks = 13,
  departmentId?: string,
): WeekPoint[] {
  const lastWeek = weekStart(asOfDay);
  const firstWeek = lastWeek - 7 * (weeks - 1);
  const points: WeekPoint[] = [];
  for (let w = 0; w < weeks; w++) {
    const start = firstWeek + 7 * w;
    points.push({
      weekStart: start,
      label: isoFromDay(start),
      yellowIssued: 0,
      redIssued: 0,
      completed: 0,
      onTime: 0,
      onTimeRate: null,
    });
  }
  const slot = (day: DayIndex | null): WeekPoint | undefined =>
    day === null || day < firstWeek || day > asOfDay
      ? undefined
      : points[Math.floor((day - firstWeek) / 7)];
  for (const r of rows) {
    if (departmentId !== undefined && r.departmentId !== departmentId) continue;
    const y = slot(r.yellowSince);
    if (y) y.yellowIssued += 1;
    const red = slot(r.redSince);
    if (red) red.redIssued += 1;
    if (r.onTime !== null) {
      const c = slot(completionDay(r));
      if (c) {
        c.completed += 1;
        if (r.onTime) c.onTime += 1;
      }
    }
  }
  for (const p of points) p.onTimeRate = p.completed > 0 ? p.onTime / p.completed : null;
  return points;
}

/** One department's line in the supervisor views. */
export interface DepartmentLine {
  departmentId: string;
  name: string;
  open: OpenCounts;
  period: CompletionFigures;
  flags: number;
}

/** Per-department open counts, period completion and flag counts, for every known department. */
export function departmentLines(model: DashboardModel, range: DayRange): DepartmentLine[] {
  const names = new Map(model.departments.map((d) => [d.id, d.name]));
  const ids = new Set<string>(model.departments.map((d) => d.id));
  for (const r of model.rows) ids.add(r.departmentId);
  const byDept = new Map<string, CaseStatusRow[]>();
  for (const r of model.rows) {
    const list = byDept.get(r.departmentId);
    if (list) list.push(r);
    else byDept.set(r.departmentId, [r]);
  }
  const flagCounts = new Map<string, number>();
  // Case flags and 逾期未反馈 notice flags: both stand as of the model (临期突击 is per quarter).
  const count = (f: { departmentId: string }) =>
    flagCounts.set(f.departmentId, (flagCounts.get(f.departmentId) ?? 0) + 1);
  model.flags.forEach(count);
  model.noticeFlags.forEach(count);
  return [...ids].map((id) => {
    const rows = byDept.get(id) ?? [];
    return {
      departmentId: id,
      name: names.get(id) ?? id,
      open: openCounts(rows),
      period: completionFigures(rows, range),
      flags: flagCounts.get(id) ?? 0,
    };
  });
}

/** "N / M 个部门有数据": departments with at least one case, out of all known departments. */
export function coverage(model: DashboardModel): { withData: number; total: number } {
  const withData = new Set(model.rows.map((r) => r.departmentId));
  const all = new Set([...model.departments.map((d) => d.id), ...withData]);
  return { withData: withData.size, total: all.size };
}
