import { Card, Empty, Space, Typography } from 'antd';
import { useInbox } from '../../api/inbox';
import { useMe } from '../../api/session';
import type { INBOX_KINDS, NoticeItem } from '../../contract/duban';
import { QueryGate } from '../../ui/query-gate';
import { useDubanMsg } from './duban-messages';
import { NoticeList } from './notice-list';

type Kind = (typeof INBOX_KINDS)[number];

/** Which lists a role works through (a leader or an admin only reads notices). */
const KINDS_OF: Record<string, readonly Kind[]> = {
  liaison: ['answer'],
  supervisor: ['decide', 'review', 'overdue'],
};

/**
 * 我的待办: what waits for the signed-in person — a liaison's notices to answer, a supervisor's
 * appeals to decide, answers to review and notices past due. The stream's `notice` event
 * refetches it (and the header badge) as soon as anyone acts.
 */
export function InboxPage() {
  const m = useDubanMsg();
  const me = useMe();
  const inbox = useInbox();
  const kinds = KINDS_OF[me.data?.role ?? ''] ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="inbox-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {m('inboxTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {m('inboxIntro')}
      </Typography.Paragraph>
      <QueryGate query={inbox}>
        {(data) =>
          kinds.length === 0 || data.items.length === 0 ? (
            <Empty description={m('nothing')} data-testid="inbox-empty" />
          ) : (
            kinds.map((kind) => {
              const notices: NoticeItem[] = data.items
                .filter((i) => i.kind === kind)
                .map((i) => i.notice);
              return (
                <Card
                  key={kind}
                  size="small"
                  title={`${m(`kind.${kind}`)}（${data.counts[kind]}）`}
                  data-testid={`inbox-${kind}`}
                >
                  <NoticeList notices={notices} testId={`inbox-list-${kind}`} />
                </Card>
              );
            })
          )
        }
      </QueryGate>
    </Space>
  );
}
