import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ChartFrame } from '../../charts/chart-frame';
import { DepartmentTrendChart } from '../../charts/department-trend-chart';
import type { DepartmentQuarterPoint } from '../../engine/department-view';
import type { TableColumn } from '../../export/table-export';
import { intlLocale, useLocaleStore } from '../../i18n';
import { ExportMenu } from '../../ui/export-menu';
import { formatCount, formatPercent } from '../../ui/format';
import { useDepartmentMsg } from './department-messages';
import type { DepartmentRanks } from './use-department-ranks';

/** Keeps a column's header and cells on one line (the table scrolls sideways when narrow). */
function noWrap<T>(c: ColumnsType<T>[number]): ColumnsType<T>[number] {
  const style = { whiteSpace: 'nowrap' as const };
  return { ...c, onHeaderCell: () => ({ style }), onCell: () => ({ style }) };
}

/**
 * Six quarters of the department: the chart and, beside it, the table of the same points
 * (departmentQuarterTrend), plus the rank per quarter from the rankings page's function.
 */
export function DepartmentTrend({
  name,
  points,
  ranks,
  asOf,
  exportName,
}: {
  name: string;
  points: readonly DepartmentQuarterPoint[];
  ranks: DepartmentRanks;
  asOf: string;
  exportName: string;
}) {
  const m = useDepartmentMsg();
  const locale = useLocaleStore((s) => s.locale);
  const intl = intlLocale(locale);
  const rankText = (q: string): string => {
    if (ranks.status === 'pending') return m('rankPending');
    if (ranks.status === 'error') return m('rankError');
    const rank = ranks.ranks.get(q) ?? null;
    return rank === null
      ? m('unranked')
      : m('rankOf', {
          rank: formatCount(rank, intl),
          total: formatCount(ranks.rankedCount.get(q) ?? 0, intl),
        });
  };
  const quarterText = (p: DepartmentQuarterPoint) =>
    p.partial ? `${p.quarter}${m('partial', { asOf })}` : p.quarter;

  const exportColumns: TableColumn<DepartmentQuarterPoint>[] = [
    { key: 'quarter', header: m('colQuarter'), kind: 'text', value: quarterText, width: 22 },
    {
      key: 'rate',
      header: m('lineOnTime'),
      kind: 'percent',
      value: (p) => p.completion.onTimeRate,
    },
    {
      key: 'completed',
      header: m('colCompleted'),
      kind: 'integer',
      value: (p) => p.completion.completed,
    },
    { key: 'yellow', header: m('colYellow'), kind: 'integer', value: (p) => p.yellowIssued },
    { key: 'red', header: m('colRed'), kind: 'integer', value: (p) => p.redIssued },
    { key: 'rank', header: m('colRank'), kind: 'text', value: (p) => rankText(p.quarter) },
  ];
  const columns: ColumnsType<DepartmentQuarterPoint> = [
    {
      key: 'quarter',
      title: m('colQuarter'),
      render: (_, p) => (
        <span>
          {p.quarter}
          {p.partial ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {m('partialShort', { asOf })}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      key: 'rate',
      title: m('lineOnTime'),
      align: 'right',
      render: (_, p) => formatPercent(p.completion.onTimeRate, intl),
    },
    {
      key: 'completed',
      title: m('colCompleted'),
      align: 'right',
      render: (_, p) => formatCount(p.completion.completed, intl),
    },
    {
      key: 'yellow',
      title: m('colYellow'),
      align: 'right',
      render: (_, p) => formatCount(p.yellowIssued, intl),
    },
    {
      key: 'red',
      title: m('colRed'),
      align: 'right',
      render: (_, p) => formatCount(p.redIssued, intl),
    },
    { key: 'rank', title: m('colRank'), align: 'right', render: (_, p) => rankText(p.quarter) },
  ];
  const first = points[0]?.quarter ?? '';
  const last = points[points.length - 1]?.quarter ?? '';
  return (
    <ChartFrame
      subject={name}
      title={m('trendTitle')}
      period={`${first} – ${last}`}
      source={m('trendSource', { asOf })}
      exportName={exportName}
      summary={m('trendSummary', { name })}
      height={300}
      testId="department-trend"
      aside={
        <>
          <Table<DepartmentQuarterPoint>
            size="small"
            scroll={{ x: 'max-content' }}
            rowKey="quarter"
            dataSource={points}
            columns={columns.map(noWrap)}
            pagination={false}
            data-testid="department-trend-table"
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
            {m('rankNote')}
          </Typography.Paragraph>
          <div style={{ textAlign: 'right' }}>
            <ExportMenu
              fileName={`${exportName}-${m('tableFile')}`}
              sheetName={m('exportTrend')}
              rows={points}
              columns={exportColumns}
              disabled={ranks.status === 'pending'}
            />
          </div>
        </>
      }
    >
      <DepartmentTrendChart
        points={points}
        rateLabel={m('lineOnTime')}
        redLabel={m('barRed')}
        locale={intl}
      />
    </ChartFrame>
  );
}
