/**
 * 督查事项 over the whole task feed: maps validated feed records onto the domain input, evaluates
 * them as of a day, and derives the slices the pages show (filters, reminders, per-department
 * counts). Tasks are few (≈150), so this runs on the main thread; every page — the tasks page, the
 * department page and the overview — takes its task figures from here, so they never disagree.
 */
import type { DayIndex } from '../domain/calendar/day';
import {
  evaluateTask,
  taskActiveInRange,
  type TaskEvaluation,
  type TaskInput,
  type TaskSourceKind,
  type TaskStatusCode,
} from '../domain/tasks';
import type { SupervisionTask } from '../feeds/schemas/supervision-task';

/** A feed record with its evaluation. */
export interface TaskRow {
  task: SupervisionTask;
  ev: TaskEvaluation;
}

/** The domain's view of a validated feed record. */
export function toTaskInput(task: SupervisionTask): TaskInput {
  return {
    id: task.id,
    source: task.source,
    assignedAt: task.assignedAt,
    deadline: task.deadline,
    complex: task.complex,
    milestones: task.milestones,
    status: task.status,
    updatedAt: task.updatedAt,
  };
}

/** Evaluates every task as of a day, in feed order. */
export function evaluateTasks(tasks: readonly SupervisionTask[], asOfDay: DayIndex): TaskRow[] {
  return tasks.map((task) => ({ task, ev: evaluateTask(toTaskInput(task), asOfDay) }));
}

/** The page's filters; an empty list / null means "any". */
export interface TaskFilters {
  sources: readonly TaskSourceKind[];
  statuses: readonly TaskStatusCode[];
  /** Lead department id. */
  departmentId: string | null;
  /** Reporting range (inclusive); null = every task. */
  range: { from: DayIndex; to: DayIndex } | null;
  /** Case-insensitive text in id, title or progress note. */
  query: string;
}

export const NO_TASK_FILTERS: TaskFilters = {
  sources: [],
  statuses: [],
  departmentId: null,
  range: null,
  query: '',
};

/** The rows matching every filter, in the input order. */
export function filterTaskRows(rows: readonly TaskRow[], f: TaskFilters): TaskRow[] {
  const q = f.query.trim().toLowerCase();
  return rows.filter(
    ({ task, ev }) =>
      (f.sources.length === 0 || f.sources.includes(task.source)) &&
      (f.statuses.length === 0 || f.statuses.includes(ev.status)) &&
      (f.departmentId === null || task.leadDepartmentId === f.departmentId) &&
      (f.range === null || taskActiveInRange(ev, f.range.from, f.range.to)) &&
      (q === '' ||
        task.id.toLowerCase().includes(q) ||
        task.title.toLowerCase().includes(q) ||
        task.progressNote.toLowerCase().includes(q)),
  );
}

/** Urgency order: overdue first (most days late first), then lagging, due-soon, normal, done. */
const STATUS_RANK: Record<TaskStatusCode, number> = {
  overdue: 0,
  lagging: 1,
  'due-soon': 2,
  normal: 3,
  done: 4,
};

/** Sorts rows by urgency: status, then the due day that matters, then id (reproducible). */
export function sortByUrgency(rows: readonly TaskRow[]): TaskRow[] {
  // Overdue tasks by their own deadline (most days late first); the rest by what falls due next.
  const nextDue = (r: TaskRow) =>
    (r.ev.status === 'overdue' ? r.ev.deadline : (r.ev.next?.due ?? r.ev.deadline)) ??
    Number.MAX_SAFE_INTEGER;
  return rows
    .slice()
    .sort(
      (a, b) =>
        STATUS_RANK[a.ev.status] - STATUS_RANK[b.ev.status] ||
        nextDue(a) - nextDue(b) ||
        a.task.id.localeCompare(b.task.id),
    );
}

/** The reminders a supervisor works through: 逾期 now, 滞后 now, 临期 within the threshold. */
export interface TaskReminders {
  overdue: TaskRow[];
  lagging: TaskRow[];
  dueSoon: TaskRow[];
}

/** Reminders of the given rows: exactly the rows whose status is 逾期, 滞后 or 临期, urgent first. */
export function taskReminders(rows: readonly TaskRow[]): TaskReminders {
  const sorted = sortByUrgency(rows);
  return {
    overdue: sorted.filter((r) => r.ev.status === 'overdue'),
    lagging: sorted.filter((r) => r.ev.status === 'lagging'),
    dueSoon: sorted.filter((r) => r.ev.status === 'due-soon'),
  };
}

/** Task figures of one lead department. */
export interface DepartmentTaskCounts {
  departmentId: string;
  /** Tasks led, open as of the day. */
  open: number;
  /** Open tasks past their deadline (逾期). */
  overdueTasks: number;
  /** Open tasks not overdue but with an overdue milestone (滞后). */
  laggingTasks: number;
  /** Open tasks due within the threshold (临期). */
  dueSoonTasks: number;
  /** Milestones past due and not done, over every open task led (including overdue tasks). */
  overdueMilestones: number;
}

/**
 * Per lead department counts (overdue milestones count against the lead department, never the
 * co-departments), for departments leading at least one of the rows; sorted by overdue tasks,
 * then overdue milestones (both descending), then id.
 */
export function departmentTaskCounts(rows: readonly TaskRow[]): DepartmentTaskCounts[] {
  const by = new Map<string, DepartmentTaskCounts>();
  for (const { task, ev } of rows) {
    let c = by.get(task.leadDepartmentId);
    if (!c) {
      c = {
        departmentId: task.leadDepartmentId,
        open: 0,
        overdueTasks: 0,
        laggingTasks: 0,
        dueSoonTasks: 0,
        overdueMilestones: 0,
      };
      by.set(task.leadDepartmentId, c);
    }
    if (ev.status === 'done') continue;
    c.open++;
    if (ev.status === 'overdue') c.overdueTasks++;
    else if (ev.status === 'lagging') c.laggingTasks++;
    else if (ev.status === 'due-soon') c.dueSoonTasks++;
    c.overdueMilestones += ev.overdueMilestones;
  }
  return [...by.values()].sort(
    (a, b) =>
      b.overdueTasks - a.overdueTasks ||
      b.overdueMilestones - a.overdueMilestones ||
      a.departmentId.localeCompare(b.departmentId),
  );
}

/**
 * Overdue (逾期) tasks and overdue milestones as of a day, for one lead department or (no id)
 * the whole city. The one count behind the tasks page, the department page and the overview.
 */
export function overdueTaskCount(
  rows: readonly TaskRow[],
  departmentId?: string,
): { overdueTasks: number; overdueMilestones: number; open: number } {
  let overdueTasks = 0;
  let overdueMilestones = 0;
  let open = 0;
  for (const { task, ev } of rows) {
    if (departmentId !== undefined && task.leadDepartmentId !== departmentId) continue;
    if (ev.status === 'done') continue;
    open++;
    if (ev.status === 'overdue') overdueTasks++;
    overdueMilestones += ev.overdueMilestones;
  }
  return { overdueTasks, overdueMilestones, open };
}

/** Row counts per status (every status present, zeros included). */
export function statusCounts(rows: readonly TaskRow[]): Record<TaskStatusCode, number> {
  const counts: Record<TaskStatusCode, number> = {
    overdue: 0,
    lagging: 0,
    'due-soon': 0,
    normal: 0,
    done: 0,
  };
  for (const r of rows) counts[r.ev.status]++;
  return counts;
}
