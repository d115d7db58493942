import { Button, Card, Form, Input, Radio, Select, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNoticeAction, type NoticeAction } from '../../api/notice-actions';
import type { MeResponse } from '../../contract/service';
import { APPEAL_REASONS, type AppealReason, type NoticeItem } from '../../contract/duban';
import { ActionError } from '../../ui/duban/action-error';
import { useDubanLabels } from '../../ui/duban/duban-labels';
import { useDubanMsg } from './duban-messages';

/** Trimmed texts, or null when one is empty (the service would refuse it with a 400). */
function filled(...texts: string[]): string[] | null {
  const t = texts.map((s) => s.trim());
  return t.some((s) => s === '') ? null : t;
}

/**
 * What the signed-in person may do with this notice now: a liaison of its department answers or
 * appeals; a supervisor decides an appeal or closes an answered notice. Every action sends the
 * notice's version, so a second person acting on the same version gets a 409, shown with a reload.
 */
export function NoticeActions({
  notice,
  me,
  onReload,
}: {
  notice: NoticeItem;
  me: MeResponse;
  onReload: () => void;
}) {
  const m = useDubanMsg();
  const action = useNoticeAction(notice.id);
  const send = (a: NoticeAction) => action.mutate(a);
  const open = notice.state === 'awaiting' || notice.state === 'overdue';
  let body: ReactNode = null;
  if (me.role === 'liaison' && open) {
    body = (
      <Tabs
        items={[
          {
            key: 'respond',
            label: m('respond'),
            children: <RespondForm version={notice.version} onSend={send} />,
          },
          {
            key: 'appeal',
            label: <span data-testid="tab-appeal">{m('appeal')}</span>,
            disabled: notice.appealUsed,
            children: <AppealForm version={notice.version} onSend={send} />,
          },
        ]}
      />
    );
  } else if (me.role === 'supervisor' && notice.state === 'appealed') {
    body = <DecisionForm version={notice.version} onSend={send} />;
  } else if (me.role === 'supervisor' && notice.state === 'answered') {
    body = (
      <Button
        type="primary"
        data-testid="close-notice"
        loading={action.isPending}
        onClick={() => send({ kind: 'close', body: { version: notice.version } })}
      >
        {m('close')}
      </Button>
    );
  }
  if (body === null) return null;
  return (
    <Card size="small" data-testid="notice-actions">
      {notice.appealUsed && me.role === 'liaison' ? (
        <Typography.Paragraph type="secondary">{m('appealUsed')}</Typography.Paragraph>
      ) : null}
      {body}
      {action.isError ? <ActionError error={action.error} onReload={onReload} /> : null}
    </Card>
  );
}

type Send = (a: NoticeAction) => void;

function RespondForm({ version, onSend }: { version: number; onSend: Send }) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const [cause, setCause] = useState('');
  const [measures, setMeasures] = useState('');
  const [expectedBy, setExpectedBy] = useState('');
  const ready = filled(cause, measures, expectedBy);
  return (
    <Form layout="vertical">
      <Form.Item label={l('field.cause')} required>
        <Input.TextArea
          rows={2}
          maxLength={4000}
          value={cause}
          onChange={(e) => setCause(e.target.value)}
          data-testid="respond-cause"
        />
      </Form.Item>
      <Form.Item label={l('field.measures')} required>
        <Input.TextArea
          rows={2}
          maxLength={4000}
          value={measures}
          onChange={(e) => setMeasures(e.target.value)}
          data-testid="respond-measures"
        />
      </Form.Item>
      <Form.Item label={l('field.expectedBy')} required>
        <Input
          type="date"
          value={expectedBy}
          onChange={(e) => setExpectedBy(e.target.value)}
          data-testid="respond-expected"
          style={{ width: 200 }}
        />
      </Form.Item>
      <Button
        type="primary"
        disabled={ready === null}
        data-testid="respond-submit"
        onClick={() => {
          if (ready === null) return;
          const [c = '', ms = '', by = ''] = ready;
          onSend({ kind: 'response', body: { cause: c, measures: ms, expectedBy: by, version } });
        }}
      >
        {m('submit')}
      </Button>
    </Form>
  );
}

function AppealForm({ version, onSend }: { version: number; onSend: Send }) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const [reason, setReason] = useState<AppealReason | null>(null);
  const [explanation, setExplanation] = useState('');
  const ready = reason !== null && explanation.trim() !== '';
  return (
    <Form layout="vertical">
      <Form.Item label={l('field.reason')} required>
        <Select<AppealReason>
          style={{ width: 260 }}
          value={reason ?? undefined}
          onChange={setReason}
          data-testid="appeal-reason"
          options={APPEAL_REASONS.map((r) => ({ value: r, label: l(`reason.${r}`) }))}
        />
      </Form.Item>
      <Form.Item label={l('field.explanation')} required>
        <Input.TextArea
          rows={3}
          maxLength={4000}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          data-testid="appeal-explanation"
        />
      </Form.Item>
      <Button
        type="primary"
        disabled={!ready}
        data-testid="appeal-submit"
        onClick={() => {
          if (reason === null) return;
          onSend({ kind: 'appeal', body: { reason, explanation: explanation.trim(), version } });
        }}
      >
        {m('submit')}
      </Button>
    </Form>
  );
}

function DecisionForm({ version, onSend }: { version: number; onSend: Send }) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const [decision, setDecision] = useState<'revoke' | 'uphold' | null>(null);
  const [reason, setReason] = useState('');
  const ready = decision !== null && reason.trim() !== '';
  return (
    <Form layout="vertical">
      <Typography.Title level={5}>{m('decide')}</Typography.Title>
      <Form.Item required>
        <Radio.Group
          value={decision}
          onChange={(e) => setDecision(e.target.value === 'revoke' ? 'revoke' : 'uphold')}
          data-testid="decision"
        >
          <Radio value="revoke" data-testid="decision-revoke">
            {l('decision.revoke')}
          </Radio>
          <Radio value="uphold" data-testid="decision-uphold">
            {l('decision.uphold')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={l('field.decisionReason')} required>
        <Input.TextArea
          rows={3}
          maxLength={4000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="decision-reason"
        />
      </Form.Item>
      <Button
        type="primary"
        disabled={!ready}
        data-testid="decision-submit"
        onClick={() => {
          if (decision === null) return;
          onSend({ kind: 'decision', body: { decision, reason: reason.trim(), version } });
        }}
      >
        {m('submit')}
      </Button>
    </Form>
  );
}
