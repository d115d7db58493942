import { Card, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { isoFromDay } from '../../domain/calendar';
import type { WarningLevel } from '../../domain/time-limit';
import type { CaseStatusRow } from '../../engine/dashboard';
import { intlLocale, useLocaleStore } from '../../i18n';
import { formatCount } from '../../ui/format';
import { useDepartmentMsg } from './department-messages';
import { withDept } from './links';
import { casePath } from '../../state/id-links';

const LEVEL_COLOR: Record<WarningLevel, string> = {
  red: 'red',
  yellow: 'gold',
  'early-warning': 'blue',
  normal: 'default',
};

/** The worst open alerts of the department (worstOpenAlerts), with a link to all of them. */
export function DepartmentAlerts({
  departmentId,
  rows,
  total,
  search,
}: {
  departmentId: string;
  rows: readonly CaseStatusRow[];
  /** Open cases with a warning in the department (the "查看全部" count). */
  total: number;
  search: string;
}) {
  const m = useDepartmentMsg();
  const locale = useLocaleStore((s) => s.locale);
  const intl = intlLocale(locale);
  const levelText = (l: WarningLevel) =>
    l === 'red' ? m('levelRed') : l === 'yellow' ? m('levelYellow') : m('levelEarly');
  const columns: ColumnsType<CaseStatusRow> = [
    {
      key: 'id',
      title: m('colCase'),
      render: (_, r) => <Link to={{ pathname: casePath(r.id), search }}>{r.id}</Link>,
    },
    {
      key: 'level',
      title: m('colLevel'),
      width: 80,
      render: (_, r) => <Tag color={LEVEL_COLOR[r.level]}>{levelText(r.level)}</Tag>,
    },
    {
      key: 'due',
      title: m('colDue'),
      width: 200,
      render: (_, r) => `${isoFromDay(r.committedDue)} / ${isoFromDay(r.statutoryDue)}`,
    },
    {
      key: 'remaining',
      title: m('colRemaining'),
      width: 170,
      render: (_, r) =>
        r.level === 'red'
          ? m('overdueStatutory', { n: formatCount(r.statutoryOverdueDays, intl) })
          : r.overdue
            ? m('overdueCommitted', { n: formatCount(r.overdueDays, intl) })
            : m('remaining', { n: formatCount(r.remainingDays, intl) }),
    },
  ];
  return (
    <Card
      size="small"
      title={m('alertsTitle')}
      extra={
        total > 0 ? (
          <Link to={{ pathname: '/alerts', search: withDept(search, departmentId) }}>
            {m('alertsAll', { n: formatCount(total, intl) })}
          </Link>
        ) : null
      }
      data-testid="department-alerts"
    >
      <p style={{ color: '#8c8c8c', marginTop: 0 }}>{m('alertsNote')}</p>
      <Table<CaseStatusRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={m('alertsEmpty')} /> }}
      />
    </Card>
  );
}
