import { Alert, Descriptions, Drawer, Skeleton, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { INDICATOR_KEYS, type IndicatorKey } from '../../domain/ranking';
import type { Quarter, QuarterRanking } from '../../engine/ranking';
import {
  departmentLabel,
  formatFraction,
  formatIndicatorValue,
  formatScore,
  indicatorsOf,
} from '../../engine/ranking-view';
import { evidenceLists, type EvidenceRow } from '../../engine/ranking-view-evidence';
import { indicatorWords } from '../../export/methodology-words';
import { defineMessages, intlLocale, useLocaleStore } from '../../i18n';
import { FeedText } from '../../ui/feed-text';
import { richMessage } from '../../ui/rich-message';
import { useEvidenceNote } from './evidence-note';
import { formatCount } from '../../ui/format';
import { useRankingMsg } from './messages';
import { useRankingEvidence } from './use-ranking';
import { casePath } from '../../state/id-links';

const useMsg = defineMessages(
  {
    title: '{owner} · {name}（{quarter}）',
    value: '值',
    fraction: '分子 / 分母',
    score: '得分',
    numerator: '分子（{n}）',
    denominator: '分母（{n}）',
    caseId: '办件编号',
    evaluationId: '评价编号',
    note: '计入情况',
    loading: '正在列出办件…',
    error: '无法列出办件：{reason}',
    empty: '没有记录',
    perFlag: '慢作为率的分子是标记数：一个办件有几条标记就列出几次。',
    utilisation: '时限利用率的分子是下列办件的时限利用率（单件封顶 1）之和，分母为件数。',
  },
  {
    title: '{owner} · {name} ({quarter})',
    value: 'Value',
    fraction: 'Numerator / denominator',
    score: 'Score',
    numerator: 'Numerator ({n})',
    denominator: 'Denominator ({n})',
    caseId: 'Case',
    evaluationId: 'Evaluation',
    note: 'How it counted',
    loading: 'Listing the cases…',
    error: 'The cases could not be listed: {reason}',
    empty: 'No records',
    perFlag: 'The numerator counts flags: a case is listed once per flag.',
    utilisation:
      'The numerator sums the capped utilisation of the cases below; the denominator counts them.',
  },
);

/** Parses the `drill` URL param: `<departmentId|city>:<indicatorKey>`. */
export function parseDrill(raw: string | null): { owner: string; key: IndicatorKey } | null {
  if (!raw) return null;
  const i = raw.lastIndexOf(':');
  const key = raw.slice(i + 1) as IndicatorKey;
  if (i <= 0 || !INDICATOR_KEYS.includes(key)) return null;
  return { owner: raw.slice(0, i), key };
}

/**
 * The cases (or evaluations) a score was computed from: its numerator and denominator lists, with
 * links to each case. Opened from any score; the selection lives in the URL (`drill=`).
 */
export function EvidenceDrawer({
  quarter,
  ranking,
  drill,
  onClose,
}: {
  quarter: Quarter;
  ranking: QuarterRanking;
  drill: { owner: string; key: IndicatorKey } | null;
  onClose: () => void;
}) {
  const m = useMsg();
  const rm = useRankingMsg();
  const uiLocale = useLocaleStore((s) => s.locale);
  const locale = intlLocale(uiLocale);
  const noteText = useEvidenceNote();
  const owner = drill?.owner ?? null;
  const dept =
    owner && owner !== 'city' ? ranking.departments.find((d) => d.departmentId === owner) : null;
  const query = useRankingEvidence(quarter, owner === 'city' ? null : owner, drill !== null);
  const lists = useMemo(
    () => (query.data && drill ? evidenceLists(query.data, drill.key) : null),
    [query.data, drill],
  );
  if (!drill) return <Drawer open={false} onClose={onClose} />;
  const info = indicatorsOf(ranking).find((x) => x.key === drill.key);
  const value = owner === 'city' ? ranking.city.indicators[drill.key] : dept?.indicators[drill.key];
  const ownerLabel =
    owner === 'city' ? (
      rm('city')
    ) : (
      <FeedText>{dept ? departmentLabel(dept) : (owner ?? '')}</FeedText>
    );
  const words = indicatorWords(uiLocale, drill.key, ranking.rectificationWindowDays);
  const columns = [
    {
      key: 'id',
      title: lists?.kind === 'evaluation' ? m('evaluationId') : m('caseId'),
      width: 200,
      render: (_: unknown, row: EvidenceRow) =>
        lists?.kind === 'evaluation' ? (
          <span>
            {row.id}
            <br />
            <Link to={casePath(row.caseId)}>{row.caseId}</Link>
          </span>
        ) : row.caseId === '' ? (
          <span>{row.id}</span>
        ) : (
          <Link to={casePath(row.caseId)}>{row.id}</Link>
        ),
    },
    { key: 'note', title: m('note'), render: (_: unknown, row: EvidenceRow) => noteText(row.note) },
  ];
  const list = (rows: EvidenceRow[], testId: string) => (
    <Table<EvidenceRow>
      data-testid={testId}
      rowKey="rowKey"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: m('empty') }}
    />
  );
  return (
    <Drawer
      open
      onClose={onClose}
      size={720}
      title={richMessage(m('title'), {
        owner: ownerLabel,
        name: words.name,
        quarter: ranking.quarter,
      })}
      data-testid="evidence-drawer"
    >
      {info && value ? (
        <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={m('value')}>
            {formatIndicatorValue(drill.key, value.value, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={m('fraction')}>
            {formatFraction(drill.key, value, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={m('score')}>
            {formatScore(value.score, locale)}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {info ? (
        <Typography.Paragraph type="secondary">
          {words.description} {words.scoring}
        </Typography.Paragraph>
      ) : null}
      {drill.key === 'slowActionRate' ? <Alert type="info" showIcon title={m('perFlag')} /> : null}
      {drill.key === 'limitUtilisation' ? (
        <Alert type="info" showIcon title={m('utilisation')} />
      ) : null}
      {query.isError ? (
        <Alert type="error" showIcon title={m('error', { reason: query.error.message })} />
      ) : !lists ? (
        <div aria-busy="true">
          <Typography.Text type="secondary">{m('loading')}</Typography.Text>
          <Skeleton active />
        </div>
      ) : (
        <Tabs
          items={[
            {
              key: 'numerator',
              label: m('numerator', { n: formatCount(lists.numerator.length, locale) }),
              children: list(lists.numerator, 'evidence-numerator'),
            },
            {
              key: 'denominator',
              label: m('denominator', { n: formatCount(lists.denominator.length, locale) }),
              children: list(lists.denominator, 'evidence-denominator'),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
