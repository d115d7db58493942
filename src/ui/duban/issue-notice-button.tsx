import { SendOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/session';
import { defineMessages } from '../../i18n';
import { IssueNoticeDialog, type NoticeTarget } from './issue-notice-dialog';

const useMsg = defineMessages(
  { case: '签发督办', batch: '督办全部红牌' },
  { case: 'Issue notice', batch: 'Notice for all red cards' },
);

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
        {target.kind === 'case' ? m('case') : m('batch')}
      </Button>
      {open ? <IssueNoticeDialog target={target} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
