import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/domain/calendar';
import { parsePeriod, periodRange, quarterOfDay } from '../../../src/domain/period/period';
import type { CaseStatusRow, DashboardModel } from '../../../src/engine/dashboard';
import {
  compareAlertSeverity,
  departmentHeader,
  departmentItems,
  departmentQuarterTrend,
  trendEndQuarter,
  worstOpenAlerts,
} from '../../../src/engine/department-view';

const day = (iso: string) => dayFromIso(iso);
const at = (iso: string) => Date.parse(`${iso}T10:00:00+08:00`);

function row(over: Partial<CaseStatusRow> & { id: string }): CaseStatusRow {
  return {
    departmentId: 'D01',
    itemCode: 'I1',
    completed: false,
    completedAt: null,
    acceptedAt: at('2026-09-01'),
    level: 'normal',
    onTime: null,
    late: null,
    early: null,
    elapsedDays: 0,
    overdue: false,
    overdueDays: 0,
    statutoryOverdueDays: 0,
    remainingDays: 5,
    yellowSince: null,
    redSince: null,
    ...over,
  } as CaseStatusRow;
}

function model(rows: CaseStatusRow[]): DashboardModel {
  return {
    asOfMs: at('2026-09-30'),
    asOfDay: day('2026-09-30'),
    rows,
    flags: [],
    deadlineRush: [],
    noticeFlags: [],
    departments: [
      { id: 'D01', name: '市场监管局', kind: '市直部门', parentId: null },
      { id: 'T01', name: '城关街道', kind: '乡镇街道', parentId: 'C01' },
      { id: 'C01', name: '城关区', kind: '区县', parentId: null },
    ],
    items: [
      {
        code: 'I1',
        name: '食品经营许可',
        departmentId: 'D01',
        kind: '行政许可',
        committedLimitDays: 10,
        statutoryLimitDays: 20,
      },
      {
        code: 'I2',
        name: '即办证明',
        departmentId: 'D01',
        kind: '公共服务',
        committedLimitDays: 0,
        statutoryLimitDays: 1,
      },
      {
        code: 'I9',
        name: '别的部门',
        departmentId: 'D02',
        kind: '其他',
        committedLimitDays: 5,
        statutoryLimitDays: 5,
      },
    ],
    calendar: { coveredFrom: '2007-01-01', coveredTo: '2026-12-31', casesOutsideCalendar: 0 },
    computeMs: 0,
  };
}

describe('departmentHeader', () => {
  it('finds a department of the feed with its parent, or one known only from cases, or none', () => {
    const m = model([row({ id: 'A', departmentId: 'X9' })]);
    expect(departmentHeader(m, 'T01')).toMatchObject({
      inFeed: true,
      parentName: '城关区',
      caseCount: 0,
    });
    expect(departmentHeader(m, 'X9')).toMatchObject({
      inFeed: false,
      caseCount: 1,
      info: { name: 'X9' },
    });
    expect(departmentHeader(m, 'NOPE')).toBeNull();
  });
});

describe('departmentItems', () => {
  it('lists the feed items and items known only from cases, with per-item completion', () => {
    const q3 = periodRange(parsePeriod('2026Q3')!);
    const rows = [
      row({
        id: 'a',
        completed: true,
        completedAt: at('2026-09-10'),
        onTime: true,
        elapsedDays: 4,
      }),
      row({
        id: 'b',
        completed: true,
        completedAt: at('2026-09-11'),
        onTime: false,
        late: true,
        elapsedDays: 12,
      }),
      row({
        id: 'c',
        completed: true,
        completedAt: at('2026-06-11'),
        onTime: true,
        elapsedDays: 1,
      }),
      row({ id: 'd' }),
      row({ id: 'e', itemCode: 'UNKNOWN' }),
    ];
    const lines = departmentItems(model(rows), rows, 'D01', q3);
    expect(lines.map((l) => l.code)).toEqual(['I1', 'I2', 'UNKNOWN']);
    const i1 = lines[0]!;
    expect(i1.open).toBe(1);
    expect(i1.period).toMatchObject({
      completed: 2,
      onTime: 1,
      withDeadline: 2,
      onTimeRate: 0.5,
      meanElapsedDays: 8,
    });
    expect(lines[1]!.immediate).toBe(true);
    expect(lines[2]).toMatchObject({ name: 'UNKNOWN', committedLimitDays: null, open: 1 });
  });
});

describe('worstOpenAlerts', () => {
  it('orders red (by statutory overdue), yellow (by overdue), then 预警 (by remaining)', () => {
    const rows = [
      row({ id: 'w1', level: 'early-warning', remainingDays: 2 }),
      row({ id: 'w2', level: 'early-warning', remainingDays: 1 }),
      row({ id: 'y1', level: 'yellow', overdue: true, overdueDays: 2 }),
      row({ id: 'r1', level: 'red', statutoryOverdueDays: 1, overdueDays: 9 }),
      row({ id: 'r2', level: 'red', statutoryOverdueDays: 3, overdueDays: 8 }),
      row({ id: 'y2', level: 'yellow', overdue: true, overdueDays: 4 }),
      row({ id: 'n', level: 'normal' }),
      row({ id: 'done', level: 'red', completed: true, statutoryOverdueDays: 50 }),
    ];
    expect(worstOpenAlerts(rows, 10).map((r) => r.id)).toEqual([
      'r2',
      'r1',
      'y2',
      'y1',
      'w2',
      'w1',
    ]);
    expect(worstOpenAlerts(rows, 2).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(compareAlertSeverity(rows[0]!, rows[0]!)).toBe(0);
  });
});

describe('departmentQuarterTrend', () => {
  it('gives n quarters oldest first with cards issued and on-time rate per quarter', () => {
    const rows = [
      row({ id: 'a', redSince: day('2026-08-01'), yellowSince: day('2026-07-20') }),
      row({ id: 'b', yellowSince: day('2026-05-01') }),
      row({
        id: 'c',
        completed: true,
        completedAt: at('2026-05-03'),
        onTime: true,
        elapsedDays: 2,
      }),
    ];
    const trend = departmentQuarterTrend(
      rows,
      quarterOfDay(day('2026-09-30')),
      day('2026-09-15'),
      3,
    );
    expect(trend.map((p) => p.quarter)).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    expect(trend.map((p) => [p.yellowIssued, p.redIssued])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(trend[1]!.completion.onTimeRate).toBe(1);
    expect(trend[0]!.completion.onTimeRate).toBeNull();
    expect(trend.map((p) => p.partial)).toEqual([false, false, true]);
  });

  it('ends the trend at the period end, or at the as-of quarter for a later period', () => {
    expect(trendEndQuarter(day('2026-06-30'), day('2026-09-30'))).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 2,
    });
    expect(trendEndQuarter(day('2026-12-31'), day('2026-09-30'))).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 3,
    });
  });
});
