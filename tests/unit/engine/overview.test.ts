import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/domain/calendar';
import type { CaseStatusRow, DashboardModel } from '../../../src/engine/dashboard';
import { overviewFigures, rankRedDepartments } from '../../../src/engine/overview';

const AS_OF = dayFromIso('2026-09-30');

/** A row with only what the overview reads; the rest are neutral values. */
function row(
  p: Partial<CaseStatusRow> & Pick<CaseStatusRow, 'id' | 'departmentId'>,
): CaseStatusRow {
  return {
    itemCode: 'I',
    channel: '窗口',
    status: p.completed ? '办结' : '在办',
    acceptedAt: Date.parse('2026-09-01T09:00:00+08:00'),
    completedAt: null,
    completed: false,
    committedLimitDays: 5,
    statutoryLimitDays: 20,
    committedDue: AS_OF,
    committedDueAt: null,
    statutoryDue: AS_OF,
    statutoryDueAt: null,
    elapsedDays: 0,
    remainingDays: 0,
    statutoryRemainingDays: 0,
    suspendedDays: 0,
    overdue: false,
    overdueDays: 0,
    statutoryOverdueDays: 0,
    onTime: null,
    early: null,
    late: null,
    level: 'normal',
    levelSince: null,
    yellowSince: null,
    redSince: null,
    suspensionOverrunDays: 0,
    flagCodes: [],
    usesUncoveredDates: false,
    ...p,
  };
}

const done = (id: string, dept: string, at: string, onTime: boolean, elapsed: number) =>
  row({
    id,
    departmentId: dept,
    completed: true,
    completedAt: Date.parse(at),
    onTime,
    late: !onTime,
    early: false,
    elapsedDays: elapsed,
  });

function model(rows: CaseStatusRow[]): DashboardModel {
  return {
    asOfMs: Date.parse('2026-09-30T23:59:59+08:00'),
    asOfDay: AS_OF,
    rows,
    flags: [],
    deadlineRush: [],
    noticeFlags: [],
    departments: [
      { id: 'A', name: '甲局', kind: '市直部门', parentId: null },
      { id: 'B', name: '乙局', kind: '市直部门', parentId: null },
      { id: 'C', name: '丙局', kind: '市直部门', parentId: null },
      { id: 'Z', name: '无数据局', kind: '市直部门', parentId: null },
    ],
    items: [],
    calendar: { coveredFrom: '2007-01-01', coveredTo: '2026-12-31', casesOutsideCalendar: 3 },
    computeMs: 0,
  };
}

const Q3 = { from: dayFromIso('2026-07-01'), to: dayFromIso('2026-09-30') };

describe('overviewFigures', () => {
  const rows = [
    row({ id: '1', departmentId: 'A', level: 'red', redSince: dayFromIso('2026-09-29') }),
    row({ id: '2', departmentId: 'A', level: 'yellow', yellowSince: dayFromIso('2026-09-28') }),
    row({ id: '3', departmentId: 'B', level: 'red', redSince: dayFromIso('2026-09-01') }),
    row({ id: '4', departmentId: 'B', level: 'red' }),
    row({ id: '5', departmentId: 'C', level: 'early-warning' }),
    // 9 of 10 on time in A, 1 of 2 in B: the city rate is pooled (10/12), not the mean (70%).
    ...Array.from({ length: 10 }, (_, i) =>
      done(`a${i}`, 'A', '2026-08-10T10:00:00+08:00', i < 9, 4),
    ),
    done('b1', 'B', '2026-09-30T23:00:00+08:00', true, 1),
    done('b2', 'B', '2026-09-30T23:30:00+08:00', false, 7),
    // Completed on 2026-07-01 00:30 Shanghai, which is still 06-30 in UTC: counts in Q3.
    done('c1', 'C', '2026-07-01T00:30:00+08:00', true, 2),
    // Completed in Q2: not in the period.
    done('c2', 'C', '2026-06-30T23:59:00+08:00', false, 9),
  ];
  const f = overviewFigures(model(rows), Q3);

  it('counts open cases by level and pools the period completion', () => {
    expect(f.open).toEqual({
      open: 5,
      levels: { normal: 0, 'early-warning': 1, yellow: 1, red: 3 },
    });
    expect(f.period.completed).toBe(13);
    expect(f.period.onTime).toBe(11);
    expect(f.period.onTimeRate).toBeCloseTo(11 / 13, 12);
    expect(f.period.meanElapsedDays).toBeCloseTo((9 * 4 + 4 + 1 + 7 + 2) / 13, 12);
  });

  it('orders departments by open red cards, then yellow, and leaves out those without', () => {
    expect(f.redDepartments.map((l) => [l.departmentId, l.open.levels.red])).toEqual([
      ['B', 2],
      ['A', 1],
    ]);
    const tie = rankRedDepartments(
      [
        {
          ...f.redDepartments[1]!,
          departmentId: 'X',
          name: '乙',
          open: { open: 2, levels: { normal: 0, 'early-warning': 0, yellow: 0, red: 2 } },
        },
        {
          ...f.redDepartments[1]!,
          departmentId: 'Y',
          name: '甲',
          open: { open: 3, levels: { normal: 0, 'early-warning': 0, yellow: 1, red: 2 } },
        },
      ],
      10,
    );
    expect(tie.map((l) => l.departmentId)).toEqual(['Y', 'X']);
    expect(rankRedDepartments(f.departments, 1)).toHaveLength(1);
  });

  it('has a line for every known department, coverage and the calendar note count', () => {
    expect(f.departments.map((l) => l.departmentId).sort()).toEqual(['A', 'B', 'C', 'Z']);
    expect(f.coverage).toEqual({ withData: 3, total: 4 });
    expect(f.casesOutsideCalendar).toBe(3);
  });

  it('counts cards issued per week on the day first earned, over 13 weeks ending at the as-of week', () => {
    expect(f.trend).toHaveLength(13);
    const last = f.trend[12]!;
    expect(last.label).toBe('2026-09-28');
    expect(last.redIssued).toBe(1);
    expect(last.yellowIssued).toBe(1);
    expect(f.trend.reduce((s, p) => s + p.redIssued, 0)).toBe(2);
  });
});
