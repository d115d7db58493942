import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { Link } from 'react-router';
import { useInbox } from '../api/inbox';
import { useMe } from '../api/session';
import { defineMessages } from '../i18n';

const useMsg = defineMessages(
  { label: '我的待办：{n} 项', answer: '待反馈 {a}', sup: '待决定 {d} · 待确认 {r} · 逾期 {o}' },
  { label: 'My inbox: {n}', answer: 'To answer {a}', sup: 'Decide {d} · review {r} · overdue {o}' },
);

/**
 * The header's 待办 count: a liaison's notices to answer, a supervisor's appeals, answers and
 * overdue notices. Refetched when the stream says a notice changed, so it moves without a reload.
 */
export function InboxBadge() {
  const m = useMsg();
  const me = useMe();
  const role = me.data?.role;
  const inbox = useInbox(role === 'liaison' || role === 'supervisor');
  if (role !== 'liaison' && role !== 'supervisor') return null;
  const c = inbox.data?.counts;
  const n = c ? (role === 'liaison' ? c.answer : c.decide + c.review + c.overdue) : 0;
  const detail = c
    ? role === 'liaison'
      ? m('answer', { a: c.answer })
      : m('sup', { d: c.decide, r: c.review, o: c.overdue })
    : '';
  return (
    <Tooltip title={detail}>
      <Link to="/inbox" aria-label={m('label', { n })} data-testid="inbox-badge">
        <Badge
          count={n}
          showZero={false}
          overflowCount={99}
          data-testid="inbox-count"
          data-count={n}
        >
          <Button shape="circle" icon={<BellOutlined />} tabIndex={-1} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
