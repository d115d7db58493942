import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compositeScore,
  indicatorValues,
  INDICATOR_KEYS,
  type IndicatorKey,
  type RankingTally,
} from '../../../src/domain/ranking';
import { rankQuarter } from '../../../src/engine/ranking';
import type { CaseRecord } from '../../../src/feeds/schemas/case';
import type { Evaluation, EvaluationLevel } from '../../../src/feeds/schemas/evaluation';
import { at, mkCase, mkDataset, mkDept, mkEval, Q3_2026 } from './helpers';

const count = fc.nat({ max: 500 });

/** Internally consistent counts (parts never exceed their wholes). */
const tallyArb: fc.Arbitrary<RankingTally> = fc
  .record({
    completed: count,
    openOverdue: count,
    onTimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    earlyShare: fc.double({ min: 0, max: 1, noNaN: true }),
    utilShare: fc.double({ min: 0, max: 1, noNaN: true }),
    evaluations: count,
    goodShare: fc.double({ min: 0, max: 1, noNaN: true }),
    badShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rectShare: fc.double({ min: 0, max: 1, noNaN: true }),
    flags: fc.nat({ max: 2000 }),
  })
  .map((r) => {
    const onTime = Math.floor(r.completed * r.onTimeShare);
    const earlyEligible = r.completed;
    const bad = Math.floor((r.evaluations - Math.floor(r.evaluations * r.goodShare)) * r.badShare);
    const rect = Math.floor(bad * r.rectShare);
    return {
      counted: r.completed + r.openOverdue,
      completed: r.completed,
      onTime,
      earlyEligible,
      early: Math.floor(onTime * r.earlyShare),
      late: r.completed - onTime,
      openOverdue: r.openOverdue,
      utilisationCases: r.completed,
      utilisationSum: r.completed * r.utilShare,
      evaluations: r.evaluations,
      goodEvaluations: Math.floor(r.evaluations * r.goodShare),
      badReviews: bad,
      badRectified: rect,
      badUnrectified: bad - rect,
      badPending: 0,
      slowActionFlags: r.flags,
      flagsByCode: {},
    };
  });

const weightsArb = fc.record(
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, fc.integer({ min: 0, max: 50 })])) as Record<
    IndicatorKey,
    fc.Arbitrary<number>
  >,
);

describe('score properties', () => {
  it('every indicator score is within 0–100', () => {
    fc.assert(
      fc.property(tallyArb, (t) => {
        const v = indicatorValues(t);
        for (const k of INDICATOR_KEYS) {
          const s = v[k].score;
          if (s !== null) expect(s >= 0 && s <= 100, `${k}=${s}`).toBe(true);
          expect(s === null).toBe(v[k].denominator === 0);
        }
      }),
    );
  });

  it('the composite lies between the lowest and highest weighted indicator score', () => {
    fc.assert(
      fc.property(tallyArb, weightsArb, (t, w) => {
        const v = indicatorValues(t);
        const c = compositeScore(v, w);
        const used = INDICATOR_KEYS.filter((k) => w[k] > 0 && v[k].score !== null).map(
          (k) => v[k].score as number,
        );
        if (used.length === 0) {
          expect(c.score).toBeNull();
          return;
        }
        // 0.005: the composite is rounded to 2 decimals.
        expect(c.score as number).toBeGreaterThanOrEqual(Math.min(...used) - 0.005);
        expect(c.score as number).toBeLessThanOrEqual(Math.max(...used) + 0.005);
        const missing = INDICATOR_KEYS.filter((k) => v[k].score === null);
        expect(c.missing).toEqual(missing);
        expect(c.weightUsed + c.missingWeight).toBe(INDICATOR_KEYS.reduce((s, k) => s + w[k], 0));
      }),
    );
  });
});

// Random small datasets in Q2–Q3 2026: a few departments, random acceptance, limits, completion
// and evaluations.
const DEPTS = ['A', 'B', 'C', 'D'];
const Q2_START = at('2026-04-01T00:00');
const SPAN = at('2026-10-15T00:00') - Q2_START;

const caseArb = fc.record({
  dept: fc.constantFrom(...DEPTS),
  accepted: fc.integer({ min: 0, max: SPAN }),
  committed: fc.constantFrom(0, 1, 3, 5, 10),
  extraStatutory: fc.constantFrom(0, 5, 10),
  duration: fc.option(fc.integer({ min: 0, max: 40 * 86_400_000 }), { nil: null }),
  review: fc.option(
    fc.record({
      level: fc.integer({ min: 1, max: 5 }),
      delay: fc.integer({ min: 0, max: 20 * 86_400_000 }),
      rectify: fc.option(fc.integer({ min: 0, max: 40 * 86_400_000 }), { nil: null }),
    }),
    { nil: null },
  ),
});

function materialise(
  specs: {
    dept: string;
    accepted: number;
    committed: number;
    extraStatutory: number;
    duration: number | null;
    review: { level: number; delay: number; rectify: number | null } | null;
  }[],
): { cases: CaseRecord[]; evaluations: Evaluation[] } {
  const cases: CaseRecord[] = [];
  const evaluations: Evaluation[] = [];
  specs.forEach((s, i) => {
    const acceptedAt = Q2_START + s.accepted;
    const c = mkCase({
      id: `C${i}`,
      dept: s.dept,
      accepted: new Date(acceptedAt).toISOString(),
      committed: s.committed,
      statutory: s.committed + s.extraStatutory,
      completed: s.duration === null ? null : new Date(acceptedAt + s.duration).toISOString(),
    });
    cases.push(c);
    if (s.review !== null) {
      const when = (c.completedAt ?? acceptedAt) + s.review.delay;
      const rect =
        s.review.level <= 2 && s.review.rectify !== null
          ? new Date(when + s.review.rectify).toISOString()
          : null;
      evaluations.push(
        mkEval(
          `E${i}`,
          c.id,
          s.review.level as EvaluationLevel,
          new Date(when).toISOString(),
          rect,
        ),
      );
    }
  });
  return { cases, evaluations };
}

const settings = {
  weights: {
    onTimeRate: 30,
    earlyRate: 10,
    limitUtilisation: 15,
    overdueRate: 10,
    goodRate: 20,
    rectificationRate: 5,
    slowActionRate: 10,
  },
  minCountedCases: 3,
  rectificationWindowDays: 15,
};

describe('ranking properties on random datasets', () => {
  it('permuting the input order never changes the ranking', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { minLength: 1, maxLength: 60 }).chain((specs) =>
          fc.tuple(
            fc.constant(specs),
            fc.shuffledSubarray(
              specs.map((_, i) => i),
              { minLength: specs.length, maxLength: specs.length },
            ),
            fc.shuffledSubarray(DEPTS, { minLength: DEPTS.length, maxLength: DEPTS.length }),
          ),
        ),
        ([specs, perm, deptOrder]) => {
          const { cases, evaluations } = materialise(specs);
          const a = rankQuarter(
            mkDataset(
              cases,
              evaluations,
              DEPTS.map((d) => mkDept(d)),
            ),
            Q3_2026,
            { settings },
          );
          const b = rankQuarter(
            mkDataset(
              perm.map((i) => cases[i] as CaseRecord),
              [...evaluations].reverse(),
              deptOrder.map((d) => mkDept(d)),
            ),
            Q3_2026,
            { settings },
          );
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ranks are competition ranks of the composites, and city counts are sums', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 80 }), (specs) => {
        const { cases, evaluations } = materialise(specs);
        const r = rankQuarter(mkDataset(cases, evaluations), Q3_2026, { settings });
        const ranked = r.departments.filter((d) => d.ranked);
        for (const d of ranked) {
          const better = ranked.filter((o) => (o.score as number) > (d.score as number)).length;
          expect(d.rank).toBe(better + 1);
          expect(d.counted).toBeGreaterThanOrEqual(settings.minCountedCases);
        }
        for (const d of r.departments) {
          expect(d.ranked).toBe(d.rank !== null);
          if (d.score !== null) expect(d.score >= 0 && d.score <= 100).toBe(true);
        }
        for (const k of INDICATOR_KEYS) {
          const sum = r.departments.reduce((s, d) => s + d.indicators[k].denominator, 0);
          expect(r.city.indicators[k].denominator, k).toBe(sum);
        }
        expect(r.city.counted).toBe(r.departments.reduce((s, d) => s + d.counted, 0));
      }),
      { numRuns: 60 },
    );
  });
});
