import { Button, Result, Skeleton, Typography } from 'antd';
import { useTasksFeed } from '../../feeds/api/tasks';
import { useDashboard } from '../../engine/use-dashboard';
import { ModelGate } from '../../ui/model-gate';
import { TasksView } from './tasks-view';
import { useTasksMsg } from './tasks-messages';

/**
 * 督查事项: supervision tasks with deadlines, milestones and overdue reminders. Departments and
 * the as-of day come from the dashboard model (so every page agrees on them); the tasks come from
 * their own feed and are evaluated here (≈150 records, cheap on the main thread).
 */
export function TasksPage() {
  const m = useTasksMsg();
  const tasks = useTasksFeed();
  return (
    <ModelGate state={useDashboard()}>
      {(model) => {
        if (tasks.data) return <TasksView model={model} tasks={tasks.data.records} />;
        if (tasks.isError) {
          return (
            <Result
              status="error"
              title={m('tasksFeedError', { reason: tasks.error.message })}
              extra={
                <Button type="primary" onClick={() => void tasks.refetch()}>
                  {m('retry')}
                </Button>
              }
            />
          );
        }
        return (
          <div aria-busy="true">
            <Typography.Text type="secondary">{m('loadingTasks')}</Typography.Text>
            <Skeleton active paragraph={{ rows: 6 }} />
          </div>
        );
      }}
    </ModelGate>
  );
}
