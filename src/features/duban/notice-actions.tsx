import { Button, Card, Form, Input, Radio, Select, Space, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNoticeAction, type NoticeAction } from '../../api/notice-actions';
import type { MeResponse } from '../../contract/service';
import { APPEAL_REASONS, type AppealReason, type NoticeItem } from '../../contract/duban';
import { DubanForm, filled, type FormAction } from '../../ui/duban/duban-form';
import { useDubanLabels } from '../../ui/duban/duban-labels';
import { useDubanMsg } from './duban-messages';

/**
 * What the signed-in person may do with this notice now: a liaison of its department answers or
 * appeals; a supervisor decides an appeal, or closes an answered notice or sends the answer back
 * (退回). Every action sends the notice's version, so a second person acting on the same version
 * gets a 409, shown with a reload.
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
  const form: FormProps = {
    version: notice.version,
    onSend: (a) => action.mutate(a),
    action,
    onReload,
  };
  const open = notice.state === 'awaiting' || notice.state === 'overdue';
  let body: ReactNode = null;
  if (me.role === 'liaison' && open) {
    body = (
      <Tabs
        items={[
          { key: 'respond', label: m('respond'), children: <RespondForm {...form} /> },
          {
            key: 'appeal',
            label: <span data-testid="tab-appeal">{m('appeal')}</span>,
            disabled: notice.appealUsed,
            children: <AppealForm {...form} />,
          },
        ]}
      />
    );
  } else if (me.role === 'supervisor' && notice.state === 'appealed') {
    body = <DecisionForm {...form} />;
  } else if (me.role === 'supervisor' && notice.state === 'answered') {
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button
          type="primary"
          data-testid="close-notice"
          loading={action.isPending}
          onClick={() => form.onSend({ kind: 'close', body: { version: notice.version } })}
        >
          {m('close')}
        </Button>
        {/* Its failure line also reports a failed close (one action per notice). */}
        <ReturnForm {...form} days={notice.deadlineDays} />
      </Space>
    );
  }
  if (body === null) return null;
  return (
    <Card size="small" data-testid="notice-actions">
      {notice.appealUsed && me.role === 'liaison' ? (
        <Typography.Paragraph type="secondary">{m('appealUsed')}</Typography.Paragraph>
      ) : null}
      {body}
    </Card>
  );
}

interface FormProps {
  version: number;
  onSend: (a: NoticeAction) => void;
  action: FormAction;
  onReload: () => void;
}

function RespondForm({ version, onSend, action, onReload }: FormProps) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const [cause, setCause] = useState('');
  const [measures, setMeasures] = useState('');
  const [expectedBy, setExpectedBy] = useState('');
  const ready = filled(cause, measures, expectedBy);
  return (
    <DubanForm
      ready={ready !== null}
      submitLabel={m('submit')}
      submitTestId="respond-submit"
      action={action}
      onReload={onReload}
      onSubmit={() => {
        const [c = '', ms = '', by = ''] = ready ?? [];
        onSend({ kind: 'response', body: { cause: c, measures: ms, expectedBy: by, version } });
      }}
    >
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
    </DubanForm>
  );
}

function AppealForm({ version, onSend, action, onReload }: FormProps) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const [reason, setReason] = useState<AppealReason | null>(null);
  const [explanation, setExplanation] = useState('');
  return (
    <DubanForm
      ready={reason !== null && filled(explanation) !== null}
      submitLabel={m('submit')}
      submitTestId="appeal-submit"
      action={action}
      onReload={onReload}
      onSubmit={() => {
        if (reason !== null)
          onSend({ kind: 'appeal', body: { reason, explanation: explanation.trim(), version } });
      }}
    >
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
    </DubanForm>
  );
}

function DecisionForm({ version, onSend, action, onReload }: FormProps) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const [decision, setDecision] = useState<'revoke' | 'uphold' | null>(null);
  const [reason, setReason] = useState('');
  return (
    <DubanForm
      ready={decision !== null && filled(reason) !== null}
      submitLabel={m('submit')}
      submitTestId="decision-submit"
      action={action}
      onReload={onReload}
      onSubmit={() => {
        if (decision !== null)
          onSend({ kind: 'decision', body: { decision, reason: reason.trim(), version } });
      }}
    >
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
    </DubanForm>
  );
}

/** 退回: the answer does not satisfy the office; the department answers again by a new deadline. */
function ReturnForm({ version, onSend, action, onReload, days }: FormProps & { days: number }) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const [reason, setReason] = useState('');
  return (
    <DubanForm
      ready={filled(reason) !== null}
      submitLabel={m('sendBack')}
      submitTestId="return-submit"
      secondary
      action={action}
      onReload={onReload}
      onSubmit={() => onSend({ kind: 'return', body: { reason: reason.trim(), version } })}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {m('sendBackNote', { days })}
      </Typography.Paragraph>
      <Form.Item label={l('field.returnReason')} required>
        <Input.TextArea
          rows={2}
          maxLength={4000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="return-reason"
        />
      </Form.Item>
    </DubanForm>
  );
}
