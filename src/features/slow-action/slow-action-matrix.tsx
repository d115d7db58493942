import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ChartFrame } from '../../charts/chart-frame';
import {
  SlowActionDeptRuleChart,
  slowActionChartHeight,
} from '../../charts/slow-action-dept-rule-chart';
import type { SlowActionCode } from '../../domain/slow-action';
import {
  codesPresent,
  departmentRuleMatrix,
  type DepartmentRuleLine,
  type SlowActionFlagRow,
} from '../../engine/slow-action-view';
import { useSlowActionText } from '../../ui/slow-action-text';
import type { TableColumn } from '../../export/table-export';
import { ExportMenu } from '../../ui/export-menu';
import { formatCount } from '../../ui/format';
import { useSlowActionMsg } from './slow-action-messages';
import { FeedText } from '../../ui/feed-text';
import { departmentPath } from '../../state/id-links';

/** Column widths (px) that fit the table beside the chart on a 1440 px screen. */
const DEPT_WIDTH = 104;
const COUNT_WIDTH = 52;

/**
 * Flags per department × rule: the stacked bar chart and, beside it, the table of the same
 * numbers — both from one departmentRuleMatrix call over the filtered rows.
 */
export function SlowActionMatrix({
  rows,
  departmentsTotal,
  periodLine,
  source,
  exportName,
  search,
  onSelectDept,
}: {
  rows: readonly SlowActionFlagRow[];
  departmentsTotal: number;
  periodLine: string;
  source: string;
  exportName: string;
  search: string;
  onSelectDept: (id: string) => void;
}) {
  const m = useSlowActionMsg();
  const lines = useMemo(() => departmentRuleMatrix(rows), [rows]);
  const codes = useMemo(() => codesPresent(lines), [lines]);
  const w = useSlowActionText();
  const name = (c: SlowActionCode) => w.ruleName(c);

  const exportColumns: TableColumn<DepartmentRuleLine>[] = [
    {
      key: 'dept',
      header: m('matrixDept'),
      kind: 'text',
      value: (l) => l.departmentName,
      width: 20,
    },
    ...codes.map((c): TableColumn<DepartmentRuleLine> => ({
      key: c,
      header: name(c),
      kind: 'integer',
      value: (l) => l.counts[c],
    })),
    { key: 'total', header: m('matrixTotal'), kind: 'integer', value: (l) => l.total },
  ];
  const tableColumns: ColumnsType<DepartmentRuleLine> = [
    {
      key: 'dept',
      title: m('matrixDept'),
      fixed: 'left',
      width: DEPT_WIDTH,
      ellipsis: true,
      render: (_, l) => (
        <Link to={{ pathname: departmentPath(l.departmentId), search }}>
          <FeedText>{l.departmentName}</FeedText>
        </Link>
      ),
    },
    ...codes.map((c) => ({
      key: c,
      title: name(c),
      align: 'right' as const,
      width: COUNT_WIDTH,
      render: (_: unknown, l: DepartmentRuleLine) => formatCount(l.counts[c]),
    })),
    {
      key: 'total',
      title: m('matrixTotal'),
      align: 'right',
      width: COUNT_WIDTH,
      render: (_, l) => <Typography.Text strong>{formatCount(l.total)}</Typography.Text>,
    },
  ];

  // The table's own export sits under it, apart from the chart's PNG/SVG menu in the header.
  const table = (
    <>
      <Table<DepartmentRuleLine>
        size="small"
        rowKey="departmentId"
        dataSource={lines}
        columns={tableColumns}
        pagination={false}
        scroll={{
          x: DEPT_WIDTH + (codes.length + 1) * COUNT_WIDTH,
          y: slowActionChartHeight(lines.length) - 40,
        }}
        data-testid="slow-action-matrix-table"
      />
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <ExportMenu
          fileName={`${exportName}-${m('matrixFile')}`}
          sheetName={m('matrixFile')}
          rows={lines}
          columns={exportColumns}
        />
      </div>
    </>
  );
  return (
    <ChartFrame
      title={m('chartTitle')}
      period={periodLine}
      coverage={m('chartCoverage', {
        withFlags: formatCount(lines.length),
        total: formatCount(departmentsTotal),
      })}
      source={source}
      exportName={exportName}
      summary={m('chartSummary', { n: formatCount(lines.length) })}
      height={lines.length === 0 ? 120 : slowActionChartHeight(lines.length)}
      testId="slow-action-matrix"
      aside={lines.length === 0 ? undefined : table}
    >
      {lines.length === 0 ? (
        <Empty description={m('chartEmpty')} />
      ) : (
        <SlowActionDeptRuleChart
          lines={lines}
          codes={codes}
          ruleName={name}
          onOpen={onSelectDept}
        />
      )}
    </ChartFrame>
  );
}
