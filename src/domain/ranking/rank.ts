/**
 * Scoring and ranking a set of departments from their pooled counts: the pure heart of 评比排队,
 * shared by the engine (page, chart, export) and the CLI through `rankQuarter`.
 */
import { compositeScore, competitionRanks, indicatorValues, type IndicatorValue } from './score';
import type { IndicatorKey, RankingSettings } from './settings';
import type { RankingTally } from './tally';

/** One department's score and rank in a period. */
export interface DepartmentScore {
  departmentId: string;
  /** Counted cases (completed in the period + open and overdue at its end). */
  counted: number;
  /** Fewer counted cases than `minCountedCases`: listed as 样本不足, not ranked. */
  insufficientSample: boolean;
  /** Whether the department has a rank (enough cases and a composite score). */
  ranked: boolean;
  /** Competition rank (1, 2, 2, 4) among ranked departments; `null` when not ranked. */
  rank: number | null;
  /** Composite 0–100 (2 decimals), also for 样本不足 departments; `null` without any data. */
  score: number | null;
  /** Σ weights of the indicators with data. */
  weightUsed: number;
  /** Σ weights of the indicators without data. */
  missingWeight: number;
  /** Indicators without data. */
  missingIndicators: IndicatorKey[];
  indicators: Record<IndicatorKey, IndicatorValue>;
}

/**
 * Score every department and rank those with at least `minCountedCases` counted cases. The output
 * is in input order; ranks do not depend on that order.
 */
export function scoreDepartments(
  tallies: readonly { departmentId: string; tally: RankingTally }[],
  settings: RankingSettings,
): DepartmentScore[] {
  const scored = tallies.map(({ departmentId, tally }) => {
    const indicators = indicatorValues(tally);
    const composite = compositeScore(indicators, settings.weights);
    const insufficientSample = tally.counted < settings.minCountedCases;
    return {
      departmentId,
      counted: tally.counted,
      insufficientSample,
      ranked: !insufficientSample && composite.score !== null,
      rank: null as number | null,
      score: composite.score,
      weightUsed: composite.weightUsed,
      missingWeight: composite.missingWeight,
      missingIndicators: composite.missing,
      indicators,
    };
  });
  const ranks = competitionRanks(scored.map((d) => ({ score: d.score, eligible: d.ranked })));
  scored.forEach((d, i) => {
    d.rank = ranks[i] ?? null;
  });
  return scored;
}

/**
 * The display order of a ranking table: ranked departments by rank, then the others (样本不足 or
 * without data) by score, highest first; ties by department id, so the order never depends on
 * the input order or the machine's locale.
 */
export function compareDepartmentScores(a: DepartmentScore, b: DepartmentScore): number {
  if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank !== null && b.rank === null) return -1;
  if (a.rank === null && b.rank !== null) return 1;
  if (a.rank === null && b.rank === null && a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0;
}
