import { Collapse } from 'antd';
import type { QuarterRanking } from '../../engine/ranking';
import { rankingMethodology } from '../../engine/ranking-view-methodology';
import type { SlowActionThresholds } from '../../domain/slow-action';
import { MethodologyText } from '../../export/methodology-text';
import { useRankingMsg } from './messages';

/**
 * 排名口径说明: indicators, weights, scoring and counting rules, generated from the settings the
 * shown ranking was computed with (see `rankingMethodology`), so it cannot drift from the code.
 */
export function MethodologyPanel({
  ranking,
  thresholds,
}: {
  ranking: QuarterRanking;
  thresholds: SlowActionThresholds;
}) {
  const m = useRankingMsg();
  const method = rankingMethodology(ranking, thresholds);
  return (
    <Collapse
      data-testid="methodology"
      items={[
        {
          key: 'm',
          label: m('methodology'),
          children: <MethodologyText methodology={method} variant="panel" />,
        },
      ]}
    />
  );
}
