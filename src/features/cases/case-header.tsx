import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocaleStore } from '../../i18n';
import { useGlobalSearch } from '../../state/url-state';
import { formatDateTime } from '../../ui/format';
import { useCaseMsg } from './case-messages';
import type { CaseData } from './use-case-data';
import { FeedText } from '../../ui/feed-text';
import { departmentPath } from '../../state/id-links';

/** Who, what, how and when: department (link), item with its limits, channel, status, times. */
export function CaseHeader({ data }: { data: CaseData }) {
  const m = useCaseMsg();
  const search = useGlobalSearch();
  const locale = useLocaleStore((s) => s.locale);
  const { row, item } = data;
  const completedLater = row.completedAt !== null && !row.completed;
  const limits =
    item === null
      ? null
      : item.committedLimitDays === 0
        ? m('itemInstant', { s: item.statutoryLimitDays })
        : m('itemLimits', { c: item.committedLimitDays, s: item.statutoryLimitDays });
  return (
    <Card
      size="small"
      data-testid="case-header"
      extra={<Typography.Text type="secondary">{m('zone')}</Typography.Text>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'dept',
            label: m('department'),
            children: (
              <Link to={{ pathname: departmentPath(row.departmentId), search }}>
                <FeedText>{data.departmentName}</FeedText>
              </Link>
            ),
          },
          {
            key: 'item',
            label: m('item'),
            span: 2,
            children: (
              <span>
                <FeedText>{item?.name ?? row.itemCode}</FeedText>
                {limits ? (
                  <Typography.Text type="secondary">{m('limitsOf', { limits })}</Typography.Text>
                ) : null}
              </span>
            ),
          },
          {
            key: 'channel',
            label: m('channel'),
            children: row.channel === null ? '—' : m(`channel.${row.channel}`),
          },
          { key: 'status', label: m('status'), children: m(`status.${row.status}`) },
          {
            key: 'accepted',
            label: m('acceptedAt'),
            children: (
              <span data-testid="case-accepted">{formatDateTime(row.acceptedAt, locale)}</span>
            ),
          },
          {
            key: 'completed',
            label: m('completedAt'),
            children:
              row.completedAt === null
                ? m('notCompleted')
                : `${formatDateTime(row.completedAt, locale)}${completedLater ? m('completedAfterAsOf') : ''}`,
          },
        ]}
      />
    </Card>
  );
}
