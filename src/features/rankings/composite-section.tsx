import { ChartFrame } from '../../charts/chart-frame';
import { compositeChartHeight, RankingCompositeChart } from '../../charts/ranking-composite-chart';
import type { QuarterRanking } from '../../engine/ranking';
import { formatScore, type CompositeBar } from '../../engine/ranking-view';
import { intlLocale, useLocaleStore, useT } from '../../i18n';
import { useRankingMsg } from './messages';

/** The composite bar chart, fed the same ranked rows as the table (`compositeBars`). */
export function CompositeSection({
  ranking,
  bars,
  source,
  group,
}: {
  ranking: QuarterRanking;
  bars: CompositeBar[];
  source: string;
  /** In the group view: the group's name, shown in the title and the export's file name. */
  group?: { key: string; name: string };
}) {
  const m = useRankingMsg();
  const t = useT();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  if (bars.length === 0) return null;
  return (
    <ChartFrame
      testId={group ? `composite-chart-${group.key}` : 'composite-chart'}
      title={
        group
          ? m('groupChartTitle', { quarter: ranking.quarter, group: group.name })
          : m('chartTitle', { quarter: ranking.quarter })
      }
      period={
        ranking.partial
          ? t('period.span', { from: ranking.from, to: ranking.asOf.slice(0, 10) })
          : t('period.span', { from: ranking.from, to: ranking.to })
      }
      coverage={m('chartCoverage', {
        ranked: ranking.coverage.ranked,
        departments: ranking.coverage.departments,
      })}
      source={source}
      exportName={m('exportComposite', {
        quarter: ranking.quarter,
        group: group ? `-${group.key}` : '',
      })}
      summary={m('chartSummary', {
        n: bars.length,
        city: formatScore(ranking.city.score, locale),
      })}
      height={compositeChartHeight(bars.length)}
    >
      <RankingCompositeChart
        bars={bars}
        cityScore={ranking.city.score}
        cityLabel={m('cityLine', { score: '' }).trim()}
        scoreLabel={m('composite')}
        locale={locale}
      />
    </ChartFrame>
  );
}
