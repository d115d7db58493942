import { Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { OverviewFigures } from '../../engine/overview';
import type { DepartmentLine } from '../../engine/summaries';
import { formatCount, formatPercent } from '../../ui/format';
import { alertsTo, departmentTo } from './links';
import type { OverviewMsg } from './overview-messages';
import { FeedText } from '../../ui/feed-text';

export interface DepartmentDrawerProps {
  open: boolean;
  onClose: () => void;
  figures: OverviewFigures;
  m: OverviewMsg;
  periodName: string;
  periodSearch: string;
  locale: string;
}

const rate = (v: number | null) => (v === null ? -1 : v);

/**
 * The list behind 在办, 办结, 按时办结率 and 平均办理时长: every department's figures with the
 * city total on top (the total is the pooled count, which equals the sum of the rows).
 */
export function DepartmentDrawer(props: DepartmentDrawerProps) {
  const { figures, m, periodSearch, locale } = props;
  const rows = figures.departments
    .filter((l) => l.open.open > 0 || l.period.completed > 0)
    .sort((a, b) => b.open.open - a.open.open || a.name.localeCompare(b.name, 'zh-CN'));
  const days = (v: number | null) =>
    v === null
      ? '—'
      : v.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={Math.min(1080, window.innerWidth - 32)}
      title={m('drawerTitle', { period: props.periodName })}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{m('drawerExplain')}</Typography.Paragraph>
      <Table<DepartmentLine>
        size="small"
        rowKey="departmentId"
        data-testid="overview-department-table"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 960, y: 'calc(100vh - 260px)' }}
        summary={() => (
          <Table.Summary fixed="top">
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{m('cityTotal')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatCount(figures.open.open, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatCount(figures.open.levels.red, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatCount(figures.open.levels.yellow, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {formatCount(figures.period.completed, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {formatCount(figures.period.onTime, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {formatCount(figures.period.late, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {formatPercent(figures.period.onTimeRate, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                {days(figures.period.meanElapsedDays)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
        columns={[
          {
            key: 'name',
            title: m('department'),
            fixed: 'left',
            width: 180,
            render: (_, l) => (
              <Link to={departmentTo(periodSearch, l.departmentId)}>
                <FeedText>{l.name}</FeedText>
              </Link>
            ),
          },
          {
            key: 'open',
            title: m('open'),
            align: 'right',
            sorter: (a, b) => a.open.open - b.open.open,
            render: (_, l) => formatCount(l.open.open, locale),
          },
          {
            key: 'red',
            title: m('red'),
            align: 'right',
            sorter: (a, b) => a.open.levels.red - b.open.levels.red,
            render: (_, l) => (
              <Link to={alertsTo(periodSearch, 'red', l.departmentId)}>
                {formatCount(l.open.levels.red, locale)}
              </Link>
            ),
          },
          {
            key: 'yellow',
            title: m('yellow'),
            align: 'right',
            sorter: (a, b) => a.open.levels.yellow - b.open.levels.yellow,
            render: (_, l) => (
              <Link to={alertsTo(periodSearch, 'yellow', l.departmentId)}>
                {formatCount(l.open.levels.yellow, locale)}
              </Link>
            ),
          },
          {
            key: 'completed',
            title: m('completed'),
            align: 'right',
            sorter: (a, b) => a.period.completed - b.period.completed,
            render: (_, l) => formatCount(l.period.completed, locale),
          },
          {
            key: 'onTime',
            title: m('onTime'),
            align: 'right',
            render: (_, l) => formatCount(l.period.onTime, locale),
          },
          {
            key: 'late',
            title: m('late'),
            align: 'right',
            render: (_, l) => formatCount(l.period.late, locale),
          },
          {
            key: 'rate',
            title: m('onTimeRate'),
            align: 'right',
            sorter: (a, b) => rate(a.period.onTimeRate) - rate(b.period.onTimeRate),
            render: (_, l) => formatPercent(l.period.onTimeRate, locale),
          },
          {
            key: 'mean',
            title: m('meanShort'),
            width: 120,
            align: 'right',
            sorter: (a, b) => rate(a.period.meanElapsedDays) - rate(b.period.meanElapsedDays),
            render: (_, l) => days(l.period.meanElapsedDays),
          },
        ]}
      />
    </Drawer>
  );
}
