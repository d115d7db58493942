import { Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import { isoFromDay } from '../../domain/calendar/day';
import type { TaskRow } from '../../engine/tasks';
import { formatDateTime } from '../../ui/format';
import { basisText, daysText } from './task-columns';
import { milestoneColor, milestoneDotColor } from './task-status-tag';
import { useTasksMsg } from './tasks-messages';

/** A task's milestones as a timeline (each with its status), then the deadline and latest note. */
export function MilestoneTimeline({ row }: { row: TaskRow }) {
  const m = useTasksMsg();
  const { task, ev } = row;
  const items = ev.milestones.map((ms) => {
    const late =
      ms.status === 'overdue' || ms.status === 'done-late'
        ? ` · ${m('daysLate', { n: ms.lateDays })}`
        : '';
    return {
      key: String(ms.index),
      color: milestoneDotColor(ms.status),
      content: (
        <div data-testid="milestone">
          <Typography.Text strong>{ms.name}</Typography.Text>{' '}
          <Tag color={milestoneColor(ms.status)}>{m(`ms.${ms.status}`)}</Tag>
          <Typography.Text type="secondary">
            {m('dueOn', { date: isoFromDay(ms.due) })}
            {ms.doneDay !== null ? ` · ${m('doneOn', { date: isoFromDay(ms.doneDay) })}` : ''}
            {late}
          </Typography.Text>
        </div>
      ),
    };
  });
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, padding: '8px 16px' }}>
      <div style={{ flex: '1 1 360px', minWidth: 0 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {m('milestonesTitle')}
        </Typography.Title>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('noMilestones')} />
        ) : (
          <Timeline items={items} />
        )}
      </div>
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={m('taskDeadline')}>
            {ev.deadline === null ? '—' : isoFromDay(ev.deadline)}
            {m('basisOf', { basis: basisText(row, m) })} {daysText(ev, m)}
          </Descriptions.Item>
          <Descriptions.Item label={m('latestNote')}>
            <div>{task.progressNote || '—'}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m('updatedAt', { time: formatDateTime(task.updatedAt) })}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </div>
    </div>
  );
}
