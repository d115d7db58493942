import { Card, Col, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { periodSpan, periodName } from '../../charts/period-label';
import { isoFromDay } from '../../domain/calendar/day';
import { periodKey } from '../../domain/period/period';
import type { DayIndex } from '../../domain/calendar/day';
import type { DepartmentInfo } from '../../engine/dashboard';
import {
  departmentTaskCounts,
  filterTaskRows,
  sortByUrgency,
  statusCounts,
  taskReminders,
  type TaskRow,
} from '../../engine/tasks';
import { useT } from '../../i18n';
import { ExportMenu } from '../../ui/export-menu';
import { formatCount } from '../../ui/format';
import { DepartmentTaskCountsCard } from './department-task-counts';
import { RemindersPanel } from './reminders-panel';
import { SourceMatrix } from './source-matrix';
import { StatusSummary } from './status-summary';
import { taskColumns } from './task-columns';
import { TaskFilterBar } from './task-filter-bar';
import { TaskTable } from './task-table';
import { useTasksMsg } from './tasks-messages';
import { useTaskFilters } from './use-task-filters';

/** The 督查事项 page once the service's task rows (evaluated as of its as-of day) are loaded. */
export function TasksView({
  all,
  asOfDay,
  departments,
}: {
  all: TaskRow[];
  asOfDay: DayIndex;
  departments: readonly DepartmentInfo[];
}) {
  const m = useTasksMsg();
  const t = useT();
  const state = useTaskFilters(asOfDay);
  const { filters, period, scopeAll } = state;
  const [expanded, setExpanded] = useState<string[]>([]);

  const names = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);
  const departmentName = (id: string) => names.get(id) ?? id;
  // Each panel counts the rows of every filter except its own dimension, so its numbers can be
  // clicked to narrow the list without emptying themselves.
  const base = useMemo(() => filterTaskRows(all, { ...filters, statuses: [] }), [all, filters]);
  const listRows = useMemo(() => sortByUrgency(filterTaskRows(all, filters)), [all, filters]);
  const bySource = useMemo(
    () => filterTaskRows(all, { ...filters, sources: [], statuses: [] }),
    [all, filters],
  );
  const byDept = useMemo(
    () =>
      departmentTaskCounts(filterTaskRows(all, { ...filters, departmentId: null, statuses: [] })),
    [all, filters],
  );
  const reminders = useMemo(() => taskReminders(base), [base]);
  const counts = useMemo(() => statusCounts(base), [base]);
  const leadDepartments = useMemo(() => {
    const ids = [...new Set(all.map((r) => r.task.leadDepartmentId))];
    return departments.filter((d) => ids.includes(d.id));
  }, [all, departments]);

  const periodLabel = periodName(period, t);
  const periodLine = scopeAll
    ? m('scopeAll')
    : m('periodLine', { period: periodLabel, span: periodSpan(period, t) });
  const fileKey = scopeAll
    ? `全部-${isoFromDay(asOfDay)}`
    : `${periodKey(period)}-${isoFromDay(asOfDay)}`;
  const columns = taskColumns(m, departmentName);
  const empty = all.length === 0 ? m('emptyFeed') : m('emptyFiltered');

  const show = (id: string) => {
    state.setQuery(id);
    setExpanded([id]);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="tasks-page">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {m('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {m('intro', { asOf: isoFromDay(asOfDay) })}
        </Typography.Paragraph>
      </div>
      <TaskFilterBar state={state} departments={leadDepartments} periodLabel={periodLabel} />
      <StatusSummary
        counts={counts}
        selected={filters.statuses}
        onSelect={(s) =>
          state.setStatuses(filters.statuses.length === 1 && filters.statuses[0] === s ? [] : [s])
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SourceMatrix
            rows={bySource}
            onSelect={(source, status) => {
              state.setSources([source]);
              state.setStatuses(status === null ? [] : [status]);
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <RemindersPanel reminders={reminders} departmentName={departmentName} onShow={show} />
        </Col>
      </Row>
      <Card
        data-testid="task-list-card"
        title={m('listTitle')}
        extra={
          <Space>
            <Typography.Text type="secondary" data-testid="task-count">
              {m('filteredCount', { n: formatCount(listRows.length) })}
            </Typography.Text>
            <ExportMenu
              fileName={`${m('exportName')}-${fileKey}`}
              rows={listRows}
              columns={columns}
            />
          </Space>
        }
      >
        <TaskTable
          rows={listRows}
          departmentName={departmentName}
          expanded={expanded}
          onExpandedChange={setExpanded}
          emptyText={empty}
        />
      </Card>
      <DepartmentTaskCountsCard
        counts={byDept}
        departmentName={departmentName}
        asOfDay={asOfDay}
        periodLine={periodLine}
        fileKey={fileKey}
        onSelect={(id) => state.setDepartment(id)}
      />
    </Space>
  );
}
