import { Alert, Space, Typography } from 'antd';
import { useState } from 'react';
import { periodName, periodSpan } from '../../charts/period-label';
import { isoFromDay } from '../../domain/calendar';
import { periodKey, type Period } from '../../domain/period/period';
import { asOfDayOf } from '../../api/meta';
import { useOverview, type OverviewData } from '../../api/overview';
import { intlLocale, useLocaleStore, useT } from '../../i18n';
import { useUrlParam, usePeriod } from '../../state/url-state';
import { useDefaultPeriod } from '../../ui/use-default-period';
import { formatCount } from '../../ui/format';
import { QueryGate } from '../../ui/query-gate';
import { DepartmentDrawer } from './department-drawer';
import { OverdueTasksStat } from '../../ui/overdue-tasks-stat';
import { CurrentKpis, PeriodKpis } from './kpi-cards';
import { useOverviewMsg } from './overview-messages';
import { RedDepartments } from './red-departments';
import { WeeklyTrend } from './weekly-trend';

/** 总览: the city at a glance, every number a way into the list it counts. */
export function OverviewPage() {
  // The header's default period is the service's as-of quarter; the same fallback keeps them equal.
  const [period] = usePeriod(useDefaultPeriod());
  const query = useOverview(period);
  return (
    <QueryGate query={query}>
      {(figures) => <OverviewContent figures={figures} period={period} />}
    </QueryGate>
  );
}

function OverviewContent({ figures, period }: { figures: OverviewData; period: Period }) {
  const m = useOverviewMsg();
  const t = useT();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const [rawPeriod] = useUrlParam('period');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const asOfDay = asOfDayOf(figures.meta);
  const asOfIso = isoFromDay(asOfDay);
  const asOfText = m('asOf', { date: asOfIso });
  const name = periodName(period, t);
  const coverageLine = m('coverage', {
    withData: formatCount(figures.coverage.withData, locale),
    total: formatCount(figures.coverage.total, locale),
  });
  const source = m('source', { date: asOfIso });
  const periodSearch = rawPeriod ? `?period=${encodeURIComponent(periodKey(period))}` : '';
  const asOfSuffix = m('exportAsOf', { date: asOfIso });
  const exportPrefix = `${m('title')}-`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="overview-page">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'baseline' }}>
        <Typography.Text strong data-testid="overview-as-of">
          {asOfText}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="overview-coverage">
          {coverageLine}
        </Typography.Text>
      </div>
      {figures.casesOutsideCalendar > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="overview-calendar-note"
          title={m('outsideCalendar', {
            n: formatCount(figures.casesOutsideCalendar, locale),
          })}
          description={m('outsideCalendarDetail', {
            from: figures.calendar?.coveredFrom ?? '—',
            to: figures.calendar?.coveredTo ?? '—',
          })}
        />
      ) : null}
      <section aria-labelledby="overview-current">
        <Typography.Title level={5} id="overview-current">
          {m('currentGroup', { date: asOfIso })}
        </Typography.Title>
        <CurrentKpis
          figures={figures}
          m={m}
          periodSearch={periodSearch}
          onOpenDepartments={() => setDrawerOpen(true)}
        />
        <OverdueTasksStat style={{ marginTop: 12 }} />
      </section>
      <section aria-labelledby="overview-period">
        <Typography.Title level={5} id="overview-period">
          {m('periodGroup', { period: name })}
          <Typography.Text type="secondary" style={{ fontWeight: 400, marginLeft: 8 }}>
            {periodSpan(period, t)}
          </Typography.Text>
        </Typography.Title>
        <PeriodKpis
          figures={figures}
          m={m}
          periodSearch={periodSearch}
          onOpenDepartments={() => setDrawerOpen(true)}
        />
      </section>
      <WeeklyTrend
        figures={figures}
        m={m}
        coverageLine={coverageLine}
        source={source}
        exportPrefix={exportPrefix}
        exportSuffix={asOfSuffix}
        locale={locale}
        asOfDay={asOfDay}
      />
      <RedDepartments
        figures={figures}
        m={m}
        periodSearch={periodSearch}
        asOfLine={asOfText}
        coverageLine={coverageLine}
        source={source}
        exportName={`${exportPrefix}${m('exportRed')}-${asOfSuffix}`}
        locale={locale}
      />
      <DepartmentDrawer
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        figures={figures}
        m={m}
        periodName={name}
        periodSearch={periodSearch}
        locale={locale}
      />
    </Space>
  );
}
