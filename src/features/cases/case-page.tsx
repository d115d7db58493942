import { Alert, Button, Result, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useCase, type CaseData as CaseAnswer } from '../../api/case';
import { asOfDayOf } from '../../api/meta';
import { useSharedSettings, type SharedSettings } from '../../api/settings';
import { useIdParam } from '../../state/id-links';
import { QueryGate } from '../../ui/query-gate';
import { CaseDuban } from './case-duban';
import { CaseEvaluations } from './case-evaluations';
import { CaseFlags } from './case-flags';
import { CaseHeader } from './case-header';
import { useCaseMsg } from './case-messages';
import { CaseTimelineSection } from './case-timeline-section';
import { CaseWhy } from './case-why';
import { useCaseData } from './use-case-data';

/** 办件详情: one case's header, warning level and why, step timeline, evaluations and flags. */
export function CasePage() {
  const caseId = useIdParam('caseId');
  const query = useCase(caseId);
  const settings = useSharedSettings();
  return (
    <QueryGate query={query} notFound={<CaseNotFound caseId={caseId} />}>
      {(answer) => (
        <QueryGate query={settings}>
          {(shared) => <CaseView answer={answer} shared={shared} caseId={caseId} />}
        </QueryGate>
      )}
    </QueryGate>
  );
}

function CaseNotFound({ caseId }: { caseId: string }) {
  const m = useCaseMsg();
  return (
    <Result
      status="404"
      title={m('notFound')}
      subTitle={m('notFoundBody', { id: caseId })}
      data-testid="case-not-found"
      extra={
        <Link
          to={{ pathname: '/alerts', search: `?${new URLSearchParams({ q: caseId }).toString()}` }}
        >
          <Button type="primary">{m('toAlerts')}</Button>
        </Link>
      }
    />
  );
}

function CaseView({
  answer,
  shared,
  caseId,
}: {
  answer: CaseAnswer;
  shared: SharedSettings;
  caseId: string;
}) {
  const m = useCaseMsg();
  const data = useCaseData(answer, shared);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-page">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m('title', { id: caseId })}
      </Typography.Title>
      {data.row.usesUncoveredDates ? (
        <Alert type="warning" showIcon title={m('uncovered')} />
      ) : null}
      <CaseHeader data={data} />
      <CaseWhy data={data} asOfMs={data.asOfMs} />
      <CaseDuban caseId={caseId} />
      <CaseTimelineSection data={data} caseId={caseId} asOfDay={asOfDayOf(answer.meta)} />
      <CaseEvaluations data={data} asOfMs={data.asOfMs} />
      <CaseFlags flags={data.flags} />
    </Space>
  );
}
