import { Card, Skeleton, Statistic, Typography } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { Link } from 'react-router';
import { useTasks } from '../api/tasks';
import { overdueTaskCount } from '../engine/tasks';
import { defineMessages } from '../i18n';
import { formatCount } from './format';

const useMsg = defineMessages(
  {
    title: '逾期督查事项',
    detail: '逾期节点 {ms} 个 · 在办事项 {open} 项',
    open: '查看逾期事项',
    loading: '正在读取督查事项…',
    error: '督查事项数据暂不可用',
    none: '该数据源没有督查事项',
  },
  {
    title: 'Overdue supervision tasks',
    detail: '{ms} overdue milestones · {open} open tasks',
    open: 'Show overdue tasks',
    loading: 'Reading supervision tasks…',
    error: 'Supervision tasks are unavailable',
    none: 'This data source has no supervision tasks',
  },
);

export interface OverdueTasksStatProps {
  /** A lead department; omit for the whole city. */
  departmentId?: string;
  /** Render as a bare statistic instead of a small card (to sit in an existing KPI row). */
  bare?: boolean;
  /** Outer style, e.g. a top margin where the host page inserts it. */
  style?: CSSProperties;
}

/**
 * Overdue (逾期) supervision tasks led by a department (or the city) as of a day, with its overdue
 * milestones; the number links to the tasks page filtered to exactly those tasks. The count is
 * `overdueTaskCount` from src/engine/tasks.ts over the service's task rows (evaluated as of the
 * service's as-of day, like every other figure) — the same rows the tasks page shows.
 */
export function OverdueTasksStat({ departmentId, bare, style }: OverdueTasksStatProps) {
  const m = useMsg();
  const feed = useTasks();
  const rows = feed.data?.items;
  const figures = useMemo(
    () => (rows ? overdueTaskCount(rows, departmentId) : null),
    [rows, departmentId],
  );
  const search = new URLSearchParams({ status: 'overdue', scope: 'all' });
  if (departmentId !== undefined) search.set('dept', departmentId);

  let body;
  if (feed.data?.hasTasks === false) {
    // A source without tasks (an imported case file) says so rather than showing 0 or the city's.
    body = (
      <>
        <Typography.Text type="secondary">{m('title')}</Typography.Text>
        <div data-testid="overdue-tasks-none">
          <Typography.Text type="secondary">{m('none')}</Typography.Text>
        </div>
      </>
    );
  } else if (figures) {
    body = (
      <>
        <Statistic
          title={m('title')}
          valueRender={() => (
            <Link
              to={{ pathname: '/tasks', search: `?${search.toString()}` }}
              aria-label={`${m('open')}：${formatCount(figures.overdueTasks)}`}
              data-testid="overdue-tasks-count"
              style={{ color: figures.overdueTasks > 0 ? '#cf1322' : undefined }}
            >
              {formatCount(figures.overdueTasks)}
            </Link>
          )}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m('detail', {
            ms: formatCount(figures.overdueMilestones),
            open: formatCount(figures.open),
          })}
        </Typography.Text>
      </>
    );
  } else if (feed.isError) {
    body = (
      <>
        <Typography.Text type="secondary">{m('title')}</Typography.Text>
        <div>
          <Typography.Text type="warning">{m('error')}</Typography.Text>
        </div>
      </>
    );
  } else {
    body = (
      <div aria-busy="true" aria-label={m('loading')}>
        <Typography.Text type="secondary">{m('title')}</Typography.Text>
        <Skeleton active title={false} paragraph={{ rows: 1 }} />
      </div>
    );
  }
  if (bare)
    return (
      <div data-testid="overdue-tasks-stat" style={style}>
        {body}
      </div>
    );
  return (
    <Card size="small" data-testid="overdue-tasks-stat" style={style}>
      {body}
    </Card>
  );
}
