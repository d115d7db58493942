import { Empty, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ChartFrame } from '../../charts/chart-frame';
import { RedDepartmentsChart } from '../../charts/overview-red-departments';
import type { OverviewFigures } from '../../engine/overview';
import type { DepartmentLine } from '../../engine/summaries';
import { formatCount } from '../../ui/format';
import { alertsTo, departmentTo } from './links';
import type { OverviewMsg } from './overview-messages';
import { FeedText } from '../../ui/feed-text';

export interface RedDepartmentsProps {
  figures: OverviewFigures;
  m: OverviewMsg;
  periodSearch: string;
  /** Chart subtitle lines and export file name (shared with the other overview charts). */
  asOfLine: string;
  coverageLine: string;
  source: string;
  exportName: string;
  locale: string;
}

/** 红牌最多的部门: a bar chart with the table beside it; every bar and number opens its list. */
export function RedDepartments(props: RedDepartmentsProps) {
  const { figures, m, periodSearch, locale } = props;
  const navigate = useNavigate();
  const lines = figures.redDepartments;
  const summary =
    lines.length === 0
      ? m('redDeptEmpty')
      : m('redDeptSummary', {
          n: lines.length,
          list: lines.map((l) => `${l.name} ${l.open.levels.red}`).join('、'),
        });
  return (
    <ChartFrame
      testId="chart-red-departments"
      title={m('redDeptTitle')}
      period={props.asOfLine}
      coverage={props.coverageLine}
      source={props.source}
      exportName={props.exportName}
      summary={summary}
      height={Math.max(200, lines.length * 32 + 40)}
      aside={
        <Table<DepartmentLine>
          size="small"
          rowKey="departmentId"
          pagination={false}
          dataSource={lines}
          locale={{ emptyText: m('redDeptEmpty') }}
          columns={[
            {
              key: 'name',
              title: m('department'),
              render: (_, l) => (
                <Link to={departmentTo(periodSearch, l.departmentId)}>
                  <FeedText>{l.name}</FeedText>
                </Link>
              ),
            },
            {
              key: 'red',
              title: m('red'),
              align: 'right',
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
              render: (_, l) => (
                <Link to={alertsTo(periodSearch, 'yellow', l.departmentId)}>
                  {formatCount(l.open.levels.yellow, locale)}
                </Link>
              ),
            },
            {
              key: 'open',
              title: m('open'),
              align: 'right',
              render: (_, l) => formatCount(l.open.open, locale),
            },
          ]}
        />
      }
    >
      {lines.length === 0 ? (
        <Empty description={m('redDeptEmpty')} />
      ) : (
        <RedDepartmentsChart
          data={lines.map((l) => ({
            departmentId: l.departmentId,
            name: l.name,
            red: l.open.levels.red,
          }))}
          redLabel={m('red')}
          onOpen={(id) => void navigate(departmentTo(periodSearch, id))}
        />
      )}
    </ChartFrame>
  );
}
