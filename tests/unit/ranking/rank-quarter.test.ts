import { describe, expect, it } from 'vitest';
import { rankHistory, rankQuarter } from '../../../src/engine/ranking';
import { DEFAULT_SLOW_ACTION_THRESHOLDS } from '../../../src/domain/slow-action';
import { indicatorRecords, rankingEvidence } from '../../../src/engine/ranking-evidence';
import { evidenceLists } from '../../../src/engine/ranking-view-evidence';
import { batch, mkCase, mkDataset, mkDept, mkEval, Q2_2026, Q3_2026, Q4_2026 } from './helpers';

describe('quarter boundaries in Asia/Shanghai', () => {
  // Accepted Mon 09-28 with a 5-day limit (due after the National Day holiday): never overdue here.
  const late = mkCase({
    id: 'B1',
    dept: 'B',
    accepted: '2026-09-28T09:00',
    completed: '2026-09-30T15:30Z',
  });
  const next = mkCase({
    id: 'B2',
    dept: 'B',
    accepted: '2026-09-28T09:00',
    completed: '2026-10-01T00:10+08:00',
  });
  const ds = mkDataset([late, next]);

  it('counts 2026-09-30T23:30+08:00 (15:30Z) in Q3 and 2026-10-01T00:10+08:00 in Q4', () => {
    const q3 = rankQuarter(ds, Q3_2026, {
      settings: { weights: weights(), minCountedCases: 1, rectificationWindowDays: 15 },
    });
    expect(q3.departments[0]?.counts.completed).toBe(1);
    expect(q3.departments[0]?.counted).toBe(1); // B2 is open and not overdue at the Q3 end
    const q4 = rankQuarter(ds, Q4_2026);
    expect(q4.departments[0]?.counts.completed).toBe(1);
    expect(q4.from).toBe('2026-10-01');
  });
});

function weights() {
  return {
    onTimeRate: 30,
    earlyRate: 10,
    limitUtilisation: 15,
    overdueRate: 10,
    goodRate: 20,
    rectificationRate: 5,
    slowActionRate: 10,
  };
}

describe('ranking a set of departments', () => {
  // A: 30 early cases (score 100 on every case indicator). B and C: identical, 29 early + 1 late
  // (done Wed 07-15). D: 28 early + 2 late. E: 29 early cases only → 样本不足.
  const cases = [
    ...batch('A', 30),
    ...batch('B', 29),
    ...batch('B', 1, '2026-07-15T10:00'),
    ...batch('C', 29),
    ...batch('C', 1, '2026-07-15T10:00'),
    ...batch('D', 28),
    ...batch('D', 2, '2026-07-15T10:00'),
    ...batch('E', 29),
  ];
  const ds = mkDataset(
    cases,
    [],
    [mkDept('A'), mkDept('B'), mkDept('C'), mkDept('D'), mkDept('E'), mkDept('F')],
  );
  const r = rankQuarter(ds, Q3_2026);

  it('shares ranks for equal composites (1, 2, 2, 4) and lists 样本不足 last', () => {
    expect(r.departments.map((d) => [d.departmentId, d.rank, d.ranked])).toEqual([
      ['A', 1, true],
      ['B', 2, true],
      ['C', 2, true],
      ['D', 4, true],
      ['E', null, false],
      ['F', null, false],
    ]);
    expect(r.departments[4]?.insufficientSample).toBe(true);
    expect(r.departments[4]?.score).toBe(r.departments[0]?.score);
    expect(r.departments[5]?.score).toBeNull();
  });

  it('renormalises weights when there are no evaluations and shows the gap', () => {
    const a = r.departments[0];
    expect(a?.missingIndicators).toEqual(['goodRate', 'rectificationRate']);
    expect(a?.missingWeight).toBe(25);
    expect(a?.weightUsed).toBe(75);
    // every case indicator scores: on time 100, early 100, utilisation (2/5 = 0.4) 60, overdue
    // 100, slow action 100 → (3000 + 1000 + 900 + 1000 + 1000) / 75 = 6900 / 75 = 92.
    expect(a?.indicators.limitUtilisation.value).toBe(0.4);
    expect(a?.score).toBe(92);
  });

  it('reports coverage: N of M departments have data', () => {
    expect(r.coverage).toEqual({
      departments: 6,
      withData: 5,
      ranked: 4,
      insufficientSample: 1,
      byIndicator: {
        onTimeRate: 5,
        earlyRate: 5,
        limitUtilisation: 5,
        overdueRate: 5,
        goodRate: 0,
        rectificationRate: 0,
        slowActionRate: 5,
      },
    });
  });

  it('pools city totals over all departments (样本不足 included)', () => {
    // counted 30 + 30 + 30 + 30 + 29 = 149; on time 30 + 29 + 29 + 28 + 29 = 145.
    expect(r.city.counted).toBe(149);
    expect(r.city.indicators.onTimeRate).toMatchObject({ numerator: 145, denominator: 149 });
  });

  it('pooled city rate differs from the mean of department rates', () => {
    // P: 10 of 10 on time; Q: 45 of 90 → pooled 55 %, mean of rates 75 %.
    const ds2 = mkDataset([
      ...batch('P', 10),
      ...batch('Q', 45),
      ...batch('Q', 45, '2026-07-15T10:00'),
    ]);
    const r2 = rankQuarter(ds2, Q3_2026);
    const rates = r2.departments.map((d) => d.indicators.onTimeRate.value ?? 0);
    expect((rates[0]! + rates[1]!) / 2).toBe(0.75);
    expect(r2.city.indicators.onTimeRate.value).toBe(0.55);
  });

  it('a department known only from its cases is still listed', () => {
    const ds3 = mkDataset(batch('ZZ', 30), [], [mkDept('A')]);
    const r3 = rankQuarter(ds3, Q3_2026);
    expect(r3.departments.map((d) => [d.departmentId, d.departmentName])).toEqual([
      ['ZZ', null],
      ['A', '部门A'],
    ]);
  });
});

describe('rank change against the previous quarter', () => {
  // Q2 2026: X perfect, Y with 3 late; Q3: the other way round. Z only in Q3.
  // Q2 cases: accepted Mon 04-06, due 04-13 (5 days: 07…10, 13), early 04-08, late 04-15.
  const q2 = (dept: string, n: number, done: string) =>
    Array.from({ length: n }, (_, i) =>
      mkCase({
        id: `q2-${dept}-${done}-${i}`,
        dept,
        accepted: '2026-04-07T09:00',
        committed: 5,
        completed: done,
      }),
    );
  const ds = mkDataset([
    ...q2('X', 30, '2026-04-08T10:00'),
    ...q2('Y', 27, '2026-04-08T10:00'),
    ...q2('Y', 3, '2026-04-20T10:00'),
    ...batch('X', 27),
    ...batch('X', 3, '2026-07-15T10:00'),
    ...batch('Y', 30),
    ...batch('Z', 29),
    ...batch('Z', 1, '2026-07-15T10:00'),
  ]);

  it('gives previousRank and rankChange = previousRank − rank', () => {
    const r = rankQuarter(ds, Q3_2026);
    expect(r.previousQuarter).toBe('2026Q2');
    expect(
      r.departments.map((d) => [d.departmentId, d.rank, d.previousRank, d.rankChange]),
    ).toEqual([
      ['Y', 1, 2, 1],
      ['Z', 2, null, null],
      ['X', 3, 1, -2],
    ]);
  });

  it('rankHistory gives the same ranks quarter by quarter', () => {
    const h = rankHistory(ds, Q3_2026, 3);
    expect(h.quarters).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    const y = h.departments.find((d) => d.departmentId === 'Y');
    expect(y?.ranks).toEqual([null, 2, 1]);
    expect(y?.counted).toEqual([0, 30, 30]);
    expect(h.departments.map((d) => d.departmentId)).toEqual(['Y', 'Z', 'X']);
    const q2r = rankQuarter(ds, Q2_2026);
    expect(h.departments.find((d) => d.departmentId === 'X')?.scores[1]).toBe(
      q2r.departments.find((d) => d.departmentId === 'X')?.score,
    );
  });
});

describe('evaluations and 差评 rectification', () => {
  const cases = batch('A', 30);
  const id = cases[0]!.id;
  it('uses the configured rectification window', () => {
    // 差评 Mon 07-06, rectified Mon 07-13 = 5 working days later (07-07…10, 13).
    const ds = mkDataset(cases, [mkEval('E1', id, 1, '2026-07-06T10:00', '2026-07-13T10:00')]);
    const s = (windowDays: number) =>
      rankQuarter(ds, Q3_2026, {
        settings: { weights: weights(), minCountedCases: 30, rectificationWindowDays: windowDays },
      }).departments[0]?.indicators.rectificationRate.value;
    expect(s(15)).toBe(1);
    expect(s(5)).toBe(1); // the 5th working day is still inside
    expect(s(4)).toBe(0);
  });

  it('an unrectified 差评 counts as failed once its window has closed at the quarter end', () => {
    // 差评 Mon 09-07; 15 working days end Mon 09-28 (09-08…11, 14…18, 21…24, 28; 25–27 off).
    const ds = mkDataset(cases, [mkEval('E1', id, 2, '2026-09-07T10:00')]);
    const d = rankQuarter(ds, Q3_2026).departments[0];
    expect(d?.indicators.rectificationRate).toEqual({
      value: 0,
      rate: 0,
      unit: 'percent',
      score: 0,
      numerator: 0,
      denominator: 1,
    });
    expect(d?.counts.badPending).toBe(0);
  });

  it('evaluations are counted by the quarter they were given in', () => {
    const ds = mkDataset(cases, [
      mkEval('E1', id, 5, '2026-06-30T23:59'),
      mkEval('E2', id, 5, '2026-07-01T00:00'),
      mkEval('E3', id, 1, '2026-09-30T15:59:59Z'),
      mkEval('E4', id, 1, '2026-09-30T16:00:00Z'), // 10-01 00:00 in Shanghai
    ]);
    const g = rankQuarter(ds, Q3_2026).departments[0]?.indicators.goodRate;
    expect(g).toEqual({
      value: 0.5,
      rate: 50,
      unit: 'percent',
      score: 50,
      numerator: 1,
      denominator: 2,
    });
  });
});

describe('临期突击 counts as one flag in 慢作为率', () => {
  // R: 40 cases accepted Mon 07-06 (5-day limit, due Mon 07-13; July 2026 has no holiday):
  // 12 completed on the deadline day 07-13, 28 on Wed 07-08. On the deadline day: 12 / 40 = 30%
  // ≥ 30% with ≥ 20 cases of limit ≥ 3 → 临期突击. No case-level flag (no steps, no suspensions,
  // all on time). 慢作为率 = 1 flag × 100 ÷ 40 counted = 2.5 per 100 → score 97.5.
  // S: 40 cases, 11 on 07-13 (27.5% < 30%) and 29 on 07-08 → no flag → 0 per 100, score 100.
  const ds = mkDataset(
    [
      ...batch('R', 12, '2026-07-13T16:00'),
      ...batch('R', 28, '2026-07-08T10:00'),
      ...batch('S', 11, '2026-07-13T16:00'),
      ...batch('S', 29, '2026-07-08T10:00'),
    ],
    [],
    [mkDept('R'), mkDept('S')],
  );
  const r = rankQuarter(ds, Q3_2026);
  const dept = (id: string) => r.departments.find((d) => d.departmentId === id);

  it("adds the department's flag to its 慢作为率 numerator (denominator: counted cases)", () => {
    expect(dept('R')?.deadlineRush?.code).toBe('deadline-rush');
    expect(dept('R')?.indicators.slowActionRate).toEqual({
      value: 2.5,
      rate: 2.5,
      unit: 'per100',
      score: 97.5,
      numerator: 1,
      denominator: 40,
    });
    expect(dept('R')?.counts.flagsByCode).toEqual({ 'deadline-rush': 1 });
    expect(dept('S')?.deadlineRush).toBeNull();
    expect(dept('S')?.indicators.slowActionRate).toMatchObject({ value: 0, numerator: 0 });
    // Composite over the 75 weight points with data (no evaluations): on time 100, early 28/40 →
    // 70, utilisation (12 × 1 + 28 × 2/5) / 40 = 0.58 → 42, overdue 0 → 100, slow 97.5:
    // (3000 + 700 + 630 + 1000 + 975) / 75 = 84.0667 → 84.07.
    expect(dept('R')?.score).toBe(84.07);
    // The same data with a 50% threshold: no flag, 慢作为率 0 → (… + 1000) / 75 = 84.4.
    const noRush = rankQuarter(ds, Q3_2026, {
      slowActionThresholds: { ...DEFAULT_SLOW_ACTION_THRESHOLDS, deadlineRushShare: 0.5 },
    }).departments.find((d) => d.departmentId === 'R');
    expect(noRush?.deadlineRush).toBeNull();
    expect(noRush?.indicators.slowActionRate.score).toBe(100);
    expect(noRush?.score).toBe(84.4);
    // City: pooled, 1 flag over 80 cases.
    expect(r.city.indicators.slowActionRate.numerator).toBe(1);
    expect(r.city.indicators.slowActionRate.denominator).toBe(80);
  });

  it('the drill-down lists the department flag in the numerator', () => {
    const ev = rankingEvidence(ds, Q3_2026, 'R');
    expect(indicatorRecords(ev, 'slowActionRate').numerator).toEqual(['R']);
    const lists = evidenceLists(ev, 'slowActionRate');
    expect(lists.numerator).toHaveLength(1);
    expect(lists.numerator[0]).toMatchObject({ id: 'R', caseId: '' });
    expect(lists.numerator[0]?.note).toMatchObject({
      kind: 'department-flag',
      code: 'deadline-rush',
    });
  });

  it('is judged per quarter: Q4 has no completions, so no flag', () => {
    const q4 = rankQuarter(ds, Q4_2026).departments.find((d) => d.departmentId === 'R');
    expect(q4?.deadlineRush).toBeNull();
    expect(q4?.counts.slowActionFlags).toBe(0);
  });
});
