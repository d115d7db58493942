import { describe, expect, it } from 'vitest';
import {
  deadlineRushStats,
  flagDeadlineRushByDepartment,
  flagDepartmentDeadlineRush,
  type EvaluatedCase,
} from '../../../src/domain/slow-action';
import { evaluateCase } from '../../../src/domain/time-limit';
import { at, cal, day, mkCase, th } from './helpers';

const AS_OF = at('2025-12-31 12:00');

// Accepted Mon 2025-09-01, committed 3: day 1 = 09-02, 2 = 09-03, 3 = 09-04 → due Thu 09-04.
function evaluated(
  i: number,
  completedAt: string,
  opts: { dept?: string; committed?: number | null; dueAt?: string } = {},
): EvaluatedCase {
  const c = mkCase({
    id: `c${i}`,
    departmentId: opts.dept ?? 'd1',
    acceptedAt: '2025-09-01 09:00',
    committed: opts.committed === undefined ? 3 : opts.committed,
    dueAt: opts.dueAt ?? null,
    completedAt,
  });
  return { c, ev: evaluateCase(c, AS_OF, cal) };
}

/** `n` cases of which `rushed` are completed on the deadline day 09-04 (one of the rest late). */
function batch(n: number, rushed: number, dept = 'd1'): EvaluatedCase[] {
  const out: EvaluatedCase[] = [];
  for (let i = 0; i < n; i++) {
    const when =
      i < rushed ? '2025-09-04 16:30' : i === rushed ? '2025-09-05 10:00' : '2025-09-03 10:00';
    out.push(evaluated(i, when, { dept }));
  }
  return out;
}

describe('临期突击 (deadline rush)', () => {
  it('is flagged at exactly 30% of 20 completed cases', () => {
    const cases = batch(20, 6);
    expect(cases[0]?.ev.committedDue).toBe(day('2025-09-04'));
    const f = flagDepartmentDeadlineRush('d1', cases);
    expect(f).not.toBeNull();
    expect(f?.code).toBe('deadline-rush');
    expect(f?.rule).toBe('临期突击');
    expect(f?.caseId).toBeNull();
    expect(f?.departmentId).toBe('d1');
    expect(f?.sinceDay).toBe(day('2025-09-05')); // latest counted completion (the late case)
    expect(f?.explanation).toBe(
      '办结承诺时限不少于 3 个工作日的办件 20 件，其中 6 件（30.0%）恰在承诺期限当天办结（阈值 30.0%）。',
    );
    expect(f?.evidence).toEqual({
      completed: 20,
      onDeadlineDay: 6,
      share: 0.3,
      threshold: 0.3,
      minLimitDays: 3,
      minCompleted: 20,
      periodFrom: null,
      periodTo: null,
      lastCompletionDay: '2025-09-05',
    });
  });

  it('is not flagged just below the share (5 of 20 = 25%)', () => {
    expect(flagDepartmentDeadlineRush('d1', batch(20, 5))).toBeNull();
  });

  it('is not flagged below the minimum sample (6 of 19)', () => {
    expect(flagDepartmentDeadlineRush('d1', batch(19, 6))).toBeNull();
    expect(
      flagDepartmentDeadlineRush(
        'd1',
        batch(19, 6),
        undefined,
        th({ deadlineRushMinCompleted: 19 }),
      ),
    ).not.toBeNull();
  });

  it('follows deadlineRushShare', () => {
    expect(
      flagDepartmentDeadlineRush('d1', batch(20, 6), undefined, th({ deadlineRushShare: 0.31 })),
    ).toBeNull();
    expect(
      flagDepartmentDeadlineRush('d1', batch(20, 5), undefined, th({ deadlineRushShare: 0.25 })),
    ).not.toBeNull();
  });

  it('excludes short limits, dueAt cases, open cases and other departments', () => {
    const cases = [
      ...batch(20, 5),
      // committed 2 (due 09-03), completed on its deadline: below deadlineRushMinLimitDays.
      ...[0, 1, 2, 3].map((i) => evaluated(100 + i, '2025-09-03 17:00', { committed: 2 })),
      // dueAt case completed on its due day: no committed limit.
      evaluated(200, '2025-09-04 10:00', { committed: null, dueAt: '2025-09-04 18:00' }),
      // another department rushing everything.
      ...batch(30, 30, 'd2'),
    ];
    const s = deadlineRushStats('d1', cases);
    expect(s).toEqual({
      departmentId: 'd1',
      completed: 20,
      onDeadlineDay: 5,
      share: 0.25,
      lastCompletionDay: day('2025-09-05'),
    });
    expect(flagDepartmentDeadlineRush('d1', cases)).toBeNull();
    // With a minimum limit of 2 the four limit-2 cases count: 9 of 24 = 37.5%.
    const f = flagDepartmentDeadlineRush(
      'd1',
      cases,
      undefined,
      th({ deadlineRushMinLimitDays: 2 }),
    );
    expect(f?.evidence).toMatchObject({ completed: 24, onDeadlineDay: 9, share: 0.375 });
    expect(f?.explanation).toContain('9 件（37.5%）');
  });

  it('counts only completions inside the period', () => {
    const cases = batch(20, 6);
    const q3 = { from: day('2025-07-01'), to: day('2025-09-30') };
    const f = flagDepartmentDeadlineRush('d1', cases, q3);
    expect(f?.explanation.startsWith('2025-07-01 至 2025-09-30 期间，')).toBe(true);
    expect(f?.evidence).toMatchObject({ periodFrom: '2025-07-01', periodTo: '2025-09-30' });
    // A period starting on 09-05 keeps only the late case.
    expect(
      deadlineRushStats('d1', cases, { from: day('2025-09-05'), to: day('2025-09-30') }).completed,
    ).toBe(1);
    expect(
      flagDepartmentDeadlineRush('d1', cases, { from: day('2025-10-01'), to: day('2025-12-31') }),
    ).toBeNull();
  });

  it('is computed for every department in one pass', () => {
    const flags = flagDeadlineRushByDepartment([
      ...batch(20, 2, 'd1'),
      ...batch(25, 10, 'd2'),
      ...batch(20, 20, 'd3'),
    ]);
    expect(flags.map((f) => [f.departmentId, f.evidence['onDeadlineDay']])).toEqual([
      ['d2', 10],
      ['d3', 20],
    ]);
  });
});
