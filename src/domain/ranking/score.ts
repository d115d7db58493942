/**
 * From pooled counts to indicator values, 0–100 scores, the weighted composite and shared ranks.
 *
 * Rounding is part of the rule, not of the display: values are rounded to 6 decimals, indicator
 * scores and composites to 2 decimals, each computed from the rounded figures before it. So the
 * numbers a table, a chart and an export show are the numbers that were ranked, a reader can redo
 * the composite from the printed scores, and float noise never splits a tie.
 */
import { INDICATOR_KEYS, type IndicatorKey } from './settings';
import type { RankingTally } from './tally';

/** One indicator of one department (or the city). */
export interface IndicatorValue {
  /** Rate 0..1 (slowActionRate: flags per 100 counted cases), rounded to 6 decimals; `null` without data. */
  value: number | null;
  /**
   * The rate as a reader reads it, distinct from the score: a percentage 0–100 for a share
   * (`unit: 'percent'`, e.g. 超期件率 2.3 → "2.3 %", whose score is 97.7), or flags per 100 counted
   * cases for 慢作为率 (`unit: 'per100'`, equal to `value`); rounded to 4 decimals; `null`
   * without data.
   */
  rate: number | null;
  /** How `rate` reads: `percent` (%) or `per100` (个/百件). */
  unit: IndicatorRateUnit;
  /** 0–100, rounded to 2 decimals; `null` without data. */
  score: number | null;
  /** What was counted (utilisation: the sum of capped per-case utilisations, rounded to 6 decimals). */
  numerator: number;
  /** Out of what; 0 means no data. */
  denominator: number;
}

/** How an indicator's `rate` reads: a percentage, or a count per 100 counted cases. */
export type IndicatorRateUnit = 'percent' | 'per100';

/** Decimals of `rate` (a percentage of a 6-decimal share is exact to 4 decimals). */
export const RATE_DECIMALS = 4;

/** Decimals of indicator values. */
export const VALUE_DECIMALS = 6;
/** Decimals of indicator scores and composites; ties are decided on this rounded value. */
export const SCORE_DECIMALS = 2;

/**
 * Round half away from zero to `decimals`, robust to binary noise: 1.005 → 1.01, and
 * 0.1 + 0.2 → 0.3. Never returns -0.
 */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const sign = x < 0 ? -1 : 1;
  // The tiny nudge lifts values such as 100.49999999999999 (really 100.5) over the half.
  const r = (sign * Math.round(Math.abs(x) * f * (1 + 1e-12) + 1e-9)) / f;
  return r === 0 ? 0 : r;
}

/** Score of a rate 0..1 by direction (DOMAIN.md: a percentage, or 100 − percentage floored at 0). */
function rateScore(value: number, better: 'higher' | 'lower'): number {
  const pct = value * 100;
  return roundTo(better === 'higher' ? pct : Math.max(0, 100 - pct), SCORE_DECIMALS);
}

function ratio(numerator: number, denominator: number, better: 'higher' | 'lower'): IndicatorValue {
  if (denominator <= 0)
    return { value: null, rate: null, unit: 'percent', score: null, numerator, denominator };
  const value = roundTo(numerator / denominator, VALUE_DECIMALS);
  return {
    value,
    rate: roundTo(value * 100, RATE_DECIMALS),
    unit: 'percent',
    score: rateScore(value, better),
    numerator,
    denominator,
  };
}

/**
 * The seven indicators from pooled counts (rules in docs/ranking.md):
 * 按时办结率 onTime ÷ completed; 提前办结率 early ÷ completed non-即办件; 时限利用率 mean capped
 * utilisation; 超期件率 (late + open overdue) ÷ counted; 好评率 level 4–5 ÷ evaluations;
 * 差评整改率 rectified ÷ judged 差评 (pending ones excluded); 慢作为率 flags per 100 counted
 * cases, scored 100 − that, floored at 0.
 */
export function indicatorValues(t: RankingTally): Record<IndicatorKey, IndicatorValue> {
  let slow: IndicatorValue;
  if (t.counted <= 0) {
    slow = {
      value: null,
      rate: null,
      unit: 'per100',
      score: null,
      numerator: t.slowActionFlags,
      denominator: 0,
    };
  } else {
    const per100 = roundTo((t.slowActionFlags * 100) / t.counted, VALUE_DECIMALS);
    slow = {
      value: per100,
      rate: roundTo(per100, RATE_DECIMALS),
      unit: 'per100',
      score: roundTo(Math.max(0, 100 - per100), SCORE_DECIMALS),
      numerator: t.slowActionFlags,
      denominator: t.counted,
    };
  }
  return {
    onTimeRate: ratio(t.onTime, t.completed, 'higher'),
    earlyRate: ratio(t.early, t.earlyEligible, 'higher'),
    limitUtilisation: ratio(roundTo(t.utilisationSum, VALUE_DECIMALS), t.utilisationCases, 'lower'),
    overdueRate: ratio(t.late + t.openOverdue, t.counted, 'lower'),
    goodRate: ratio(t.goodEvaluations, t.evaluations, 'higher'),
    rectificationRate: ratio(t.badRectified, t.badRectified + t.badUnrectified, 'higher'),
    slowActionRate: slow,
  };
}

/** The weighted composite of one department. */
export interface Composite {
  /** Σ wᵢ·scoreᵢ ÷ Σ wᵢ over indicators with data, rounded to 2 decimals; `null` when none has data. */
  score: number | null;
  /** Σ wᵢ over the indicators with data (the weights actually used). */
  weightUsed: number;
  /** Σ wᵢ over the indicators without data (the gap shown next to the score). */
  missingWeight: number;
  /** Indicators without data, in {@link INDICATOR_KEYS} order. */
  missing: IndicatorKey[];
}

/**
 * Weighted mean of the indicator scores over those with data: the weights are renormalised, so a
 * department without evaluations is scored on the other indicators, and the missing weight is
 * reported rather than hidden. Indicators with weight 0 never affect the score.
 */
export function compositeScore(
  indicators: Record<IndicatorKey, IndicatorValue>,
  weights: Record<IndicatorKey, number>,
): Composite {
  let sum = 0;
  let used = 0;
  let missingWeight = 0;
  const missing: IndicatorKey[] = [];
  for (const k of INDICATOR_KEYS) {
    const w = weights[k];
    const s = indicators[k].score;
    if (s === null) {
      missing.push(k);
      missingWeight += w;
    } else if (w > 0) {
      sum += w * s;
      used += w;
    }
  }
  return {
    score: used > 0 ? roundTo(sum / used, SCORE_DECIMALS) : null,
    weightUsed: roundTo(used, 6),
    missingWeight: roundTo(missingWeight, 6),
    missing,
  };
}

/**
 * Competition ranks (1, 2, 2, 4) by descending score among the eligible entries with a score;
 * others get `null`. Scores are compared after rounding to {@link SCORE_DECIMALS}, so values that
 * print the same always share a rank. The result is independent of the input order.
 */
export function competitionRanks(
  entries: readonly { score: number | null; eligible: boolean }[],
): (number | null)[] {
  const keys: number[] = [];
  for (const e of entries) {
    if (e.eligible && e.score !== null) keys.push(roundTo(e.score, SCORE_DECIMALS));
  }
  keys.sort((a, b) => b - a);
  // Rank of a score = 1 + number of strictly greater scores = index of its first occurrence + 1.
  const first = new Map<number, number>();
  keys.forEach((s, i) => {
    if (!first.has(s)) first.set(s, i + 1);
  });
  return entries.map((e) =>
    e.eligible && e.score !== null ? (first.get(roundTo(e.score, SCORE_DECIMALS)) as number) : null,
  );
}

/** Rank change against the previous quarter: positive = moved up; `null` when either rank is missing. */
export function rankChange(previousRank: number | null, rank: number | null): number | null {
  return previousRank === null || rank === null ? null : previousRank - rank;
}
