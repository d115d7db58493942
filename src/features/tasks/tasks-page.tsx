import { useDepartments } from '../../api/departments';
import { asOfDayOf } from '../../api/meta';
import { useTasks } from '../../api/tasks';
import type { DepartmentInfo } from '../../engine/dashboard';
import { QueryGate } from '../../ui/query-gate';
import { TasksView } from './tasks-view';

const NO_DEPARTMENTS: DepartmentInfo[] = [];

/**
 * 督查事项: supervision tasks with deadlines, milestones and overdue reminders, evaluated by the
 * service as of its as-of day (so every page agrees on it).
 */
export function TasksPage() {
  const tasks = useTasks();
  const departments = useDepartments().data?.items ?? NO_DEPARTMENTS;
  return (
    <QueryGate query={tasks}>
      {(data) => (
        <TasksView all={data.items} asOfDay={asOfDayOf(data.meta)} departments={departments} />
      )}
    </QueryGate>
  );
}
