import { SendOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/session';
import { defineMessages } from '../../i18n';
import { IssueNoticeDialog, type NoticeTarget } from './issue-notice-dialog';

const useMsg = defineMessages(
  { case: '签发督办', batch: '督办全部红牌', flag: '督办', flags: '督办全部慢作为标记（{n} 个）' },
  {
    case: 'Issue notice',
    batch: 'Notice for all red cards',
    flag: 'Issue notice',
    flags: 'Notice for all slow-action flags ({n})',
  },
);

function labelOf(t: NoticeTarget, m: ReturnType<typeof useMsg>): string {
  if (t.kind === 'case') return m('case');
  if (t.kind === 'department-red') return m('batch');
  return t.flags.length === 1 ? m('flag') : m('flags', { n: t.flags.length });
}

/** 签发督办 — shown to supervisors only (the service refuses everyone else anyway). */
export function IssueNoticeButton({
  target,
  size = 'small',
  testId,
}: {
  target: NoticeTarget;
  size?: 'small' | 'middle';
  testId?: string;
}) {
  const m = useMsg();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (me.data?.role !== 'supervisor') return null;
  return (
    <>
      <Button
        size={size}
        icon={<SendOutlined />}
        onClick={() => setOpen(true)}
        data-testid={testId ?? 'issue-notice'}
      >
        {labelOf(target, m)}
      </Button>
      {open ? <IssueNoticeDialog target={target} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
