import { Alert, Button, Result, Select, Skeleton, Space, Typography } from 'antd';
import { periodKey } from '../../domain/period/period';
import type { Quarter } from '../../engine/ranking';
import { useRankingMsg } from './messages';
import { RankingContent } from './ranking-content';
import { useApiErrorText } from '../../ui/query-gate';
import { EditionBar } from './edition-bar';
import { useRankingQuarter } from './use-ranking-quarter';
import { useRankingSource } from './use-ranking-source';

/**
 * 部门排名 (评比排队): the quarterly department ranking with its chart, drill-downs, methodology,
 * exports and the printable 季度通报. It shows the quarter's latest published edition when there
 * is one (else the live `GET /rankings`, the same rankQuarter as the `rank` CLI), ranked within
 * groups by default with the city-wide list as a second view.
 */
export function RankingsPage() {
  const m = useRankingMsg();
  const q = useRankingQuarter();
  const errorText = useApiErrorText();
  const source = useRankingSource(q.quarter);
  const shown = source.shown;
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
      {q.local ? (
        <Typography.Text type="secondary" data-testid="ranking-local-quarter">
          {m('defaultHint', { asOf: q.asOfDayIso })}
        </Typography.Text>
      ) : null}
    </Space>
  );
  let body;
  if (shown.ranking) {
    body = (
      <RankingContent
        quarter={q.quarter}
        ranking={shown.ranking}
        edition={shown.edition}
        updating={shown.placeholder || key !== shown.ranking.quarter}
      />
    );
  } else if (shown.isError) {
    body = (
      <Result
        status="error"
        title={m('error')}
        subTitle={errorText(shown.error)}
        extra={
          <Button type="primary" onClick={shown.refetch}>
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
      {source.listSettled ? (
        <EditionBar source={source} partial={source.live.data?.partial ?? true} />
      ) : null}
      {shown.ranking && shown.placeholder ? (
        <Alert type="info" showIcon title={m('updating', { quarter: key })} />
      ) : null}
      {body}
    </Space>
  );
}
