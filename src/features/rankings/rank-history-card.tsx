import { Alert, Card, Skeleton, Table, Typography } from 'antd';
import { useRankingMsg } from './messages';
import type { UseQueryResult } from '@tanstack/react-query';
import { ChartFrame } from '../../charts/chart-frame';
import { RankingHistoryChart } from '../../charts/ranking-history-chart';
import type { RankHistory } from '../../engine/ranking';
import { formatScore, rankedCounts, rankTrend } from '../../engine/ranking-view';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useDetailMsg } from './detail-messages';

/** A department's rank over the six quarters ending with the shown one (from `rankHistory`). */
export function RankHistoryCard({
  history,
  departmentId,
  name,
  quarter,
  source,
}: {
  history: UseQueryResult<RankHistory>;
  departmentId: string;
  name: string;
  quarter: string;
  source: string;
}) {
  const m = useDetailMsg();
  const rm = useRankingMsg();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  if (history.isError) {
    return (
      <Alert type="error" showIcon title={m('historyError', { reason: history.error.message })} />
    );
  }
  if (!history.data) {
    return (
      <Card aria-busy="true">
        <Typography.Text type="secondary">{m('historyLoading')}</Typography.Text>
        <Skeleton active />
      </Card>
    );
  }
  const h = history.data;
  const trend = rankTrend(h, departmentId);
  const ranked = rankedCounts(h);
  const from = h.quarters[0] ?? '';
  const to = h.quarters[h.quarters.length - 1] ?? '';
  return (
    <ChartFrame
      title={m('history', { dept: name })}
      period={`${from} – ${to}`}
      source={source}
      exportName={rm('exportHistory', { name, quarter })}
      summary={m('historySummary', { dept: name, from, to })}
      height={300}
      below={
        <Table
          size="small"
          rowKey="quarter"
          pagination={false}
          dataSource={trend}
          columns={[
            { key: 'q', title: m('quarterCol'), dataIndex: 'quarter' },
            {
              key: 'r',
              title: m('rankCol'),
              align: 'right',
              render: (_, p, i) =>
                p.rank === null ? m('notRanked') : `${p.rank} / ${ranked[i] ?? ''}`,
            },
            {
              key: 's',
              title: m('scoreCol'),
              align: 'right',
              render: (_, p) => formatScore(p.score, locale),
            },
            { key: 'c', title: m('countedCol'), dataIndex: 'counted', align: 'right' },
          ]}
        />
      }
    >
      <RankingHistoryChart
        points={trend}
        rankLabel={m('rankCol')}
        maxRank={Math.max(1, ...ranked)}
      />
    </ChartFrame>
  );
}
