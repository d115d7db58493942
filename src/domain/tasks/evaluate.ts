/**
 * Status of a 督查事项 and of each milestone as of a day. Pure; the rules are written out in
 * docs/tasks.md and tested on hand-made tasks in tests/unit/tasks/.
 */
import { shanghaiDayOf, type DayIndex } from '../calendar/day';
import { effectiveDeadline } from './deadline';
import {
  DEFAULT_TASK_THRESHOLDS,
  type MilestoneEvaluation,
  type TaskEvaluation,
  type TaskInput,
  type TaskStatusCode,
  type TaskThresholds,
} from './types';

/**
 * The day a task was done, as known on the as-of day, or null while it is open.
 * A 办结 task is done on the day of its latest milestone when every milestone is reported done,
 * else on the day of its last update (when the feed marked it 办结). Completion after the as-of
 * day is not yet known, so the task counts as open — any past as-of date shows what a supervisor
 * saw that day.
 */
export function completionDay(task: TaskInput, asOfDay: DayIndex): DayIndex | null {
  if (task.status !== '办结') return null;
  let day: DayIndex;
  const doneAts = task.milestones.map((m) => m.doneAt);
  if (doneAts.length > 0 && doneAts.every((d) => d !== null)) {
    day = shanghaiDayOf(Math.max(...(doneAts as number[])));
  } else {
    day = shanghaiDayOf(task.updatedAt);
  }
  return day <= asOfDay ? day : null;
}

function isDueSoon(due: DayIndex, asOfDay: DayIndex, t: TaskThresholds): boolean {
  const left = due - asOfDay;
  return left >= 0 && left <= t.dueSoonDays;
}

/**
 * Evaluates one task as of `asOfDay` (a civil day in Asia/Shanghai; everything due on a day is
 * due by the end of that day, so a task due today is 临期, not 逾期).
 *
 * Precedence: 已办结 > 逾期 (asOf > deadline, not done) > 滞后 (an open milestone with asOf > due)
 * > 临期 (0 ≤ due − asOf ≤ dueSoonDays for the deadline or an open milestone) > 正常.
 */
export function evaluateTask(
  task: TaskInput,
  asOfDay: DayIndex,
  thresholds: TaskThresholds = DEFAULT_TASK_THRESHOLDS,
): TaskEvaluation {
  const assignedDay = shanghaiDayOf(task.assignedAt);
  const { day: deadline, basis } = effectiveDeadline({
    source: task.source,
    assignedDay,
    deadline: task.deadline,
    complex: task.complex,
  });
  const completedDay = completionDay(task, asOfDay);
  const done = completedDay !== null;

  let overdueMilestones = 0;
  let lateDoneMilestones = 0;
  let milestoneDueSoon = false;
  const milestones: MilestoneEvaluation[] = task.milestones.map((m, index) => {
    const reported = m.doneAt === null ? null : shanghaiDayOf(m.doneAt);
    // A milestone reported after the as-of day was not yet done on that day.
    const doneDay = reported !== null && reported <= asOfDay ? reported : null;
    if (doneDay !== null) {
      const late = doneDay > m.due;
      if (late) lateDoneMilestones++;
      return {
        index,
        name: m.name,
        due: m.due,
        doneDay,
        status: late ? 'done-late' : 'done-on-time',
        daysLeft: null,
        lateDays: late ? doneDay - m.due : 0,
      };
    }
    const daysLeft = m.due - asOfDay;
    if (done) {
      return {
        index,
        name: m.name,
        due: m.due,
        doneDay,
        status: 'unreported',
        daysLeft,
        lateDays: 0,
      };
    }
    if (daysLeft < 0) {
      overdueMilestones++;
      return {
        index,
        name: m.name,
        due: m.due,
        doneDay,
        status: 'overdue',
        daysLeft,
        lateDays: -daysLeft,
      };
    }
    const soon = isDueSoon(m.due, asOfDay, thresholds);
    if (soon) milestoneDueSoon = true;
    return {
      index,
      name: m.name,
      due: m.due,
      doneDay,
      status: soon ? 'due-soon' : 'pending',
      daysLeft,
      lateDays: 0,
    };
  });

  // The earliest open milestone (milestones are listed in order, but due dates decide).
  let next: TaskEvaluation['next'] = null;
  for (const m of milestones) {
    const open = m.status === 'overdue' || m.status === 'due-soon' || m.status === 'pending';
    if (open && (next === null || m.due < next.due)) {
      next = { kind: 'milestone', name: m.name, due: m.due };
    }
  }
  let status: TaskStatusCode;
  let daysLeft: number | null = null;
  let lateDays = 0;
  let onTime: boolean | null = null;
  if (done) {
    status = 'done';
    if (deadline !== null) {
      onTime = completedDay <= deadline;
      lateDays = Math.max(0, completedDay - deadline);
    }
  } else {
    if (deadline !== null) {
      daysLeft = deadline - asOfDay;
      lateDays = Math.max(0, -daysLeft);
      if (next === null || deadline < next.due) {
        next = { kind: 'task', name: '', due: deadline };
      }
    }
    if (daysLeft !== null && daysLeft < 0) status = 'overdue';
    else if (overdueMilestones > 0) status = 'lagging';
    else if (milestoneDueSoon || (deadline !== null && isDueSoon(deadline, asOfDay, thresholds))) {
      status = 'due-soon';
    } else status = 'normal';
  }

  return {
    id: task.id,
    asOfDay,
    assignedDay,
    deadline,
    deadlineBasis: basis,
    status,
    completedDay,
    onTime,
    daysLeft,
    lateDays,
    milestones,
    overdueMilestones,
    lateDoneMilestones,
    next,
  };
}

/**
 * True when a task belongs to a reporting range [from, to]: assigned on or before its last day and
 * not done before its first day (the tasks on the supervisor's ledger during that range).
 */
export function taskActiveInRange(ev: TaskEvaluation, from: DayIndex, to: DayIndex): boolean {
  return ev.assignedDay <= to && (ev.completedDay === null || ev.completedDay >= from);
}
