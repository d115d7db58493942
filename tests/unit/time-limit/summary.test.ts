/**
 * summarizeByDepartment: per-department counts in order of first appearance; an item may stand
 * for `count` identical cases (the evaluate CLI folds a million cases into counts per department
 * and outcome before summarising — the totals must be what one item per case gives).
 */
import { describe, expect, it } from 'vitest';
import { summarizeByDepartment } from '../../../src/domain/time-limit';

type Ev =
  Parameters<typeof summarizeByDepartment>[0] extends Iterable<infer I>
    ? I extends { evaluation: infer E }
      ? E
      : never
    : never;

const OPEN_OVERDUE: Ev = {
  level: 'yellow',
  completed: false,
  onTime: null,
  late: null,
  early: null,
  overdue: true,
};
const DONE_EARLY: Ev = {
  level: 'normal',
  completed: true,
  onTime: true,
  late: false,
  early: true,
  overdue: false,
};
const DONE_LATE: Ev = {
  level: 'red',
  completed: true,
  onTime: false,
  late: true,
  early: false,
  overdue: true,
};

describe('summarizeByDepartment', () => {
  it('counts an item with count n as n identical cases, departments in first-seen order', () => {
    const one = [
      { departmentId: 'B', evaluation: DONE_LATE },
      { departmentId: 'A', evaluation: OPEN_OVERDUE },
      { departmentId: 'B', evaluation: DONE_EARLY },
      { departmentId: 'A', evaluation: OPEN_OVERDUE },
      { departmentId: 'A', evaluation: OPEN_OVERDUE },
      { departmentId: 'B', evaluation: DONE_EARLY },
      { departmentId: 'B', evaluation: DONE_EARLY },
    ];
    const counted = [
      { departmentId: 'B', evaluation: DONE_LATE, count: 1 },
      { departmentId: 'B', evaluation: DONE_EARLY, count: 3 },
      { departmentId: 'A', evaluation: OPEN_OVERDUE, count: 3 },
    ];
    const expected = summarizeByDepartment(one);
    expect(expected.map((s) => s.departmentId)).toEqual(['B', 'A']);
    expect(expected[0]).toMatchObject({ cases: 4, completed: 4, onTime: 3, late: 1, early: 3 });
    expect(expected[1]).toMatchObject({ cases: 3, openOverdue: 3, levels: { yellow: 3 } });
    expect(summarizeByDepartment(counted)).toEqual(expected);
  });
});
