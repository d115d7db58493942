import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CompletionFigures, OpenCounts } from '../../engine/summaries';
import { intlLocale, useLocaleStore } from '../../i18n';
import { formatCount, formatPercent } from '../../ui/format';
import { useDepartmentMsg } from './department-messages';
import { withDept } from './links';

interface Kpi {
  key: string;
  title: string;
  value: ReactNode;
  sub?: ReactNode;
  color?: string;
}

/**
 * The department's KPIs: current open / 预警 / 黄牌 / 红牌 (openCounts) — each a link to the alerts
 * page filtered to this department — and the period's on-time rate and mean handling time
 * (completionFigures). The overdue supervision-task count sits below them (OverdueTasksStat).
 */
export function DepartmentKpis({
  departmentId,
  open,
  period,
  periodName,
  search,
}: {
  departmentId: string;
  open: OpenCounts;
  period: CompletionFigures;
  periodName: string;
  search: string;
}) {
  const m = useDepartmentMsg();
  const locale = useLocaleStore((s) => s.locale);
  const intl = intlLocale(locale);
  const alertsLink = (n: number, level?: string) => (
    <Link
      to={{ pathname: '/alerts', search: withDept(search, departmentId, level ? { level } : {}) }}
      aria-label={`${m('openAlertsLink')}: ${formatCount(n, intl)}`}
    >
      {formatCount(n, intl)}
    </Link>
  );
  const kpis: Kpi[] = [
    { key: 'open', title: m('kpiOpen'), value: alertsLink(open.open) },
    {
      key: 'early',
      title: m('kpiEarly'),
      value: alertsLink(open.levels['early-warning'], 'early-warning'),
    },
    { key: 'yellow', title: m('kpiYellow'), value: alertsLink(open.levels.yellow, 'yellow') },
    { key: 'red', title: m('kpiRed'), value: alertsLink(open.levels.red, 'red') },
    {
      key: 'on-time',
      title: m('kpiOnTime'),
      value: formatPercent(period.onTimeRate, intl),
      sub:
        period.completed === 0
          ? m('noCompleted', { period: periodName })
          : m('kpiOnTimeSub', {
              period: periodName,
              completed: formatCount(period.completed, intl),
              onTime: formatCount(period.onTime, intl),
              withDeadline: formatCount(period.withDeadline, intl),
            }),
    },
    {
      key: 'mean',
      title: m('kpiMean'),
      value:
        period.meanElapsedDays === null
          ? '—'
          : `${period.meanElapsedDays.toLocaleString(intl, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} ${m('daysUnit')}`,
      sub: m('kpiMeanSub', { period: periodName }),
    },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="department-kpis">
      {kpis.map((k) => (
        <Col key={k.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`kpi-${k.key}`}>
            <Statistic title={k.title} valueRender={() => k.value} />
            {k.sub ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {k.sub}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
