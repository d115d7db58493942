import { describe, expect, it } from 'vitest';
import { rankHistory, rankQuarter } from '../../../src/engine/ranking';
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
    expect(g).toEqual({ value: 0.5, score: 50, numerator: 1, denominator: 2 });
  });
});
