import { Empty } from 'antd';
import { useDepartments } from '../../api/departments';
import { asOfDayOf } from '../../api/meta';
import { useTasks } from '../../api/tasks';
import type { DepartmentInfo } from '../../engine/dashboard';
import { defineMessages } from '../../i18n';
import { QueryGate } from '../../ui/query-gate';
import { TasksView } from './tasks-view';

const NO_DEPARTMENTS: DepartmentInfo[] = [];

const useMsg = defineMessages(
  {
    noTasks: '该数据源没有督查事项',
    noTasksHint: '导入的办件文件不含督查事项；在页头把数据源切换为“城市接口”可查看全市督查事项。',
  },
  {
    noTasks: 'This data source has no supervision tasks',
    noTasksHint:
      'An imported case file holds no supervision tasks; switch the header’s source to the city feed to see them.',
  },
);

/**
 * 督查事项: supervision tasks with deadlines, milestones and overdue reminders, evaluated by the
 * service as of its as-of day (so every page agrees on it).
 */
export function TasksPage() {
  const m = useMsg();
  const tasks = useTasks();
  const departments = useDepartments().data?.items ?? NO_DEPARTMENTS;
  return (
    <QueryGate query={tasks}>
      {(data) =>
        // The source holds no tasks at all: say so, never show another source's tasks.
        data.hasTasks === false ? (
          <Empty
            data-testid="tasks-none-in-source"
            description={
              <>
                <div>{m('noTasks')}</div>
                <div style={{ fontSize: 12 }}>{m('noTasksHint')}</div>
              </>
            }
          />
        ) : (
          <TasksView all={data.items} asOfDay={asOfDayOf(data.meta)} departments={departments} />
        )
      }
    </QueryGate>
  );
}
