import { describe, expect, it } from 'vitest';
import { rankQuarter } from '../../../src/engine/ranking';
import { indicatorRecords, rankingEvidence } from '../../../src/engine/ranking-evidence';
import { INDICATOR_KEYS } from '../../../src/domain/ranking';
import { at, mkCase, mkDataset, mkDept, mkEval, Q2_2026, Q3_2026, Q4_2026 } from './helpers';

// Department A in 2026Q3, judged at 2026-09-30 23:59:59.999 +08:00. July 2026 has no holiday:
// Mon 07-06 + 5 working days = 07-07, 08, 09, 10, 13 → committed deadline Mon 07-13.
const cases = [
  // A1 done Thu 07-09: elapsed 3 (07-07…09) < 5 → on time, early; utilisation 3/5 = 0.6.
  mkCase({
    id: 'A1',
    dept: 'A',
    accepted: '2026-07-06T09:00',
    committed: 5,
    statutory: 10,
    completed: '2026-07-09T16:00',
  }),
  // A2 done on the deadline day 07-13: elapsed 5 → on time, not early; utilisation 1.
  mkCase({
    id: 'A2',
    dept: 'A',
    accepted: '2026-07-06T09:00',
    committed: 5,
    statutory: 10,
    completed: '2026-07-13T16:00',
  }),
  // A3 done Wed 07-15: elapsed 7 → late; utilisation 7/5 = 1.4, capped at 1.
  mkCase({
    id: 'A3',
    dept: 'A',
    accepted: '2026-07-06T09:00',
    committed: 5,
    statutory: 10,
    completed: '2026-07-15T16:00',
  }),
  // A4 即办件 done the same day: on time; neither in earlyRate nor in limitUtilisation.
  mkCase({
    id: 'A4',
    dept: 'A',
    accepted: '2026-07-06T10:00',
    committed: 0,
    statutory: 0,
    completed: '2026-07-06T15:00',
  }),
  // A5 open since 07-06, due 07-13: open overdue at the quarter's end, > 5 working days overdue
  // → one 超期未办结 flag (no step data, so 滞留 / 受理未办 are not judged).
  mkCase({
    id: 'A5',
    dept: 'A',
    accepted: '2026-07-06T09:00',
    committed: 5,
    statutory: 10,
    completed: null,
  }),
  // A6 open since Mon 09-28, due in October: not overdue → not counted.
  mkCase({
    id: 'A6',
    dept: 'A',
    accepted: '2026-09-28T09:00',
    committed: 5,
    statutory: 10,
    completed: null,
  }),
  // A7 completed in Q2 → not counted in Q3.
  mkCase({
    id: 'A7',
    dept: 'A',
    accepted: '2026-06-01T09:00',
    committed: 5,
    statutory: 10,
    completed: '2026-06-05T09:00',
  }),
  // A8 accepted Mon 07-13, done Mon 07-20 (elapsed 14, 15, 16, 17, 20 = 5) → on time, not early,
  // utilisation 1; two 补正 before acceptance (not timed) → one 多次补正 flag.
  mkCase({
    id: 'A8',
    dept: 'A',
    accepted: '2026-07-13T09:00',
    committed: 5,
    statutory: 10,
    completed: '2026-07-20T16:00',
    suspensions: [
      { kind: '补正', start: '2026-07-09T09:00', end: '2026-07-09T10:00' },
      { kind: '补正', start: '2026-07-10T09:00', end: '2026-07-10T10:00' },
    ],
  }),
];

const evaluations = [
  mkEval('E1', 'A1', 5, '2026-07-10T10:00'), // good
  mkEval('E2', 'A2', 3, '2026-07-14T10:00'), // neutral: denominator only
  // 差评 Mon 07-20, rectified Fri 07-24 (4 working days) → rectified.
  mkEval('E3', 'A3', 1, '2026-07-20T10:00', '2026-07-24T10:00'),
  // 差评 Mon 07-06; 15 working days: 07-07…10 (4), 13…17 (9), 20…24 (14), 27 (15) → window ends
  // 07-27; rectified 08-10 → unrectified.
  mkEval('E4', 'A4', 2, '2026-07-06T16:00', '2026-08-10T10:00'),
  // 差评 Mon 09-21, not rectified: 09-22…24, 28…30 = 6 working days by the quarter's end (09-25…27
  // 中秋 off) → its window closes in Q4, so it is judged in Q4, not in Q3's 差评整改率 (still in
  // Q3's 好评率 denominator). Its case A7 was completed in Q2: evaluations belong to the quarter
  // they were given in.
  mkEval('E5', 'A7', 2, '2026-09-21T09:00'),
  mkEval('E6', 'A1', 4, '2026-06-30T23:00'), // given in Q2 → not counted
  mkEval('E7', 'A1', 4, '2026-09-30T23:30+08:00'), // last half hour of Q3 → counted, good
  mkEval('E8', 'A2', 5, '2026-10-01T00:10+08:00'), // Q4 → not counted
  mkEval('E9', 'NOPE', 5, '2026-07-10T10:00'), // unknown case → unattributed
];

describe('hand-computed indicators for one department', () => {
  const ds = mkDataset(cases, evaluations, [mkDept('A', '甲局')]);
  const r = rankQuarter(ds, Q3_2026, {
    settings: {
      weights: {
        onTimeRate: 30,
        earlyRate: 10,
        limitUtilisation: 15,
        overdueRate: 10,
        goodRate: 20,
        rectificationRate: 5,
        slowActionRate: 10,
      },
      minCountedCases: 1,
      rectificationWindowDays: 15,
    },
  });
  const a = r.departments[0];

  it('counts completed-in-quarter plus open-overdue cases', () => {
    expect(a?.departmentName).toBe('甲局');
    // A1, A2, A3, A4, A8 completed + A5 open overdue = 6.
    expect(a?.counted).toBe(6);
    expect(a?.counts.completed).toBe(5);
    expect(a?.counts.openOverdue).toBe(1);
  });

  it('computes each indicator', () => {
    const i = a?.indicators;
    // on time A1, A2, A4, A8 of 5 completed = 0.8 → 80.
    expect(i?.onTimeRate).toEqual({
      value: 0.8,
      rate: 80,
      unit: 'percent',
      score: 80,
      numerator: 4,
      denominator: 5,
    });
    // early A1 of 4 non-即办件 (A1, A2, A3, A8) = 0.25 → 25.
    expect(i?.earlyRate).toEqual({
      value: 0.25,
      rate: 25,
      unit: 'percent',
      score: 25,
      numerator: 1,
      denominator: 4,
    });
    // (0.6 + 1 + 1 + 1) / 4 = 0.9 → 100 − 90 = 10.
    expect(i?.limitUtilisation).toEqual({
      value: 0.9,
      rate: 90,
      unit: 'percent',
      score: 10,
      numerator: 3.6,
      denominator: 4,
    });
    // (late A3 + open overdue A5) / 6 = 0.333333 → 100 − 33.3333 = 66.67.
    expect(i?.overdueRate).toEqual({
      value: 0.333333,
      rate: 33.3333,
      unit: 'percent',
      score: 66.67,
      numerator: 2,
      denominator: 6,
    });
    // E1, E2, E3, E4, E5, E7 given in Q3; good E1, E7 → 2/6.
    expect(i?.goodRate).toEqual({
      value: 0.333333,
      rate: 33.3333,
      unit: 'percent',
      score: 33.33,
      numerator: 2,
      denominator: 6,
    });
    // judged 差评 E3 (rectified), E4 (too late); E5 is judged in Q4 → 1/2.
    expect(i?.rectificationRate).toEqual({
      value: 0.5,
      rate: 50,
      unit: 'percent',
      score: 50,
      numerator: 1,
      denominator: 2,
    });
    // flags: A5 超期未办结, A8 多次补正 → 2 × 100 / 6 = 33.333333 per 100 → 66.67.
    expect(i?.slowActionRate).toEqual({
      value: 33.333333,
      rate: 33.3333,
      unit: 'per100',
      score: 66.67,
      numerator: 2,
      denominator: 6,
    });
    expect(a?.counts.badPending).toBe(0);
    expect(a?.counts.flagsByCode).toEqual({ 'inaction-overdue': 1, 'repeated-correction': 1 });
  });

  it('weights the composite over all seven indicators', () => {
    // (30·80 + 10·25 + 15·10 + 10·66.67 + 20·33.33 + 5·50 + 10·66.67) / 100
    // = (2400 + 250 + 150 + 666.7 + 666.6 + 250 + 666.7) / 100 = 50.50
    expect(a?.score).toBe(50.5);
    expect(a?.weightUsed).toBe(100);
    expect(a?.missingWeight).toBe(0);
    expect(a?.rank).toBe(1);
  });

  it('judges as of the quarter end and reports unattributed evaluations', () => {
    expect(r.asOf).toBe('2026-09-30T23:59:59.999+08:00');
    expect(r.partial).toBe(false);
    expect(r.from).toBe('2026-07-01');
    expect(r.to).toBe('2026-09-30');
    expect(r.unattributedEvaluations).toBe(1);
  });

  it('opens every indicator on the records it was computed from', () => {
    const ev = rankingEvidence(ds, Q3_2026, 'A');
    expect(ev.cases.map((c) => c.caseId).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A8']);
    expect(indicatorRecords(ev, 'onTimeRate').numerator.sort()).toEqual(['A1', 'A2', 'A4', 'A8']);
    expect(indicatorRecords(ev, 'rectificationRate')).toEqual({
      kind: 'evaluation',
      numerator: ['E3'],
      denominator: ['E3', 'E4'],
    });
    for (const k of INDICATOR_KEYS) {
      const rec = indicatorRecords(ev, k);
      expect(rec.denominator.length, k).toBe(a?.indicators[k].denominator);
      if (k !== 'limitUtilisation')
        expect(rec.numerator.length, k).toBe(a?.indicators[k].numerator);
    }
  });

  it('judges a running quarter as of an earlier instant', () => {
    // As of Fri 07-10 18:00: A1 completed (on time, early); A5, A2, A3 open and not yet due.
    const early = rankQuarter(ds, Q3_2026, { asOfMs: at('2026-07-10T18:00') });
    expect(early.partial).toBe(true);
    expect(early.asOf).toBe('2026-07-10T18:00:00+08:00');
    const d = early.departments[0];
    expect(d?.counted).toBe(2); // A1 and A4
    expect(d?.indicators.goodRate.denominator).toBe(2); // E4 (07-06) and E1 (07-10)
    expect(d?.ranked).toBe(false); // 2 < 30: 样本不足
    expect(d?.insufficientSample).toBe(true);
  });
});

describe('差评整改率: each 差评 is judged in the quarter its rectification window closes', () => {
  // Department B, window 15 working days (default). Hand-counted from the 2026 notices: 端午
  // 06-19…21 off; 中秋 09-25…27 off; 国庆 10-01…07 off, Sun 09-20 and Sat 10-10 worked.
  // F1 given Mon 06-22 (Q2): 06-23, 24, 25, 26 (4), 29, 30 (6), 07-01, 02, 03 (9), 06…10 (14),
  //    Mon 07-13 (15) → window closes 07-13, in Q3. Never rectified → Q3, unrectified.
  // F2, F3, F4 given Mon 09-21 (Q3): 09-22, 23, 24 (3), 28, 29, 30 (6), 10-08, 09 (8),
  //    Sat 10-10 (9), 10-12…16 (14), Mon 10-19 (15) → window closes 10-19, in Q4.
  //    F2 never rectified → Q4 unrectified (it used to escape: pending in Q3, not given in Q4).
  //    F3 rectified Mon 10-19 18:00, the last day → Q4 rectified.
  //    F4 rectified Tue 10-20 09:00, a day late → Q4 unrectified.
  // F5 given Tue 09-29, rectified Wed 09-30 (in Q3): 09-30 (1), 10-08, 09, 10 (4), 12…16 (9),
  //    19…23 (14), Mon 10-26 (15) → window closes in Q4 → judged in Q4, rectified.
  const ds = mkDataset(
    [
      mkCase({
        id: 'B1',
        dept: 'B',
        accepted: '2026-06-01T09:00',
        committed: 5,
        completed: '2026-06-03T09:00',
      }),
    ],
    [
      mkEval('F1', 'B1', 1, '2026-06-22T10:00'),
      mkEval('F2', 'B1', 2, '2026-09-21T09:00'),
      mkEval('F3', 'B1', 1, '2026-09-21T10:00', '2026-10-19T18:00'),
      mkEval('F4', 'B1', 2, '2026-09-21T11:00', '2026-10-20T09:00'),
      mkEval('F5', 'B1', 1, '2026-09-29T10:00', '2026-09-30T10:00'),
    ],
    [mkDept('B', '乙局')],
  );
  const rect = (q: typeof Q2_2026 | typeof Q3_2026 | typeof Q4_2026, asOfMs?: number) => {
    const d = rankQuarter(ds, q, asOfMs === undefined ? {} : { asOfMs }).departments.find(
      (x) => x.departmentId === 'B',
    );
    return {
      rate: d?.indicators.rectificationRate,
      pending: d?.counts.badPending,
      good: d?.indicators.goodRate.denominator,
    };
  };

  it('Q2: F1 was given but its window closes in Q3, so it is not judged yet', () => {
    expect(rect(Q2_2026)).toEqual({
      rate: { value: null, rate: null, unit: 'percent', score: null, numerator: 0, denominator: 0 },
      pending: 0,
      good: 1, // F1 counts in Q2's 好评率 (given in Q2)
    });
  });

  it('Q3: F1 (window closed 07-13) is judged unrectified; F2–F5 wait for Q4', () => {
    expect(rect(Q3_2026)).toEqual({
      rate: { value: 0, rate: 0, unit: 'percent', score: 0, numerator: 0, denominator: 1 },
      pending: 0,
      good: 4, // F2–F5 given in Q3
    });
  });

  it('Q4: F2–F5 are judged, none escapes by straddling the quarter end', () => {
    // rectified F3, F5 of F2, F3, F4, F5 = 2/4.
    expect(rect(Q4_2026)).toEqual({
      rate: { value: 0.5, rate: 50, unit: 'percent', score: 50, numerator: 2, denominator: 4 },
      pending: 0,
      good: 0, // nothing given in Q4
    });
    const ev = rankingEvidence(ds, Q4_2026, 'B');
    expect(indicatorRecords(ev, 'rectificationRate')).toEqual({
      kind: 'evaluation',
      numerator: ['F3', 'F5'],
      denominator: ['F2', 'F3', 'F4', 'F5'],
    });
    expect(indicatorRecords(ev, 'goodRate').denominator).toEqual([]);
  });

  it('Q4 still running on Mon 10-19 noon: windows still open are pending, F5 already rectified', () => {
    // F2, F3 (rectified only at 18:00), F4 not rectified and their window open until 24:00 → pending.
    expect(rect(Q4_2026, at('2026-10-19T12:00'))).toEqual({
      rate: { value: 1, rate: 100, unit: 'percent', score: 100, numerator: 1, denominator: 1 },
      pending: 3,
      good: 0,
    });
  });
});
