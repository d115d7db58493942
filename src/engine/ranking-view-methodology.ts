/**
 * The methodology (口径说明) of a quarterly ranking as values: the very settings the ranking was
 * computed with (they travel inside the `rankQuarter` result) and the slow-action thresholds. The
 * page's panel and the printed 季度通报 both word these through one message table
 * (export/methodology-text.tsx), so the explanation cannot drift from the computation.
 * docs/ranking.md is the long version.
 */
import { roundTo, type IndicatorDirection, type IndicatorKey } from '../domain/ranking';
import type { SlowActionThresholds } from '../domain/slow-action';
import { indicatorsOf, totalWeight, type RankingFrame } from './ranking-view';

/** One indicator line of the methodology table. */
export interface MethodologyIndicator {
  key: IndicatorKey;
  weight: number;
  /** Weight as a share of all weights, 0..1 (4 decimals). */
  share: number;
  better: IndicatorDirection;
}

/** Everything the methodology panel and the print show. */
export interface RankingMethodology {
  indicators: MethodologyIndicator[];
  totalWeight: number;
  quarter: string;
  from: string;
  to: string;
  /** "2026-09-30 23:59": the evaluation instant, to the minute. */
  asOf: string;
  partial: boolean;
  previousQuarter: string;
  minCountedCases: number;
  rectificationWindowDays: number;
  thresholds: SlowActionThresholds;
}

/**
 * The methodology of one ranking result.
 *
 * @param r the `rankQuarter` result (its weights, minimum volume and rectification window)
 * @param thresholds the slow-action thresholds the ranking ran with (慢作为率's rules)
 */
export function rankingMethodology(
  r: RankingFrame,
  thresholds: SlowActionThresholds,
): RankingMethodology {
  const total = totalWeight(r);
  return {
    indicators: indicatorsOf(r).map((i) => ({
      key: i.key,
      weight: r.weights[i.key],
      share: total > 0 ? roundTo(r.weights[i.key] / total, 4) : 0,
      better: i.better,
    })),
    totalWeight: total,
    quarter: r.quarter,
    from: r.from,
    to: r.to,
    // "2026-09-30T23:59:59.999+08:00" → "2026-09-30 23:59"
    asOf: `${r.asOf.slice(0, 10)} ${r.asOf.slice(11, 16)}`,
    partial: r.partial,
    previousQuarter: r.previousQuarter,
    minCountedCases: r.minCountedCases,
    rectificationWindowDays: r.rectificationWindowDays,
    thresholds,
  };
}
