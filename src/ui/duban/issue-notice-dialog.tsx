import { Button, Form, Input, InputNumber, Modal, Tag, Typography } from 'antd';
import { noticePath } from '../../state/id-links';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCards, type CardsParams } from '../../api/cards';
import { useIssueNotice } from '../../api/notice-actions';
import { useSharedSettings } from '../../api/settings';
import { defineMessages } from '../../i18n';
import { DubanForm, filled } from './duban-form';
import { useDubanLabels } from './duban-labels';
import type { SlowActionCode } from '../../domain/slow-action';

const useMsg = defineMessages(
  {
    titleCase: '签发督办单：办件 {id}',
    titleBatch: '签发督办单：{dept} 全部有效红牌',
    titleFlags: '签发督办单：{dept} 慢作为标记',
    cards: '督办的卡片（{n} 张）',
    flags: '督办的慢作为标记（{n} 个）',
    none: '没有可督办的有效卡片（可能已撤销、已取消或已在办理中的督办单内）。',
    issue: '签发',
    cancel: '取消',
    defaultInstructions: '请于期限内核查超期原因，采取整改措施并书面反馈；如有异议可提出申诉。',
  },
  {
    titleCase: 'Issue a notice: case {id}',
    titleBatch: 'Issue a notice: every active red card of {dept}',
    titleFlags: 'Issue a notice: slow-action flags of {dept}',
    cards: 'Cards in the notice ({n})',
    flags: 'Slow-action flags in the notice ({n})',
    none: 'No active card to act on (revoked, cancelled, or already in an open notice).',
    issue: 'Issue',
    cancel: 'Cancel',
    defaultInstructions:
      'Check the cause of the delay, take corrective measures and answer in writing by the deadline; you may appeal if you disagree.',
  },
);

/** A slow-action flag to act on: its case and rule, with the rule's name to show. */
export interface FlagTarget {
  caseId: string;
  rule: SlowActionCode;
  ruleName: string;
}

/**
 * What a notice is for: one case's card, every active red card of a department (a batch), or
 * slow-action flags of one department (one flag row, or all of a department's).
 */
export type NoticeTarget =
  | { kind: 'case'; caseId: string }
  | { kind: 'department-red'; departmentId: string; departmentName: string }
  | { kind: 'flags'; departmentId: string; departmentName: string; flags: readonly FlagTarget[] };

function cardsParams(t: NoticeTarget): CardsParams {
  if (t.kind === 'case') return { caseId: t.caseId, state: 'active' };
  return { departmentId: t.departmentId, state: 'active', level: 'red' };
}

function titleOf(t: NoticeTarget, m: ReturnType<typeof useMsg>): string {
  if (t.kind === 'case') return m('titleCase', { id: t.caseId });
  if (t.kind === 'flags') return m('titleFlags', { dept: t.departmentName });
  return m('titleBatch', { dept: t.departmentName });
}

/**
 * The supervisor's 签发督办单 dialog: the active cards of the target, instructions and a deadline
 * in working days (the settings' default, 3 unless changed). On success it opens the new notice.
 */
export function IssueNoticeDialog({
  target,
  onClose,
}: {
  target: NoticeTarget;
  onClose: () => void;
}) {
  const m = useMsg();
  const l = useDubanLabels();
  const navigate = useNavigate();
  const forFlags = target.kind === 'flags' ? target.flags : null;
  const cards = useCards(cardsParams(target), forFlags === null);
  const settings = useSharedSettings();
  const issue = useIssueNotice();
  const [instructions, setInstructions] = useState(() => m('defaultInstructions'));
  const [days, setDays] = useState<number | null>(null);
  const deadlineDays = days ?? settings.data?.settings.duban.deadlineDays ?? 3;
  // A batch is one department's; a case's cards are all of its department (one live card).
  const items =
    forFlags !== null
      ? []
      : (cards.data?.items ?? []).filter(
          (c) => target.kind === 'case' || c.departmentId === target.departmentId,
        );
  const ready = (items.length > 0 || (forFlags?.length ?? 0) > 0) && filled(instructions) !== null;
  return (
    <Modal open title={titleOf(target, m)} footer={null} onCancel={onClose} destroyOnHidden>
      <div data-testid="issue-dialog">
        <DubanForm
          ready={ready}
          submitLabel={m('issue')}
          submitTestId="issue-submit"
          action={issue}
          onReload={() => void cards.refetch()}
          extra={<Button onClick={onClose}>{m('cancel')}</Button>}
          onSubmit={() =>
            issue.mutate(
              {
                ...(forFlags === null
                  ? { cardIds: items.map((c) => c.id) }
                  : { flags: forFlags.map((f) => ({ caseId: f.caseId, rule: f.rule })) }),
                instructions: instructions.trim(),
                deadlineDays,
              },
              { onSuccess: (n) => void navigate(noticePath(n.id)) },
            )
          }
        >
          {forFlags !== null ? (
            <>
              <Typography.Paragraph strong>
                {m('flags', { n: forFlags.length })}
              </Typography.Paragraph>
              <Typography.Paragraph data-testid="issue-flags">
                {forFlags.map((f) => (
                  <Tag key={`${f.rule}:${f.caseId}`} color="orange">
                    {f.caseId} · {f.ruleName}
                  </Tag>
                ))}
              </Typography.Paragraph>
            </>
          ) : (
            <Typography.Paragraph strong>{m('cards', { n: items.length })}</Typography.Paragraph>
          )}
          {forFlags !== null ? null : cards.isSuccess && items.length === 0 ? (
            <Typography.Paragraph type="warning">{m('none')}</Typography.Paragraph>
          ) : (
            <Typography.Paragraph>
              {items.map((c) => (
                <Tag
                  key={c.id}
                  color={c.level === 'red' ? 'red' : c.level === 'yellow' ? 'gold' : 'blue'}
                >
                  {c.caseId} · {l(`level.${c.level}`)}
                </Tag>
              ))}
            </Typography.Paragraph>
          )}
          <Form.Item label={l('field.instructions')} required>
            <Input.TextArea
              rows={3}
              maxLength={4000}
              value={instructions}
              onChange={(e) => setInstructions(e.target.value)}
              data-testid="issue-instructions"
            />
          </Form.Item>
          <Form.Item label={l('field.deadlineDays')} required>
            <InputNumber
              min={1}
              max={60}
              precision={0}
              value={deadlineDays}
              onChange={(v) => setDays(typeof v === 'number' ? v : null)}
              data-testid="issue-days"
            />
          </Form.Item>
        </DubanForm>
      </div>
    </Modal>
  );
}
