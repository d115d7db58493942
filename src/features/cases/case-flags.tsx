import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isoFromDay } from '../../domain/calendar';
import type { SlowActionFlag } from '../../domain/slow-action';
import { FeedText } from '../../ui/feed-text';
import { FlagReason } from '../../ui/flag-reason';
import { FEED_VALUED_FIELDS, useSlowActionText } from '../../ui/slow-action-text';
import { useCaseMsg } from './case-messages';

/** Every slow-action flag of the case: rule name, the reason worded from its evidence, the evidence. */
export function CaseFlags({ flags }: { flags: readonly SlowActionFlag[] }) {
  const m = useCaseMsg();
  const w = useSlowActionText();
  return (
    <Card size="small" title={m('flagsTitle')} data-testid="case-flags">
      {flags.length === 0 ? (
        <Typography.Text type="secondary">{m('noFlags')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {flags.map((f) => (
            <li key={f.code} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={{ pathname: '/slow-action', search: `?rule=${f.code}` }}>
                    <Tag color="volcano">{w.ruleName(f.code)}</Tag>
                  </Link>
                  <Typography.Text type="secondary">
                    {m('flag.since', { date: isoFromDay(f.sinceDay) })}
                  </Typography.Text>
                </Space>
                <Typography.Text>
                  <FlagReason code={f.code} evidence={f.evidence} />
                </Typography.Text>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  title={<Typography.Text type="secondary">{m('flag.evidence')}</Typography.Text>}
                  items={Object.entries(f.evidence).map(([k, v]) => ({
                    key: k,
                    // The key itself (a stable machine name used in exports) stays in a tooltip.
                    label: <span title={k}>{w.evidenceLabel(k)}</span>,
                    children:
                      v === null ? (
                        '—'
                      ) : FEED_VALUED_FIELDS.has(k) ? (
                        <FeedText>{String(v)}</FeedText>
                      ) : (
                        w.evidenceValue(f.code, k, v)
                      ),
                  }))}
                />
              </Space>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
