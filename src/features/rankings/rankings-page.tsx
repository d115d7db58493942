import { Alert, Button, Result, Select, Skeleton, Space, Typography } from 'antd';
import { periodKey } from '../../domain/period/period';
import type { Quarter } from '../../engine/ranking';
import { useRankingMsg } from './messages';
import { RankingContent } from './ranking-content';
import { useApiErrorText } from '../../ui/query-gate';
import { useQuarterRanking } from './use-ranking';
import { useRankingQuarter } from './use-ranking-quarter';

/**
 * 部门排名 (评比排队): the quarterly department ranking with its chart, drill-downs, methodology,
 * exports and the printable 季度通报. The ranking is the service's (`GET /rankings`, the same
 * rankQuarter as the `rank` CLI), with the same settings and as-of as every page.
 */
export function RankingsPage() {
  const m = useRankingMsg();
  const q = useRankingQuarter();
  const errorText = useApiErrorText();
  const query = useQuarterRanking(q.quarter);
  const key = periodKey(q.quarter);
  const label = (x: Quarter) => m('quarterOption', { year: x.year, quarter: x.quarter });
  const picker = (
    <Space wrap>
      <Typography.Text strong id="ranking-quarter-label">
        {m('quarter')}
      </Typography.Text>
      <Select
        aria-labelledby="ranking-quarter-label"
        data-testid="ranking-quarter"
        value={key}
        style={{ width: 160 }}
        options={q.choices.map((x) => ({ value: periodKey(x), label: label(x) }))}
        onChange={(v: string) => {
          const next = q.choices.find((x) => periodKey(x) === v);
          if (next) q.setQuarter(next);
        }}
      />
      <Typography.Text type="secondary">{m('defaultHint', { asOf: q.asOfDayIso })}</Typography.Text>
    </Space>
  );
  let body;
  if (query.data) {
    body = (
      <RankingContent
        quarter={q.quarter}
        ranking={query.data}
        updating={query.isPlaceholderData || periodKey(q.quarter) !== query.data.quarter}
      />
    );
  } else if (query.isError) {
    body = (
      <Result
        status="error"
        title={m('error')}
        subTitle={errorText(query.error)}
        extra={
          <Button type="primary" onClick={() => void query.refetch()}>
            {m('retry')}
          </Button>
        }
      />
    );
  } else {
    body = (
      <div data-testid="ranking-loading" aria-busy="true">
        <Typography.Text type="secondary">{m('computing')}</Typography.Text>
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="rankings-page"
    >
      {picker}
      {query.data && query.isPlaceholderData ? (
        <Alert type="info" showIcon title={m('updating', { quarter: key })} />
      ) : null}
      {body}
    </Space>
  );
}
