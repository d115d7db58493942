import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import {
  describeSlowActionRules,
  type SlowActionCode,
  type SlowActionRuleInfo,
} from '../../domain/slow-action';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useSlowActionText } from '../../ui/slow-action-text';
import { useSharedSettings } from '../../api/settings';
import { DEFAULT_ENGINE_SETTINGS } from '../../engine/settings';
import { formatCount } from '../../ui/format';
import { useSlowActionMsg } from './slow-action-messages';

/**
 * The rule list under the administrator's CURRENT thresholds (the ones the model was computed
 * with), each with its number of flags; a count is a button that filters the table by its rule.
 */
export function SlowActionRules({
  counts,
  selected,
  onSelect,
  refreshing,
}: {
  counts: Record<SlowActionCode, number>;
  selected: SlowActionCode | null;
  onSelect: (code: SlowActionCode | null) => void;
  refreshing: boolean;
}) {
  const m = useSlowActionMsg();
  const locale = useLocaleStore((s) => s.locale);
  const w = useSlowActionText();
  // The service's current thresholds (the defaults until its settings arrive).
  const thresholds =
    useSharedSettings().data?.settings.slowAction ?? DEFAULT_ENGINE_SETTINGS.slowAction;
  const rules = useMemo(() => describeSlowActionRules(thresholds), [thresholds]);
  return (
    <Card title={m('rulesTitle')} size="small" data-testid="slow-action-rules">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {m('rulesNote')}
      </Typography.Paragraph>
      {refreshing ? (
        <Alert
          type="info"
          showIcon
          title={m('recomputing')}
          style={{ marginBottom: 8 }}
          data-testid="slow-action-recomputing"
        />
      ) : null}
      <Table<SlowActionRuleInfo>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rules}
        rowClassName={(r) => (r.code === selected ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'name',
            title: m('colRule'),
            width: 170,
            render: (_, r) => (
              <span>
                <Typography.Text strong>{w.ruleName(r.code)}</Typography.Text>
                <br />
                <Tag color={r.level === 'case' ? 'default' : 'purple'} style={{ marginTop: 4 }}>
                  {r.level === 'case'
                    ? m('ruleLevelCase')
                    : r.code === 'notice-overdue'
                      ? m('ruleLevelNotice')
                      : m('ruleLevelDept')}
                </Tag>
              </span>
            ),
          },
          {
            key: 'description',
            title: m('colExplanation'),
            render: (_, r) => (
              <span>
                {w.ruleDescription(r.code, thresholds)}
                {w.legalBasis(r.code) !== null ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {m('legalBasis', { basis: w.legalBasis(r.code) ?? '' })}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          {
            key: 'count',
            title: m('colCount'),
            align: 'right',
            width: 96,
            render: (_, r) => (
              <Button
                type="link"
                size="small"
                data-testid={`rule-count-${r.code}`}
                aria-pressed={r.code === selected}
                onClick={() => onSelect(r.code === selected ? null : r.code)}
              >
                {formatCount(counts[r.code], intlLocale(locale))}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
