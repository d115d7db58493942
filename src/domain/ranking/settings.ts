/**
 * Settings of the quarterly ranking (评比排队): indicator weights, the minimum volume below which
 * a department is 样本不足, and the 差评 rectification window. An administrator edits them; the
 * defaults are DOMAIN.md's.
 */

/** The seven default indicators, by stable key (used in exports, URLs and the CLI's JSON). */
export type IndicatorKey =
  | 'onTimeRate'
  | 'earlyRate'
  | 'limitUtilisation'
  | 'overdueRate'
  | 'goodRate'
  | 'rectificationRate'
  | 'slowActionRate';

/** Every indicator key, in the order the table and the methodology panel list them. */
export const INDICATOR_KEYS: readonly IndicatorKey[] = [
  'onTimeRate',
  'earlyRate',
  'limitUtilisation',
  'overdueRate',
  'goodRate',
  'rectificationRate',
  'slowActionRate',
];

/** What the administrator can change about the ranking. */
export interface RankingSettings {
  /** Weight of each indicator (any non-negative numbers; they are normalised by their sum). */
  weights: Record<IndicatorKey, number>;
  /** Departments with fewer counted cases in the quarter are listed as 样本不足 and not ranked. */
  minCountedCases: number;
  /** A 差评 counts as rectified when rectified within this many working days after it was given. */
  rectificationWindowDays: number;
}

/** DOMAIN.md's defaults: weights 30/10/15/10/20/5/10, 30 cases, 15 working days. */
export const DEFAULT_RANKING_SETTINGS: Readonly<RankingSettings> = Object.freeze({
  weights: Object.freeze({
    onTimeRate: 30,
    earlyRate: 10,
    limitUtilisation: 15,
    overdueRate: 10,
    goodRate: 20,
    rectificationRate: 5,
    slowActionRate: 10,
  }),
  minCountedCases: 30,
  rectificationWindowDays: 15,
});

/**
 * Check settings coming from the settings page or a file. Returns readable problems (Chinese
 * first), empty when valid: weights non-negative finite numbers with a positive sum, the minimum
 * volume and the window non-negative integers.
 */
export function checkRankingSettings(s: RankingSettings): string[] {
  const problems: string[] = [];
  let sum = 0;
  for (const k of INDICATOR_KEYS) {
    const w = s.weights[k];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      problems.push(`权重 ${k} 应为非负数（当前为 ${String(w)}）(weight must be ≥ 0)`);
    } else sum += w;
  }
  if (problems.length === 0 && sum <= 0) {
    problems.push('至少一个指标的权重应大于 0 (at least one weight must be positive)');
  }
  if (!Number.isInteger(s.minCountedCases) || s.minCountedCases < 0) {
    problems.push(
      `最低样本量应为非负整数（当前为 ${String(s.minCountedCases)}）(minCountedCases must be an integer ≥ 0)`,
    );
  }
  if (!Number.isInteger(s.rectificationWindowDays) || s.rectificationWindowDays < 0) {
    problems.push(
      `整改期限应为非负整数个工作日（当前为 ${String(s.rectificationWindowDays)}）(rectificationWindowDays must be an integer ≥ 0)`,
    );
  }
  return problems;
}
