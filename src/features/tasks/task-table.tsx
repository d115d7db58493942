import { Table, Typography, type TableColumnsType } from 'antd';
import { isoFromDay } from '../../domain/calendar/day';
import type { TaskRow } from '../../engine/tasks';
import { MilestoneTimeline } from './milestone-timeline';
import { daysText } from './task-columns';
import { TaskStatusTag } from './task-status-tag';
import { useTasksMsg } from './tasks-messages';
import { FeedText, FEED_LANG } from '../../ui/feed-text';

export interface TaskTableProps {
  rows: readonly TaskRow[];
  departmentName: (id: string) => string;
  /** Ids of expanded rows (controlled, so a reminder can open its task). */
  expanded: readonly string[];
  onExpandedChange: (ids: string[]) => void;
  emptyText: string;
}

const day = (d: number | null) => (d === null ? '—' : isoFromDay(d));

/**
 * The task list: colour-coded status, days left or late, milestones done; a row expands to its
 * milestone timeline with the latest progress note.
 */
export function TaskTable({
  rows,
  departmentName,
  expanded,
  onExpandedChange,
  emptyText,
}: TaskTableProps) {
  const m = useTasksMsg();
  const columns: TableColumnsType<TaskRow> = [
    { key: 'id', title: m('col.id'), width: 130, render: (_, r) => r.task.id },
    {
      key: 'source',
      title: m('col.source'),
      width: 120,
      render: (_, r) => m(`source.${r.task.source}`),
    },
    {
      key: 'title',
      title: m('col.title'),
      render: (_, r) => (
        <div style={{ minWidth: 220 }}>
          <div lang={FEED_LANG}>{r.task.title}</div>
          {r.task.outcome ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m('col.outcome')}：{r.task.outcome}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'lead',
      title: m('col.lead'),
      width: 150,
      render: (_, r) => <FeedText>{departmentName(r.task.leadDepartmentId)}</FeedText>,
    },
    { key: 'deadline', title: m('col.deadline'), width: 110, render: (_, r) => day(r.ev.deadline) },
    {
      key: 'status',
      title: m('col.status'),
      width: 90,
      render: (_, r) => <TaskStatusTag status={r.ev.status} />,
    },
    {
      key: 'days',
      title: m('col.days'),
      width: 130,
      render: (_, r) => (
        <Typography.Text type={r.ev.lateDays > 0 ? 'danger' : undefined}>
          {daysText(r.ev, m)}
        </Typography.Text>
      ),
    },
    {
      key: 'milestones',
      title: m('col.milestones'),
      width: 100,
      align: 'right',
      render: (_, r) =>
        `${r.ev.milestones.filter((x) => x.doneDay !== null).length}/${r.ev.milestones.length}`,
    },
    {
      key: 'overdueMs',
      title: m('col.overdueMs'),
      width: 90,
      align: 'right',
      render: (_, r) =>
        r.ev.overdueMilestones > 0 ? (
          <Typography.Text type="danger">{r.ev.overdueMilestones}</Typography.Text>
        ) : (
          0
        ),
    },
  ];
  return (
    <Table<TaskRow>
      data-testid="task-table"
      rowKey={(r) => r.task.id}
      size="middle"
      columns={columns}
      dataSource={rows as TaskRow[]}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: false }}
      scroll={{ x: 1100 }}
      locale={{ emptyText }}
      expandable={{
        expandedRowKeys: expanded as string[],
        onExpandedRowsChange: (keys) => onExpandedChange(keys.map(String)),
        expandedRowRender: (r) => <MilestoneTimeline row={r} />,
      }}
      rowClassName={(r) => `task-row task-${r.ev.status}`}
    />
  );
}
