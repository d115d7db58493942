import { Col, Row } from 'antd';
import { ChartFrame } from '../../charts/chart-frame';
import { WeeklyCardsChart } from '../../charts/overview-weekly-cards';
import { WeeklyRateChart } from '../../charts/overview-weekly-rate';
import { isoFromDay } from '../../domain/calendar';
import type { OverviewFigures } from '../../engine/overview';
import { formatCount, formatPercent } from '../../ui/format';
import type { OverviewMsg } from './overview-messages';

export interface WeeklyTrendProps {
  figures: OverviewFigures;
  m: OverviewMsg;
  coverageLine: string;
  source: string;
  /** Export file name prefix and suffix: `总览-` … `-2026-09-30`. */
  exportPrefix: string;
  exportSuffix: string;
  locale: string;
  /** The model's as-of day: the trend ends there. */
  asOfDay: number;
}

/** The two weekly charts: cards issued per week, and the on-time rate per week. */
export function WeeklyTrend({
  figures,
  m,
  coverageLine,
  source,
  exportPrefix,
  exportSuffix,
  locale,
  asOfDay,
}: WeeklyTrendProps) {
  const points = figures.trend;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const weeksLine = m('weeks', {
    weeks: points.length,
    from: first.label,
    // The last week runs up to the as-of day.
    to: isoFromDay(Math.min(last.weekStart + 6, asOfDay)),
  });
  const weekLabel = (iso: string) => m('weekOf', { date: iso });
  const sum = (f: (p: (typeof points)[number]) => number) => points.reduce((s, p) => s + f(p), 0);
  const cardsSummary = m('trendCardsSummary', {
    weeks: points.length,
    yellow: formatCount(
      sum((p) => p.yellowIssued),
      locale,
    ),
    red: formatCount(
      sum((p) => p.redIssued),
      locale,
    ),
    lastYellow: formatCount(last.yellowIssued, locale),
    lastRed: formatCount(last.redIssued, locale),
  });
  const rateSummary = m('trendRateSummary', {
    weeks: points.length,
    last: formatPercent(last.onTimeRate, locale),
    onTime: formatCount(last.onTime, locale),
    n: formatCount(last.completed, locale),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartFrame
          testId="chart-weekly-cards"
          title={m('trendCardsTitle')}
          period={weeksLine}
          coverage={coverageLine}
          source={source}
          exportName={`${exportPrefix}${m('exportCards')}-${exportSuffix}`}
          summary={cardsSummary}
        >
          <WeeklyCardsChart
            points={points}
            yellowLabel={m('yellowIssued')}
            redLabel={m('redIssued')}
            weekLabel={weekLabel}
          />
        </ChartFrame>
      </Col>
      <Col xs={24} xl={12}>
        <ChartFrame
          testId="chart-weekly-rate"
          title={m('trendRateTitle')}
          period={weeksLine}
          coverage={coverageLine}
          source={source}
          exportName={`${exportPrefix}${m('exportRate')}-${exportSuffix}`}
          summary={rateSummary}
        >
          <WeeklyRateChart
            points={points}
            rateLabel={m('onTimeRate')}
            completedLabel={m('completedCount')}
            weekLabel={weekLabel}
            locale={locale}
          />
        </ChartFrame>
      </Col>
    </Row>
  );
}
