import { useQueries } from '@tanstack/react-query';
import { noticePath } from '../../state/id-links';
import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useCards } from '../../api/cards';
import { apiGet } from '../../api/http';
import { apiKeys } from '../../api/keys';
import { useNotices } from '../../api/notices';
import { cardEventsResponse, noticeEventsResponse } from '../../contract/duban';
import { defineMessages } from '../../i18n';
import { NOTICE_STATE_COLOR, useDubanLabels } from '../../ui/duban/duban-labels';
import {
  cardEntries,
  DubanTimeline,
  noticeEntries,
  type TimelineEntry,
} from '../../ui/duban/duban-timeline';
import { IssueNoticeButton } from '../../ui/duban/issue-notice-button';

const useMsg = defineMessages(
  {
    title: '督办记录',
    card: '{level}卡 #{id}',
    none: '此办件没有预警、黄牌或红牌记录。',
    cardState: '卡片状态',
  },
  {
    title: 'Supervision record',
    card: '{level} #{id}',
    none: 'This case has no warning or card on record.',
    cardState: 'Card state',
  },
);

/**
 * The case's 督办 record: its cards (with state — 已撤销 shows here even though the case left the
 * figures), the notices that cover it, and one timeline of every card and notice event (who,
 * role, department, when, what was said).
 */
export function CaseDuban({ caseId }: { caseId: string }) {
  const m = useMsg();
  const l = useDubanLabels();
  const cards = useCards({ caseId });
  const notices = useNotices({ caseId });
  const cardItems = cards.data?.items ?? [];
  const noticeItems = notices.data?.items ?? [];
  const cardEvents = useQueries({
    queries: cardItems.map((c) => ({
      queryKey: apiKeys.cardEvents(c.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet(`/cards/${c.id}/events`, cardEventsResponse, signal),
    })),
  });
  const noticeEvents = useQueries({
    queries: noticeItems.map((n) => ({
      queryKey: apiKeys.noticeEvents(n.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet(`/notices/${n.id}/events`, noticeEventsResponse, signal),
    })),
  });
  const entries: TimelineEntry[] = [
    ...cardItems.flatMap((c, i) =>
      cardEntries(
        m('card', { level: l(`level.${c.earnedLevel}`), id: c.id }),
        cardEvents[i]?.data?.items ?? [],
        l,
      ),
    ),
    ...noticeItems.flatMap((n, i) =>
      noticeEntries(
        n.number,
        noticeEvents[i]?.data?.items ?? [],
        l,
        n.flags.filter((f) => f.caseId === caseId),
      ),
    ),
  ];
  return (
    <Card
      size="small"
      title={m('title')}
      data-testid="case-duban"
      extra={<IssueNoticeButton target={{ kind: 'case', caseId }} testId="case-issue-notice" />}
    >
      {cards.isSuccess && cardItems.length === 0 && noticeItems.length === 0 ? (
        <Typography.Text type="secondary">{m('none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {cardItems.map((c) => (
              <Tag key={c.id} data-testid="case-card-state">
                {m('card', { level: l(`level.${c.level}`), id: c.id })} · {l(`card.${c.state}`)}
              </Tag>
            ))}
            {noticeItems.map((n) => (
              <Link key={n.id} to={noticePath(n.id)}>
                <Tag color={NOTICE_STATE_COLOR[n.state]}>
                  {n.number} · {l(`state.${n.state}`)}
                </Tag>
              </Link>
            ))}
          </Space>
          <DubanTimeline entries={entries} testId="case-duban-timeline" />
        </Space>
      )}
    </Card>
  );
}
