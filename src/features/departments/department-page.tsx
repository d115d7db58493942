import { Button, Col, Result, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useDepartmentView, type DepartmentView } from '../../api/department';
import { periodName } from '../../charts/period-label';
import { isoFromDay } from '../../domain/calendar';
import { parsePeriod, periodKey, type Period } from '../../domain/period/period';
import { useT } from '../../i18n';
import { useIdParam } from '../../state/id-links';
import { useGlobalSearch, usePeriod } from '../../state/url-state';
import { formatCount } from '../../ui/format';
import { useGroupName } from '../../ui/group-name';
import { OverdueTasksStat } from '../../ui/overdue-tasks-stat';
import { QueryGate } from '../../ui/query-gate';
import { useDefaultPeriod } from '../../ui/use-default-period';
import { DepartmentAlerts } from './department-alerts';
import { DepartmentFlags } from './department-flags';
import { DepartmentItems } from './department-items';
import { DepartmentKpis } from './department-kpis';
import { useDepartmentMsg } from './department-messages';
import { DepartmentTrend } from './department-trend';
import { useDepartmentRanks } from './use-department-ranks';
import { FeedText } from '../../ui/feed-text';

/** 部门 drill-down (/departments/:departmentId): KPIs, items, alerts, flags and quarterly trend. */
export function DepartmentPage() {
  const departmentId = useIdParam('departmentId');
  const [period] = usePeriod(useDefaultPeriod());
  const query = useDepartmentView(departmentId, period);
  return (
    <QueryGate query={query} notFound={<DepartmentNotFound id={departmentId} />}>
      {(view) => <DepartmentBody view={view} period={period} />}
    </QueryGate>
  );
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

function DepartmentBody({ view, period }: { view: DepartmentView; period: Period }) {
  const m = useDepartmentMsg();
  const groupName = useGroupName();
  const t = useT();
  const search = useGlobalSearch();
  const { header, open, items, alerts, flags, trend } = view;
  const figures = view.period;
  const id = header.info.id;
  const endQuarter = useMemo(() => parsePeriod(view.endQuarter), [view.endQuarter]);
  const ranks = useDepartmentRanks(id, endQuarter);
  const name = periodName(period, t);
  const asOf = isoFromDay(view.asOfDay);
  const alertTotal = open.levels['early-warning'] + open.levels.yellow + open.levels.red;
  const fileBase = `${header.info.name}-${periodKey(period)}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="department-name">
          <FeedText>{header.info.name}</FeedText>
        </Typography.Title>
        <Space wrap size={8}>
          <Tag>{header.info.id}</Tag>
          <Tag color="blue">
            {header.info.kind !== null ? groupName(header.info.kind) : m('kindUnknown')}
          </Tag>
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
      <OverdueTasksStat departmentId={id} />
      <DepartmentTrend
        name={header.info.name}
        points={trend}
        ranks={ranks}
        asOf={asOf}
        exportName={`${header.info.name}-${m('exportTrend')}-${view.endQuarter}`}
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
