import { describe, expect, it } from 'vitest';
import { dayFromIso, officialCalendar } from '../../../src/domain/calendar';
import { evaluateCase, parseInstant, type CaseInput } from '../../../src/domain/time-limit';
import {
  axisTicks,
  buildCaseTimeline,
  buildWorkingDayAxis,
  indexById,
} from '../../../src/engine/case-view';
import { placeLabels } from '../../../src/engine/case-view-layout';
import type { CaseStatusRow } from '../../../src/engine/dashboard';

const cal = officialCalendar();
const at = (s: string) => {
  const ms = parseInstant(s);
  if (ms === null) throw new Error(s);
  return ms;
};

// Accepted Mon 2025-09-29 (not counted). Day 1 = Tue 09-30; 10-01 … 10-08 国庆 off; day 2 = Thu
// 10-09; day 3 = Fri 10-10; day 4 = Sat 10-11 (调休上班); 10-12 Sun off; day 5 = Mon 10-13.
describe('working-day axis', () => {
  const axis = buildWorkingDayAxis(cal, dayFromIso('2025-09-29'), dayFromIso('2025-10-14'));

  it('numbers working days from the first working day after acceptance', () => {
    expect(axis.dayNumber(dayFromIso('2025-09-29'))).toBe(0);
    expect(axis.dayNumber(dayFromIso('2025-09-30'))).toBe(1);
    expect(axis.dayNumber(dayFromIso('2025-10-09'))).toBe(2);
    expect(axis.dayNumber(dayFromIso('2025-10-11'))).toBe(4);
    expect(axis.dayNumber(dayFromIso('2025-10-13'))).toBe(5);
    expect(axis.dayOfNumber(4)).toBe(dayFromIso('2025-10-11'));
    expect(axis.maxX).toBe(6);
  });

  it('compresses the holiday and the Sunday into gaps', () => {
    expect(axis.gaps).toEqual([
      { from: dayFromIso('2025-10-01'), to: dayFromIso('2025-10-08'), days: 8, x: 1 },
      { from: dayFromIso('2025-10-12'), to: dayFromIso('2025-10-12'), days: 1, x: 4 },
    ]);
  });

  it('places instants inside their working day, non-working instants on the gap', () => {
    expect(axis.x(at('2025-09-29T12:00:00+08:00'))).toBeCloseTo(-0.5);
    expect(axis.x(at('2025-10-09T12:00:00+08:00'))).toBeCloseTo(1.5);
    expect(axis.x(at('2025-10-03T12:00:00+08:00'))).toBe(1);
    expect(axis.endOfDayX(dayFromIso('2025-10-10'))).toBe(3);
  });
});

function rowOf(c: CaseInput, asOfMs: number): CaseStatusRow {
  const ev = evaluateCase(c, asOfMs, cal);
  return {
    ...ev,
    id: c.id,
    departmentId: c.departmentId,
    itemCode: 'X',
    channel: '窗口',
    status: ev.completed ? '办结' : '在办',
    acceptedAt: c.acceptedAt,
    completedAt: c.completedAt,
    flagCodes: [],
  };
}

describe('case timeline', () => {
  const c: CaseInput = {
    id: 'C1',
    departmentId: 'D1',
    acceptedAt: at('2025-09-29T16:00:00+08:00'),
    committedLimitDays: 3,
    statutoryLimitDays: 5,
    completedAt: null,
    dueAt: null,
    suspensions: [
      // 补正 from day 2 (10-09) to 10-14 with 1 day applied for: 10-09 suspended; 10-10, 10-11,
      // 10-13 run again (3 overrun days).
      {
        kind: '补正',
        startAt: at('2025-10-09T10:00:00+08:00'),
        endAt: at('2025-10-14T09:00:00+08:00'),
        approvedDays: 1,
      },
    ],
  };
  const asOf = at('2025-10-20T23:59:59+08:00');
  const row = rowOf(c, asOf);
  const steps = [
    {
      id: 'E1',
      step: '受理',
      departmentId: 'D1',
      handler: '王一',
      enteredAt: c.acceptedAt,
      leftAt: at('2025-09-30T09:00:00+08:00'),
    },
    {
      id: 'E2',
      step: '审查',
      departmentId: 'D1',
      handler: '李二',
      enteredAt: at('2025-09-30T09:00:00+08:00'),
      leftAt: null,
    },
    {
      id: 'E3',
      step: '审批',
      departmentId: 'D1',
      handler: '赵三',
      enteredAt: at('2025-10-21T09:00:00+08:00'), // after as-of: not known yet
      leftAt: null,
    },
  ];
  const t = buildCaseTimeline({ caseRecord: c, row, steps, asOfMs: asOf, cal });

  it('agrees with the time-limit core on suspended and overrun days', () => {
    expect(row.suspendedDays).toBe(1);
    expect(row.suspensionOverrunDays).toBe(3);
    expect(t.suspensions).toHaveLength(1);
    expect(t.suspensions[0]!.suspendedDays).toBe(row.suspendedDays);
    expect(t.suspensions[0]!.overrunDays).toBe(row.suspensionOverrunDays);
    // the overrun starts after the one approved day (day 2, 10-09)
    expect(t.suspensions[0]!.overrunX).toBe(2);
    expect(t.suspendedBands).toEqual([
      { from: dayFromIso('2025-10-09'), to: dayFromIso('2025-10-09'), x0: 1, x1: 2 },
    ]);
  });

  it('marks both deadlines at the end of their day and the as-of instant', () => {
    const byKind = Object.fromEntries(t.markers.map((m) => [m.kind, m]));
    // committed 3 counted days: 09-30, 10-10, 10-11 (10-09 suspended) → day number 4
    expect(byKind['committed']).toMatchObject({ day: row.committedDue, dayNumber: 4, x: 4 });
    expect(row.committedDue).toBe(dayFromIso('2025-10-11'));
    expect(byKind['statutory']).toMatchObject({ day: dayFromIso('2025-10-14'), x: 6 });
    expect(byKind['as-of']!.x).toBeGreaterThan(byKind['statutory']!.x);
    expect(byKind['completed']).toBeUndefined();
  });

  it('leaves out steps entered after as-of and keeps the current step open', () => {
    expect(t.steps.map((s) => s.id)).toEqual(['E1', 'E2']);
    expect(t.steps[1]!.leftAt).toBeNull();
    expect(t.steps[1]!.x1).toBeCloseTo(t.markers.find((m) => m.kind === 'as-of')!.x);
    expect(t.steps[0]!.workingDays).toBe(1);
  });
});

describe('indexes and layout helpers', () => {
  it('builds an index by id once per records array', () => {
    const records = [
      { id: 'a', caseId: 'C1' },
      { id: 'b', caseId: 'C2' },
    ];
    const idx = indexById(records);
    expect(idx.get('b')?.caseId).toBe('C2');
    expect(indexById(records)).toBe(idx);
    expect(indexById([...records])).not.toBe(idx);
  });

  it('chooses a readable tick step', () => {
    expect(axisTicks(5)).toEqual([1, 2, 3, 4, 5]);
    expect(axisTicks(60)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
  });

  it('puts labels of close markers on different rows', () => {
    const { placed, rows } = placeLabels(
      [
        { item: 'committed', px: 300, text: '承诺期限 第20日（10-28）' },
        { item: 'statutory', px: 300, text: '法定期限 第20日（10-28）' },
        { item: 'as-of', px: 700, text: '统计时点 第5日' },
      ],
      12,
      960,
    );
    expect(rows).toBe(2);
    const rowOfItem = Object.fromEntries(placed.map((p) => [p.item, p.row]));
    expect(rowOfItem['committed']).not.toBe(rowOfItem['statutory']);
    expect(rowOfItem['as-of']).toBe(0);
  });
});
