import { Card, Checkbox, Empty, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { isoFromDay } from '../../domain/calendar/day';
import { DEFAULT_TASK_THRESHOLDS } from '../../domain/tasks';
import type { TaskReminders, TaskRow } from '../../engine/tasks';
import { formatCount } from '../../ui/format';
import { reminderKey, useReminderStore } from './reminder-store';
import { daysText } from './task-columns';
import { TaskStatusTag } from './task-status-tag';
import { useTasksMsg } from './tasks-messages';
import { FeedText } from '../../ui/feed-text';

export interface RemindersPanelProps {
  reminders: TaskReminders;
  departmentName: (id: string) => string;
  /** Shows the task in the list (filters to it and opens its timeline). */
  onShow: (taskId: string) => void;
}

type Group = 'overdue' | 'lagging' | 'dueSoon';

/** The reminders a supervisor works through: 逾期 now, 滞后 now, 临期 within 3 days. */
export function RemindersPanel({ reminders, departmentName, onShow }: RemindersPanelProps) {
  const m = useTasksMsg();
  const handled = useReminderStore((s) => s.handled);
  const toggle = useReminderStore((s) => s.toggle);
  const [tab, setTab] = useState<Group>('overdue');
  const all = [...reminders.overdue, ...reminders.lagging, ...reminders.dueSoon];
  const done = all.filter((r) => handled[reminderKey(r)]).length;

  const what = (r: TaskRow) =>
    r.ev.status === 'overdue' || r.ev.next === null || r.ev.next.kind === 'task'
      ? `${m('remTask')} ${r.ev.deadline === null ? '—' : isoFromDay(r.ev.deadline)}`
      : `${m('remNextMilestone', { name: r.ev.next.name })} ${isoFromDay(r.ev.next.due)}`;

  const list = (rows: readonly TaskRow[]) =>
    rows.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('remEmpty')} />
    ) : (
      // A plain list: antd's List is deprecated in antd 6, and this needs no more than markup.
      <ul className="reminder-list">
        {rows.map((r) => {
          const key = reminderKey(r);
          const isHandled = handled[key] === true;
          return (
            <li
              key={key}
              data-testid="reminder"
              data-task-id={r.task.id}
              style={{ opacity: isHandled ? 0.55 : 1 }}
            >
              <div style={{ minWidth: 0 }}>
                <div>
                  <TaskStatusTag status={r.ev.status} />{' '}
                  <button
                    type="button"
                    className="task-reminder-link"
                    onClick={() => onShow(r.task.id)}
                    // A plain button styled as a link: keyboard-accessible, no click-wave effect.
                    style={{
                      background: 'none',
                      border: 0,
                      padding: 0,
                      font: 'inherit',
                      color: '#1677ff',
                      cursor: 'pointer',
                      textAlign: 'left',
                      textDecoration: isHandled ? 'line-through' : undefined,
                    }}
                  >
                    <FeedText>{r.task.title}</FeedText>
                  </button>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.task.id} · <FeedText>{departmentName(r.task.leadDepartmentId)}</FeedText> ·{' '}
                  {what(r)} ·{' '}
                  {r.ev.status === 'lagging'
                    ? m('daysLate', { n: Math.max(...r.ev.milestones.map((x) => x.lateDays)) })
                    : daysText(r.ev, m)}
                </Typography.Text>
              </div>
              <Checkbox checked={isHandled} onChange={() => toggle(key)}>
                {m('remMark')}
              </Checkbox>
            </li>
          );
        })}
      </ul>
    );

  return (
    <Card
      data-testid="reminders-panel"
      title={m('reminders')}
      extra={
        <Typography.Text type="secondary" data-testid="reminders-handled">
          {m('remHandled', { done: formatCount(done), total: formatCount(all.length) })}
        </Typography.Text>
      }
      styles={{ body: { paddingTop: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {m('remindersHint', { n: DEFAULT_TASK_THRESHOLDS.dueSoonDays })}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Group)}
        items={[
          {
            key: 'overdue',
            label: m('remOverdue', { n: reminders.overdue.length }),
            children: list(reminders.overdue),
          },
          {
            key: 'lagging',
            label: m('remLagging', { n: reminders.lagging.length }),
            children: list(reminders.lagging),
          },
          {
            key: 'dueSoon',
            label: m('remDueSoon', { n: reminders.dueSoon.length }),
            children: list(reminders.dueSoon),
          },
        ]}
      />
    </Card>
  );
}
