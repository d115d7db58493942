import { Button, Col, Result, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { periodName } from '../../charts/period-label';
import { isoFromDay } from '../../domain/calendar';
import { periodKey, periodRange, quarterOfDay } from '../../domain/period/period';
import type { DashboardModel } from '../../engine/dashboard';
import {
  departmentHeader,
  departmentItems,
  departmentQuarterTrend,
  departmentRows,
  trendEndQuarter,
  worstOpenAlerts,
  type DepartmentHeader,
} from '../../engine/department-view';
import {
  filterSlowActionRows,
  NO_SLOW_ACTION_FILTER,
  slowActionFlagRows,
} from '../../engine/slow-action-view';
import { completionFigures, openCounts } from '../../engine/summaries';
import { useDashboard } from '../../engine/use-dashboard';
import { useT } from '../../i18n';
import { useGlobalSearch, usePeriod } from '../../state/url-state';
import { formatCount } from '../../ui/format';
import { ModelGate } from '../../ui/model-gate';
import { DepartmentAlerts } from './department-alerts';
import { DepartmentFlags } from './department-flags';
import { DepartmentItems } from './department-items';
import { OverdueTasksStat } from '../../ui/overdue-tasks-stat';
import { DepartmentKpis } from './department-kpis';
import { useDepartmentMsg } from './department-messages';
import { DepartmentTrend } from './department-trend';
import { useDepartmentRanks } from './use-department-ranks';

/** How many of the worst open alerts the page lists before "查看全部". */
const TOP_ALERTS = 10;

/** 部门 drill-down (/departments/:departmentId): KPIs, items, alerts, flags and quarterly trend. */
export function DepartmentPage() {
  const state = useDashboard();
  const { departmentId = '' } = useParams();
  return (
    <ModelGate state={state}>
      {(model) => <DepartmentView model={model} departmentId={departmentId} />}
    </ModelGate>
  );
}

function DepartmentView({ model, departmentId }: { model: DashboardModel; departmentId: string }) {
  const header = useMemo(() => departmentHeader(model, departmentId), [model, departmentId]);
  if (!header) return <DepartmentNotFound id={departmentId} />;
  return <DepartmentBody model={model} header={header} />;
}

function DepartmentNotFound({ id }: { id: string }) {
  const m = useDepartmentMsg();
  const search = useGlobalSearch();
  return (
    <Result
      status="404"
      title={m('notFoundTitle', { id })}
      subTitle={m('notFoundBody', { id })}
      data-testid="department-not-found"
      extra={
        <Link to={{ pathname: '/overview', search }}>
          <Button type="primary">{m('backToOverview')}</Button>
        </Link>
      }
    />
  );
}

function DepartmentBody({ model, header }: { model: DashboardModel; header: DepartmentHeader }) {
  const m = useDepartmentMsg();
  const t = useT();
  const search = useGlobalSearch();
  const id = header.info.id;
  const fallback = useMemo(() => quarterOfDay(model.asOfDay), [model.asOfDay]);
  const [period] = usePeriod(fallback);
  const range = useMemo(() => periodRange(period), [period]);
  const rows = useMemo(() => departmentRows(model, id), [model, id]);
  const open = useMemo(() => openCounts(rows), [rows]);
  const figures = useMemo(() => completionFigures(rows, range), [rows, range]);
  const items = useMemo(() => departmentItems(model, rows, id, range), [model, rows, id, range]);
  const alerts = useMemo(() => worstOpenAlerts(rows, TOP_ALERTS), [rows]);
  const flags = useMemo(
    () =>
      filterSlowActionRows(slowActionFlagRows(model, period), {
        ...NO_SLOW_ACTION_FILTER,
        departmentId: id,
      }),
    [model, period, id],
  );
  const endQuarter = useMemo(
    () => trendEndQuarter(range.to, model.asOfDay),
    [range.to, model.asOfDay],
  );
  const trend = useMemo(
    () => departmentQuarterTrend(rows, endQuarter, model.asOfDay),
    [rows, endQuarter, model.asOfDay],
  );
  const ranks = useDepartmentRanks(id, endQuarter, model.asOfMs);
  const name = periodName(period, t);
  const asOf = isoFromDay(model.asOfDay);
  const alertTotal = open.levels['early-warning'] + open.levels.yellow + open.levels.red;
  const fileBase = `${header.info.name}-${periodKey(period)}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="department-name">
          {header.info.name}
        </Typography.Title>
        <Space wrap size={8}>
          <Tag>{header.info.id}</Tag>
          <Tag color="blue">{header.info.kind ?? m('kindUnknown')}</Tag>
          {header.parentName ? (
            <Typography.Text type="secondary">
              {m('parent', { name: header.parentName })}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">
            {m('caseCount', { n: formatCount(header.caseCount) })}
          </Typography.Text>
        </Space>
        {!header.inFeed ? (
          <Typography.Paragraph type="warning">{m('notInFeed')}</Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
          {m('asOfLine', { asOf, period: name })}
        </Typography.Paragraph>
      </div>
      <DepartmentKpis
        departmentId={id}
        open={open}
        period={figures}
        periodName={name}
        search={search}
      />
      <OverdueTasksStat asOfDay={model.asOfDay} departmentId={id} />
      <DepartmentTrend
        name={header.info.name}
        points={trend}
        ranks={ranks}
        asOf={asOf}
        exportName={`${header.info.name}-${m('exportTrend')}-${periodKey(endQuarter)}`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DepartmentAlerts departmentId={id} rows={alerts} total={alertTotal} search={search} />
        </Col>
        <Col xs={24} xl={12}>
          <DepartmentFlags departmentId={id} flags={flags} periodName={name} search={search} />
        </Col>
      </Row>
      <DepartmentItems
        lines={items}
        periodName={name}
        fileName={`${fileBase}-${m('exportItems')}`}
      />
    </Space>
  );
}
