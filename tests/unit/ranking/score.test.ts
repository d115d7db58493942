import { describe, expect, it } from 'vitest';
import {
  checkRankingSettings,
  competitionRanks,
  compositeScore,
  DEFAULT_RANKING_SETTINGS,
  emptyTally,
  indicatorValues,
  INDICATORS,
  INDICATOR_KEYS,
  rankChange,
  roundTo,
  scoreDepartments,
  sumTallies,
  type RankingTally,
} from '../../../src/domain/ranking';

function tally(p: Partial<RankingTally>): RankingTally {
  return { ...emptyTally(), ...p };
}

describe('roundTo', () => {
  it('rounds half away from zero despite binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(66.666666, 2)).toBe(66.67);
    expect(roundTo(2 / 3, 6)).toBe(0.666667);
    expect(roundTo(-0.001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.001, 2), -0)).toBe(false);
  });
});

describe('indicator values and scores', () => {
  it('has no data when a denominator is 0', () => {
    const v = indicatorValues(emptyTally());
    for (const k of INDICATOR_KEYS) expect(v[k].value, k).toBeNull();
    for (const k of INDICATOR_KEYS) expect(v[k].score, k).toBeNull();
  });

  it('floors lower-is-better scores at 0', () => {
    // 150 flags on 100 cases = 150 per 100 → 100 − 150 < 0 → 0.
    const v = indicatorValues(tally({ counted: 100, completed: 100, slowActionFlags: 150 }));
    expect(v.slowActionRate).toEqual({
      value: 150,
      rate: 150,
      unit: 'per100',
      score: 0,
      numerator: 150,
      denominator: 100,
    });
    // all late → overdue rate 1 → 0 points.
    expect(indicatorValues(tally({ counted: 4, completed: 4, late: 4 })).overdueRate.score).toBe(0);
  });
});

describe('composite', () => {
  const full = indicatorValues(
    tally({
      counted: 10,
      completed: 10,
      onTime: 9,
      earlyEligible: 10,
      early: 5,
      late: 1,
      utilisationCases: 10,
      utilisationSum: 5,
      evaluations: 10,
      goodEvaluations: 8,
      badReviews: 2,
      badRectified: 1,
      badUnrectified: 1,
      slowActionFlags: 1,
    }),
  );

  it('is the weighted mean of the indicator scores', () => {
    // scores 90, 50, 50, 90, 80, 50, 90 with 30/10/15/10/20/5/10:
    // (2700 + 500 + 750 + 900 + 1600 + 250 + 900) / 100 = 76.00
    const c = compositeScore(full, DEFAULT_RANKING_SETTINGS.weights);
    expect(c).toEqual({ score: 76, weightUsed: 100, missingWeight: 0, missing: [] });
  });

  it('renormalises the weights over indicators with data and shows the gap', () => {
    // Same counts without evaluations: goodRate (20) and rectificationRate (5) have no data.
    // (2700 + 500 + 750 + 900 + 900) / 75 = 5750 / 75 = 76.666… → 76.67
    const noEval = indicatorValues(
      tally({
        counted: 10,
        completed: 10,
        onTime: 9,
        earlyEligible: 10,
        early: 5,
        late: 1,
        utilisationCases: 10,
        utilisationSum: 5,
        slowActionFlags: 1,
      }),
    );
    const c = compositeScore(noEval, DEFAULT_RANKING_SETTINGS.weights);
    expect(c).toEqual({
      score: 76.67,
      weightUsed: 75,
      missingWeight: 25,
      missing: ['goodRate', 'rectificationRate'],
    });
  });

  it('ignores zero weights and is null without any data', () => {
    const w = { ...DEFAULT_RANKING_SETTINGS.weights, onTimeRate: 0 };
    // (500 + 750 + 900 + 1600 + 250 + 900) / 70 = 4900 / 70 = 70
    expect(compositeScore(full, w).score).toBe(70);
    expect(compositeScore(indicatorValues(emptyTally()), w).score).toBeNull();
  });
});

describe('ranks', () => {
  it('shares ranks for equal composites: 1, 2, 2, 4', () => {
    const ranks = competitionRanks([
      { score: 80, eligible: true },
      { score: 90, eligible: true },
      { score: 80, eligible: true },
      { score: 70, eligible: true },
      { score: 95, eligible: false },
    ]);
    expect(ranks).toEqual([2, 1, 2, 4, null]);
  });

  it('never splits a tie on float noise', () => {
    expect(
      competitionRanks([
        { score: 0.1 + 0.2, eligible: true },
        { score: 0.3, eligible: true },
        { score: 0.29, eligible: true },
      ]),
    ).toEqual([1, 1, 3]);
  });

  it('ranks only departments with the minimum volume (样本不足 at 29, ranked at 30)', () => {
    const mk = (counted: number) => tally({ counted, completed: counted, onTime: counted });
    const out = scoreDepartments(
      [
        { departmentId: 'X', tally: mk(29) },
        { departmentId: 'Y', tally: mk(30) },
      ],
      DEFAULT_RANKING_SETTINGS,
    );
    expect(out.map((d) => [d.departmentId, d.ranked, d.insufficientSample, d.rank])).toEqual([
      ['X', false, true, null],
      ['Y', true, false, 1],
    ]);
    // 样本不足 departments are still scored.
    expect(out[0]?.score).toBe(out[1]?.score);
  });

  it('computes rank change against the previous quarter', () => {
    expect(rankChange(5, 2)).toBe(3);
    expect(rankChange(1, 4)).toBe(-3);
    expect(rankChange(null, 1)).toBeNull();
    expect(rankChange(2, null)).toBeNull();
  });
});

describe('pooled totals', () => {
  it('sums counts rather than averaging rates', () => {
    // A: 10 of 10 on time (100 %); B: 45 of 90 (50 %). Mean of rates 75 %, pooled 55/100.
    const a = tally({ counted: 10, completed: 10, onTime: 10 });
    const b = tally({ counted: 90, completed: 90, onTime: 45 });
    const city = indicatorValues(sumTallies([a, b]));
    expect(city.onTimeRate).toEqual({
      value: 0.55,
      rate: 55,
      unit: 'percent',
      score: 55,
      numerator: 55,
      denominator: 100,
    });
  });
});

describe('settings and metadata', () => {
  it('accepts the defaults and rejects bad settings with reasons', () => {
    expect(checkRankingSettings(DEFAULT_RANKING_SETTINGS)).toEqual([]);
    const zero = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0])) as Record<
      (typeof INDICATOR_KEYS)[number],
      number
    >;
    expect(checkRankingSettings({ ...DEFAULT_RANKING_SETTINGS, weights: zero })).toHaveLength(1);
    expect(
      checkRankingSettings({
        weights: { ...DEFAULT_RANKING_SETTINGS.weights, goodRate: -1 },
        minCountedCases: 2.5,
        rectificationWindowDays: -1,
      }),
    ).toHaveLength(3);
  });

  it('describes the seven indicators with DOMAIN.md weights summing to 100', () => {
    expect(INDICATORS.map((i) => i.name)).toEqual([
      '按时办结率',
      '提前办结率',
      '时限利用率',
      '超期件率',
      '好评率',
      '差评整改率',
      '慢作为率',
    ]);
    expect(INDICATORS.reduce((s, i) => s + i.defaultWeight, 0)).toBe(100);
  });
});
