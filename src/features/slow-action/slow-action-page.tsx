import { Alert, Space } from 'antd';
import { useMemo } from 'react';
import { periodName, periodSpan } from '../../charts/period-label';
import { isoFromDay } from '../../domain/calendar';
import { useDepartments } from '../../api/departments';
import { asOfDayOf } from '../../api/meta';
import { useSlowAction } from '../../api/slow-action';
import type { ResponseMeta } from '../../contract/api-common';
import { periodKey, type Period } from '../../domain/period/period';
import type { DepartmentInfo } from '../../engine/dashboard';
import {
  countByRule,
  filterSlowActionRows,
  type SlowActionFlagRow,
} from '../../engine/slow-action-view';
import { useT } from '../../i18n';
import { useGlobalSearch, usePeriod } from '../../state/url-state';
import { QueryGate } from '../../ui/query-gate';
import { useDefaultPeriod } from '../../ui/use-default-period';
import { SlowActionFilters } from './slow-action-filters';
import { SlowActionMatrix } from './slow-action-matrix';
import { useSlowActionMsg } from './slow-action-messages';
import { SlowActionRules } from './slow-action-rules';
import { SlowActionTable } from './slow-action-table';
import { useSlowActionFilter } from './use-slow-action-filter';

/** 慢作为: the rules with their counts, the flags with evidence, and flags by department × rule. */
export function SlowActionPage() {
  const [period] = usePeriod(useDefaultPeriod());
  const query = useSlowAction(period);
  const departments = useDepartments().data?.items ?? NO_DEPARTMENTS;
  return (
    <QueryGate query={query}>
      {(data) => (
        <SlowActionView
          all={data.items}
          meta={data.meta}
          departments={departments}
          period={period}
          refreshing={query.isFetching}
        />
      )}
    </QueryGate>
  );
}

const NO_DEPARTMENTS: DepartmentInfo[] = [];

function SlowActionView({
  all,
  meta,
  departments,
  period,
  refreshing,
}: {
  all: SlowActionFlagRow[];
  meta: ResponseMeta;
  departments: DepartmentInfo[];
  period: Period;
  refreshing: boolean;
}) {
  const m = useSlowActionMsg();
  const t = useT();
  const search = useGlobalSearch();
  const f = useSlowActionFilter(period);
  // Counts per rule under every filter but the rule, so each count is what clicking it shows.
  const withoutRule = useMemo(
    () => filterSlowActionRows(all, { ...f.filter, rule: null }),
    [all, f.filter],
  );
  const counts = useMemo(() => countByRule(withoutRule), [withoutRule]);
  const shown = useMemo(
    () =>
      f.filter.rule === null ? withoutRule : withoutRule.filter((r) => r.code === f.filter.rule),
    [withoutRule, f.filter.rule],
  );
  const asOf = isoFromDay(asOfDayOf(meta));
  const name = periodName(period, t);
  const scopeNote =
    f.scope === 'period'
      ? m('scopePeriodNote', { period: name, span: periodSpan(period, t) })
      : m('scopeAllNote', { asOf, period: name });
  const emptyText =
    all.length === 0
      ? m('emptyNoFlags', { asOf })
      : f.scope === 'period' &&
          filterSlowActionRows(all, { ...f.filter, sinceRange: null }).length > 0
        ? m('emptyPeriod', { period: name })
        : m('emptyFiltered');
  const fileKey = `${m('exportName')}-${f.scope === 'period' ? periodKey(period) : asOf}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {f.unknownRule !== null ? (
        <Alert type="warning" showIcon title={m('unknownRule', { code: f.unknownRule })} />
      ) : null}
      <SlowActionRules
        counts={counts}
        selected={f.filter.rule}
        onSelect={f.setRule}
        refreshing={refreshing}
      />
      <SlowActionFilters f={f} departments={departments} scopeNote={scopeNote} />
      <SlowActionTable rows={shown} search={search} emptyText={emptyText} fileName={fileKey} />
      <SlowActionMatrix
        rows={shown}
        departmentsTotal={departments.length}
        periodLine={scopeNote}
        source={m('chartSource', { asOf })}
        exportName={`${fileKey}-${m('matrixFile')}`}
        search={search}
        onSelectDept={(id) => f.setDept(id)}
      />
    </Space>
  );
}
