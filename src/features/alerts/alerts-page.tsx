import { Empty, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { alertsExportUrl, useAlertsHead, type AlertsParams } from '../../api/alerts';
import { queryString } from '../../api/http';
import { useSource } from '../../api/source-choice';
import { useDepartments, useItems } from '../../api/departments';
import { useMe } from '../../api/session';
import { IssueNoticeButton } from '../../ui/duban/issue-notice-button';
import { asOfDayOf } from '../../api/meta';
import { periodName } from '../../charts/period-label';
import { isoFromDay } from '../../domain/calendar';
import { intlLocale, useLocaleStore, useT } from '../../i18n';
import { useGlobalSearch, usePeriod } from '../../state/url-state';
import { formatCount } from '../../ui/format';
import { QueryGate } from '../../ui/query-gate';
import { ServiceExportMenu } from '../../ui/service-export-menu';
import { useDefaultPeriod } from '../../ui/use-default-period';
import { alertColumns } from './alert-columns';
import { AlertFilterBar } from './alert-filter-bar';
import { useAlertsMsg } from './alerts-messages';
import { AlertsTable } from './alerts-table';
import { useAlertFilters } from './use-alert-filters';

/**
 * 预警督办: every open case with a warning, worst first. The service filters, sorts and serves the
 * rows block by block as the table scrolls; the filters and sort live in the URL; the exports are
 * the service's files of the same query.
 */
export function AlertsPage() {
  const m = useAlertsMsg();
  const t = useT();
  const uiLocale = useLocaleStore((s) => s.locale);
  const locale = intlLocale(uiLocale);
  const [period] = usePeriod(useDefaultPeriod());
  const filters = useAlertFilters(period);
  const caseSearch = useGlobalSearch();
  const source = useSource();
  const departments = useDepartments().data?.items ?? [];
  const items = useItems().data?.items ?? [];
  const query = useAlertsHead(filters.params);
  // While new filters load, the head keeps the previous answer on screen: the table keeps the
  // filters that answer belongs to, so its rows and its count never disagree.
  const [shown, setShown] = useState<AlertsParams>(filters.params);
  if (shown !== filters.params && query.data && !query.isPlaceholderData) setShown(filters.params);
  const canIssue = useMe().data?.role === 'supervisor';
  const batchDept = departments.find((d) => d.id === filters.filter.departmentId) ?? null;
  // "No alert at all" vs "none under these filters": the unfiltered count (one row asked for).
  const unfiltered = useAlertsHead({}, 1, query.data?.total === 0);
  const columns = useMemo(
    () => alertColumns({ m, locale: uiLocale, caseSearch, canIssue }),
    // `m` changes identity every render; the language is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [uiLocale, caseSearch, canIssue],
  );
  const periodLabel = periodName(period, t);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="alerts-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {m('title')}
      </Typography.Title>
      <AlertFilterBar
        state={filters}
        departments={departments}
        items={items}
        periodLabel={periodLabel}
        m={m}
      />
      <QueryGate query={query}>
        {(data) => {
          const asOf = isoFromDay(asOfDayOf(data.meta));
          const total = data.counts.red + data.counts.yellow + data.counts['early-warning'];
          return (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {m('intro', { asOf })}
              </Typography.Paragraph>
              <div
                style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
              >
                <Typography.Text strong data-testid="alerts-count" aria-live="polite">
                  {m('count', {
                    total: formatCount(total, locale),
                    red: formatCount(data.counts.red, locale),
                    yellow: formatCount(data.counts.yellow, locale),
                    early: formatCount(data.counts['early-warning'], locale),
                  })}
                </Typography.Text>
                <Space>
                  {batchDept !== null && filters.cardState === 'active' ? (
                    <IssueNoticeButton
                      size="middle"
                      testId="issue-batch"
                      target={{
                        kind: 'department-red',
                        departmentId: batchDept.id,
                        departmentName: batchDept.name,
                      }}
                    />
                  ) : null}
                  <ServiceExportMenu
                    xlsxUrl={alertsExportUrl(filters.params, 'xlsx', source)}
                    csvUrl={alertsExportUrl(filters.params, 'csv', source)}
                    rowCount={formatCount(data.total, locale)}
                    disabled={data.total === 0}
                  />
                </Space>
              </div>
              {data.total === 0 ? (
                <Empty
                  data-testid="alerts-empty"
                  description={
                    (unfiltered.data?.total ?? 1) > 0
                      ? m('emptyFiltered')
                      : m('emptyNone', { asOf })
                  }
                />
              ) : (
                <AlertsTable
                  // New filters or sort: a new list, scrolled to its top.
                  key={queryString({ ...shown })}
                  params={shown}
                  total={data.total}
                  columns={columns}
                  sort={filters.sort}
                  onSort={filters.setSort}
                  label={m('tableLabel')}
                  height={560}
                />
              )}
            </Space>
          );
        }}
      </QueryGate>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m('deadlineNote')}
      </Typography.Text>
    </Space>
  );
}
