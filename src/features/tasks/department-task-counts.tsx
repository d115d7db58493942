import { Button, Empty, Table, type TableColumnsType } from 'antd';
import { isoFromDay } from '../../domain/calendar/day';
import type { TableColumn } from '../../export/table-export';
import type { DepartmentTaskCounts } from '../../engine/tasks';
import { ChartFrame } from '../../charts/chart-frame';
import { DepartmentOverdueChart } from '../../charts/tasks-department-overdue';
import { ExportMenu } from '../../ui/export-menu';
import { formatCount } from '../../ui/format';
import { useTasksMsg, type TasksMsg } from './tasks-messages';
import { FeedText } from '../../ui/feed-text';

export interface DepartmentTaskCountsProps {
  counts: readonly DepartmentTaskCounts[];
  departmentName: (id: string) => string;
  asOfDay: number;
  /** "统计周期：…" or the all-tasks wording, for the chart subtitle. */
  periodLine: string;
  fileKey: string;
  onSelect: (departmentId: string) => void;
}

/** Export and table columns of the per-department counts. */
export function departmentCountColumns(
  m: TasksMsg,
  departmentName: (id: string) => string,
): TableColumn<DepartmentTaskCounts>[] {
  return [
    {
      key: 'name',
      header: m('dept.name'),
      kind: 'text',
      value: (r) => departmentName(r.departmentId),
      width: 20,
    },
    { key: 'open', header: m('dept.open'), kind: 'integer', value: (r) => r.open },
    { key: 'overdue', header: m('dept.overdue'), kind: 'integer', value: (r) => r.overdueTasks },
    { key: 'lagging', header: m('dept.lagging'), kind: 'integer', value: (r) => r.laggingTasks },
    { key: 'dueSoon', header: m('dept.dueSoon'), kind: 'integer', value: (r) => r.dueSoonTasks },
    {
      key: 'overdueMs',
      header: m('dept.overdueMs'),
      kind: 'integer',
      value: (r) => r.overdueMilestones,
    },
  ];
}

/** Per-department overdue tasks and milestones: chart with the table beside it, both exportable. */
export function DepartmentTaskCountsCard(props: DepartmentTaskCountsProps) {
  const m = useTasksMsg();
  const withOpen = props.counts.filter((c) => c.open > 0);
  const charted = withOpen.filter((c) => c.overdueTasks > 0 || c.overdueMilestones > 0);
  const exportColumns = departmentCountColumns(m, props.departmentName);
  const columns: TableColumnsType<DepartmentTaskCounts> = exportColumns.map((c) => ({
    key: c.key,
    title: c.header,
    align: c.kind === 'integer' ? 'right' : undefined,
    render: (_: unknown, r: DepartmentTaskCounts) =>
      c.key === 'name' ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'nowrap', textAlign: 'left' }}
          aria-label={`${m('deptFilter')}：${props.departmentName(r.departmentId)}`}
          onClick={() => props.onSelect(r.departmentId)}
        >
          <FeedText>{props.departmentName(r.departmentId)}</FeedText>
        </Button>
      ) : (
        formatCount(Number(c.value(r)))
      ),
  }));
  return (
    <ChartFrame
      testId="department-task-counts"
      title={m('deptTitle')}
      period={props.periodLine}
      coverage={m('deptCoverage', { n: withOpen.length })}
      source={m('deptSource', { asOf: isoFromDay(props.asOfDay) })}
      exportName={`${m('deptExportName')}-${props.fileKey}`}
      summary={m('deptSummary')}
      height={Math.max(220, charted.length * 44 + 60)}
      extra={
        <ExportMenu
          fileName={`${m('deptExportName')}-${props.fileKey}`}
          rows={withOpen}
          columns={exportColumns}
        />
      }
      aside={
        <Table<DepartmentTaskCounts>
          data-testid="department-task-table"
          size="small"
          rowKey="departmentId"
          columns={columns}
          dataSource={withOpen}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: m('deptEmpty') }}
        />
      }
    >
      {charted.length === 0 ? (
        <Empty description={m('deptEmpty')} />
      ) : (
        <DepartmentOverdueChart
          data={charted.map((c) => ({
            departmentId: c.departmentId,
            name: props.departmentName(c.departmentId),
            overdueTasks: c.overdueTasks,
            overdueMilestones: c.overdueMilestones,
          }))}
          tasksLabel={m('dept.overdue')}
          milestonesLabel={m('dept.overdueMs')}
          onSelect={props.onSelect}
        />
      )}
    </ChartFrame>
  );
}
