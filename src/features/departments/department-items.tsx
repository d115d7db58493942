import { Card, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DepartmentItemLine } from '../../engine/department-view';
import type { TableColumn } from '../../export/table-export';
import { intlLocale, useLocaleStore } from '../../i18n';
import { ExportMenu } from '../../ui/export-menu';
import { formatCount, formatPercent } from '../../ui/format';
import { useDepartmentMsg } from './department-messages';
import { FeedText, feedCell } from '../../ui/feed-text';

/** The department's service items: limits (即办件 marked) and the period's completion per item. */
export function DepartmentItems({
  lines,
  periodName,
  fileName,
}: {
  lines: readonly DepartmentItemLine[];
  periodName: string;
  fileName: string;
}) {
  const m = useDepartmentMsg();
  const locale = useLocaleStore((s) => s.locale);
  const intl = intlLocale(locale);
  const limitText = (n: number | null) =>
    n === null ? '—' : m('days', { n: formatCount(n, intl) });
  const meanText = (l: DepartmentItemLine) =>
    l.period.meanElapsedDays === null
      ? '—'
      : l.period.meanElapsedDays.toLocaleString(intl, {
          maximumFractionDigits: 1,
          minimumFractionDigits: 1,
        });

  const exportColumns: TableColumn<DepartmentItemLine>[] = [
    {
      key: 'code',
      header: m('colItem'),
      kind: 'text',
      value: (l) => `${l.name}（${l.code}）`,
      width: 36,
    },
    { key: 'kind', header: m('colKind'), kind: 'text', value: (l) => l.kind ?? '' },
    {
      key: 'committed',
      header: m('colCommittedExport'),
      kind: 'integer',
      value: (l) => l.committedLimitDays,
    },
    {
      key: 'statutory',
      header: m('colStatutory'),
      kind: 'integer',
      value: (l) => l.statutoryLimitDays,
    },
    { key: 'open', header: m('colOpen'), kind: 'integer', value: (l) => l.open },
    {
      key: 'completed',
      header: m('colCompleted'),
      kind: 'integer',
      value: (l) => l.period.completed,
    },
    { key: 'onTime', header: m('colOnTime'), kind: 'integer', value: (l) => l.period.onTime },
    { key: 'rate', header: m('colOnTimeRate'), kind: 'percent', value: (l) => l.period.onTimeRate },
    {
      key: 'mean',
      header: m('colMean'),
      kind: 'number',
      decimals: 1,
      value: (l) => l.period.meanElapsedDays,
    },
  ];
  const columns: ColumnsType<DepartmentItemLine> = [
    {
      key: 'code',
      title: m('colItem'),
      render: (_, l) => (
        <span>
          <FeedText>{l.name}</FeedText>
          <br />
          <span style={{ color: '#8c8c8c', fontSize: 12 }}>{l.code}</span>
        </span>
      ),
    },
    {
      key: 'kind',
      title: m('colKind'),
      width: 90,
      // The item's kind as the feed names it (行政许可, 公共服务, …).
      onCell: feedCell,
      render: (_, l) => l.kind ?? '—',
    },
    {
      key: 'committed',
      title: m('colCommitted'),
      width: 130,
      render: (_, l) =>
        l.immediate ? <Tag color="blue">{m('immediate')}</Tag> : limitText(l.committedLimitDays),
    },
    {
      key: 'statutory',
      title: m('colStatutory'),
      width: 110,
      render: (_, l) => limitText(l.statutoryLimitDays),
    },
    {
      key: 'open',
      title: m('colOpen'),
      align: 'right',
      width: 70,
      render: (_, l) => formatCount(l.open, intl),
    },
    {
      key: 'completed',
      title: m('colCompleted'),
      align: 'right',
      width: 70,
      render: (_, l) => formatCount(l.period.completed, intl),
    },
    {
      key: 'onTime',
      title: m('colOnTime'),
      align: 'right',
      width: 70,
      render: (_, l) => formatCount(l.period.onTime, intl),
    },
    {
      key: 'rate',
      title: m('colOnTimeRate'),
      align: 'right',
      width: 100,
      render: (_, l) => formatPercent(l.period.onTimeRate, intl),
    },
    { key: 'mean', title: m('colMean'), align: 'right', width: 90, render: (_, l) => meanText(l) },
  ];
  return (
    <Card
      size="small"
      title={m('itemsTitle')}
      extra={
        <ExportMenu
          fileName={fileName}
          sheetName={m('exportItems')}
          rows={lines}
          columns={exportColumns}
          disabled={lines.length === 0}
        />
      }
      data-testid="department-items"
    >
      <p style={{ color: '#8c8c8c', marginTop: 0 }}>{m('itemsNote', { period: periodName })}</p>
      <Table<DepartmentItemLine>
        size="small"
        rowKey="code"
        dataSource={lines}
        columns={columns}
        pagination={lines.length > 30 ? { pageSize: 30 } : false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={m('itemsEmpty')} /> }}
      />
    </Card>
  );
}
