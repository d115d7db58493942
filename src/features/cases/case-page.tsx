import { Alert, Button, Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useDashboard } from '../../engine/use-dashboard';
import type { DashboardModel } from '../../engine/dashboard';
import { ModelGate } from '../../ui/model-gate';
import { CaseEvaluations } from './case-evaluations';
import { CaseFlags } from './case-flags';
import { CaseHeader } from './case-header';
import { useCaseMsg } from './case-messages';
import { CaseTimelineSection } from './case-timeline-section';
import { CaseWhy } from './case-why';
import { useCaseData } from './use-case-data';

/** 办件详情: one case's header, warning level and why, step timeline, evaluations and flags. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const state = useDashboard();
  return (
    <ModelGate state={state}>{(model) => <CaseView model={model} caseId={caseId} />}</ModelGate>
  );
}

function CaseView({ model, caseId }: { model: DashboardModel; caseId: string }) {
  const m = useCaseMsg();
  const data = useCaseData(model, caseId);
  if (!data) {
    return (
      <Result
        status="404"
        title={m('notFound')}
        subTitle={m('notFoundBody', { id: caseId })}
        data-testid="case-not-found"
        extra={
          <Link to={{ pathname: '/alerts', search: `?q=${encodeURIComponent(caseId)}` }}>
            <Button type="primary">{m('toAlerts')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-page">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m('title', { id: caseId })}
      </Typography.Title>
      {data.row.usesUncoveredDates ? (
        <Alert type="warning" showIcon title={m('uncovered')} />
      ) : null}
      <CaseHeader data={data} />
      <CaseWhy data={data} asOfMs={model.asOfMs} />
      <CaseTimelineSection data={data} caseId={caseId} asOfDay={model.asOfDay} />
      <CaseEvaluations data={data} asOfMs={model.asOfMs} />
      <CaseFlags flags={data.flags} />
    </Space>
  );
}
