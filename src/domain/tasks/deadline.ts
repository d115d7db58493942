/**
 * Default deadlines of 建议 / 提案 and calendar-month arithmetic. Deadlines of supervision tasks
 * are calendar dates (not working days); see docs/tasks.md.
 */
import { civilFromDay, dayFromCivil, daysInMonth, type DayIndex } from '../calendar/day';
import type { DeadlineBasis, TaskSourceKind } from './types';

/**
 * The same day of the month `months` calendar months later, clamped to the last day of the
 * target month when that month is shorter: 01-31 + 3 → 04-30; 2024-11-30 + 3 → 2025-02-28;
 * 2023-11-29 + 3 → 2024-02-29 (leap year); 2023-11-30 + 3 → 2024-02-29. Negative months count back.
 */
export function addCalendarMonths(day: DayIndex, months: number): DayIndex {
  const { year, month, day: dom } = civilFromDay(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
}

/**
 * Months of the default deadline of a source, or null when the source has none (its feed record
 * must carry a deadline): 人大代表建议 3 months (6 when complex), 政协提案 3 months (complex or not).
 */
export function defaultDeadlineMonths(source: TaskSourceKind, complex: boolean): number | null {
  switch (source) {
    case '人大代表建议':
      return complex ? 6 : 3;
    case '政协提案':
      return 3;
    default:
      return null;
  }
}

/**
 * The effective deadline of a task: the feed's deadline always wins; otherwise the default of the
 * source counted from the assignment day (Asia/Shanghai); `missing` when neither exists.
 */
export function effectiveDeadline(task: {
  source: TaskSourceKind;
  assignedDay: DayIndex;
  deadline: DayIndex | null;
  complex: boolean;
}): { day: DayIndex | null; basis: DeadlineBasis } {
  if (task.deadline !== null) return { day: task.deadline, basis: 'feed' };
  const months = defaultDeadlineMonths(task.source, task.complex);
  if (months === null) return { day: null, basis: 'missing' };
  return { day: addCalendarMonths(task.assignedDay, months), basis: 'default' };
}
