import { Alert, Empty, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { periodName } from '../../charts/period-label';
import { isoFromDay } from '../../domain/calendar';
import { quarterOfDay } from '../../domain/period/period';
import { alertCounts, filterAlerts, sortAlerts, type AlertNames } from '../../engine/alerts';
import type { DashboardModel } from '../../engine/dashboard';
import { useDashboard } from '../../engine/use-dashboard';
import { intlLocale, useLocaleStore, useT } from '../../i18n';
import { useGlobalSearch, usePeriod } from '../../state/url-state';
import { ExportMenu } from '../../ui/export-menu';
import { formatCount } from '../../ui/format';
import { ModelGate } from '../../ui/model-gate';
import { alertColumns } from './alert-columns';
import { AlertFilterBar } from './alert-filter-bar';
import { useAlertsMsg } from './alerts-messages';
import { AlertsTable } from './alerts-table';
import { useAlertFilters } from './use-alert-filters';

/** 预警督办: every open case with a warning, worst first, filterable and exportable. */
export function AlertsPage() {
  const state = useDashboard();
  return <ModelGate state={state}>{(model) => <AlertsContent model={model} />}</ModelGate>;
}

function AlertsContent({ model }: { model: DashboardModel }) {
  const m = useAlertsMsg();
  const t = useT();
  const uiLocale = useLocaleStore((s) => s.locale);
  const locale = intlLocale(uiLocale);
  const fallback = useMemo(() => quarterOfDay(model.asOfDay), [model.asOfDay]);
  const [period] = usePeriod(fallback);
  const filters = useAlertFilters(period);
  const caseSearch = useGlobalSearch();

  const names = useMemo<AlertNames>(() => {
    const dept = new Map(model.departments.map((d) => [d.id, d.name]));
    const item = new Map(model.items.map((i) => [i.code, i.name]));
    return {
      department: (id) => dept.get(id) ?? id,
      item: (code) => item.get(code) ?? code,
    };
  }, [model.departments, model.items]);

  const anyAlert = useMemo(
    () => model.rows.some((r) => !r.completed && r.level !== 'normal'),
    [model.rows],
  );
  const filtered = useMemo(
    () => filterAlerts(model.rows, filters.filter),
    [model.rows, filters.filter],
  );
  const rows = useMemo(
    () => sortAlerts(filtered, filters.sort, names),
    [filtered, filters.sort, names],
  );
  const counts = useMemo(() => alertCounts(rows), [rows]);
  const columns = useMemo(
    () =>
      alertColumns({
        m,
        locale: uiLocale,
        departmentName: names.department,
        itemName: names.item,
        caseSearch,
      }),
    // `m` changes identity every render; the language is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [uiLocale, names, caseSearch],
  );
  const uncovered = useMemo(() => rows.filter((r) => r.usesUncoveredDates).length, [rows]);

  const asOf = isoFromDay(model.asOfDay);
  const periodLabel = periodName(period, t);
  const fileName = `${m('title')}_${asOf}`;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="alerts-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {m('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {m('intro', { asOf })}
      </Typography.Paragraph>
      <AlertFilterBar
        state={filters}
        departments={model.departments}
        items={model.items}
        periodLabel={periodLabel}
        m={m}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text strong data-testid="alerts-count" aria-live="polite">
          {m('count', {
            total: formatCount(counts.total, locale),
            red: formatCount(counts.red, locale),
            yellow: formatCount(counts.yellow, locale),
            early: formatCount(counts.earlyWarning, locale),
          })}
        </Typography.Text>
        <ExportMenu
          fileName={fileName}
          sheetName={m('title')}
          rows={rows}
          columns={columns}
          disabled={rows.length === 0}
        />
      </div>
      {uncovered > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={m('uncovered', { n: formatCount(uncovered, locale) })}
        />
      ) : null}
      {rows.length === 0 ? (
        <Empty
          data-testid="alerts-empty"
          description={anyAlert ? m('emptyFiltered') : m('emptyNone', { asOf })}
        />
      ) : (
        <AlertsTable
          rows={rows}
          columns={columns}
          sort={filters.sort}
          onSort={filters.setSort}
          label={m('tableLabel')}
          height={560}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m('deadlineNote')}
      </Typography.Text>
    </Space>
  );
}
