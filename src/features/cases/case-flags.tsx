import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isoFromDay } from '../../domain/calendar';
import type { SlowActionFlag } from '../../domain/slow-action';
import { EVIDENCE_LABELS, EVIDENCE_VALUE_LABELS } from './case-evidence-labels';
import { useCaseMsg } from './case-messages';

/** Every slow-action flag of the case: rule name, Chinese explanation and its evidence. */
export function CaseFlags({ flags }: { flags: readonly SlowActionFlag[] }) {
  const m = useCaseMsg();
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
                    <Tag color="volcano">{f.rule}</Tag>
                  </Link>
                  <Typography.Text type="secondary">
                    {m('flag.since', { date: isoFromDay(f.sinceDay) })}
                  </Typography.Text>
                </Space>
                <Typography.Text>{f.explanation}</Typography.Text>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  title={<Typography.Text type="secondary">{m('flag.evidence')}</Typography.Text>}
                  items={Object.entries(f.evidence).map(([k, v]) => ({
                    key: k,
                    label: <span title={k}>{EVIDENCE_LABELS[k] ?? k}</span>,
                    children: v === null ? '—' : (EVIDENCE_VALUE_LABELS[String(v)] ?? String(v)),
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
