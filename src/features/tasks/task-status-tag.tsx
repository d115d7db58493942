import { Tag } from 'antd';
import type { MilestoneStatusCode, TaskStatusCode } from '../../domain/tasks';
import { useTasksMsg } from './tasks-messages';

/** Colours of the task rules (DOMAIN.md): 临期 blue, 滞后 yellow, 逾期 red. */
export const TASK_STATUS_COLOR: Record<TaskStatusCode, string> = {
  overdue: 'red',
  lagging: 'gold',
  'due-soon': 'blue',
  normal: 'green',
  done: 'default',
};

const MILESTONE_COLOR: Record<MilestoneStatusCode, string> = {
  'done-on-time': 'green',
  'done-late': 'orange',
  overdue: 'red',
  'due-soon': 'blue',
  pending: 'gray',
  unreported: 'gray',
};

/** The colour-coded status of a task. */
export function TaskStatusTag({ status }: { status: TaskStatusCode }) {
  const m = useTasksMsg();
  return (
    <Tag color={TASK_STATUS_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {m(`status.${status}`)}
    </Tag>
  );
}

/** Colour of a milestone's tag. */
export function milestoneColor(status: MilestoneStatusCode): string {
  return MILESTONE_COLOR[status];
}

/** Colour of a milestone's dot on the timeline (the timeline takes CSS colours beyond its four). */
export function milestoneDotColor(status: MilestoneStatusCode): string {
  return status === 'done-late' ? '#fa8c16' : MILESTONE_COLOR[status];
}
