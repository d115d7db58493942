import { PrinterOutlined } from '@ant-design/icons';
import { noticePath } from '../../state/id-links';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useNotice, useNoticeEvents } from '../../api/notices';
import { useMe } from '../../api/session';
import type { CardItem, NoticeItem } from '../../contract/duban';
import { intlLocale, useLocaleStore } from '../../i18n';
import { NOTICE_STATE_COLOR, useDubanLabels } from '../../ui/duban/duban-labels';
import { DubanTimeline, noticeEntries } from '../../ui/duban/duban-timeline';
import { formatDateTime } from '../../ui/format';
import { QueryGate } from '../../ui/query-gate';
import { useDubanMsg } from './duban-messages';
import { NoticeFlags } from './notice-flags';
import { NoticeActions } from './notice-actions';
import { useNoticeCards } from './use-notice-cards';

/** 督办单: what was asked, of whom, by when; its cases; its history; what the viewer may do now. */
export function NoticePage() {
  const { noticeId = '' } = useParams();
  const id = Number(noticeId);
  const notice = useNotice(id);
  return (
    <QueryGate query={notice}>
      {(n) => <NoticeView notice={n} onReload={() => void notice.refetch()} />}
    </QueryGate>
  );
}

function NoticeView({ notice, onReload }: { notice: NoticeItem; onReload: () => void }) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const me = useMe();
  const events = useNoticeEvents(notice.id);
  const cards = useNoticeCards(notice);
  const reload = () => {
    onReload();
    void events.refetch();
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="notice-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="notice-number">
          {m('noticeTitle', { number: notice.number })}{' '}
          <Tag color={NOTICE_STATE_COLOR[notice.state]} data-testid="notice-state">
            {l(`state.${notice.state}`)}
          </Tag>
        </Typography.Title>
        <Link to={`${noticePath(notice.id)}/print`}>
          <Button icon={<PrinterOutlined />} data-testid="notice-print">
            {m('print')}
          </Button>
        </Link>
      </Space>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={m('col.department')}>{notice.departmentName}</Descriptions.Item>
        <Descriptions.Item label={m('col.dueOn')}>
          {notice.dueOn}（{notice.deadlineDays} 个工作日）
        </Descriptions.Item>
        <Descriptions.Item label={m('issuedBy')}>{notice.issuedBy}</Descriptions.Item>
        <Descriptions.Item label={m('col.issuedAt')}>
          {formatDateTime(Date.parse(notice.issuedAt), locale)}
        </Descriptions.Item>
        <Descriptions.Item label={l('field.instructions')} span={2}>
          {notice.instructions}
        </Descriptions.Item>
      </Descriptions>
      {me.data ? <NoticeActions notice={notice} me={me.data} onReload={reload} /> : null}
      {notice.cardIds.length > 0 || notice.flags.length === 0 ? (
        <Card size="small" title={m('cases')}>
          <NoticeCases notice={notice} cards={cards} />
        </Card>
      ) : null}
      {notice.flags.length > 0 ? (
        <Card size="small" title={m('flags')}>
          <NoticeFlags notice={notice} />
        </Card>
      ) : null}
      <Card size="small" title={m('timeline')}>
        <DubanTimeline
          testId="notice-timeline"
          entries={noticeEntries(notice.number, events.data?.items ?? [], l, notice.flags)}
        />
      </Card>
    </Space>
  );
}

/** The notice's cases with their card's level and state (a revoked card says so). */
export function NoticeCases({ notice, cards }: { notice: NoticeItem; cards: CardItem[] }) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const rows = notice.caseIds.map((caseId) => ({
    caseId,
    card: cards.find((c) => c.caseId === caseId),
  }));
  return (
    <Table
      size="small"
      rowKey="caseId"
      pagination={false}
      dataSource={rows}
      data-testid="notice-cases"
      columns={[
        {
          key: 'case',
          title: m('printCaseId'),
          render: (_, r) => <Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{r.caseId}</Link>,
        },
        {
          key: 'level',
          title: m('printLevel'),
          render: (_, r) => (r.card ? l(`level.${r.card.level}`) : ''),
        },
        { key: 'earned', title: m('printEarned'), render: (_, r) => r.card?.earnedOn ?? '' },
        {
          key: 'state',
          title: m('col.state'),
          render: (_, r) => (r.card ? <Tag>{l(`card.${r.card.state}`)}</Tag> : null),
        },
      ]}
    />
  );
}
