import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/domain/calendar';
import { parsePeriod, periodRange } from '../../../src/domain/period/period';
import type { SlowActionFlag } from '../../../src/domain/slow-action';
import type { CaseStatusRow, DashboardModel } from '../../../src/engine/dashboard';
import {
  codesPresent,
  countByRule,
  departmentRuleMatrix,
  filterSlowActionRows,
  flagNotice,
  keyEvidence,
  NO_SLOW_ACTION_FILTER,
  parseRuleParam,
  parseStateParam,
  quartersOverlapping,
  slowActionFlagRows,
} from '../../../src/engine/slow-action-view';

const day = (iso: string) => dayFromIso(iso);

function flag(over: Partial<SlowActionFlag> & Pick<SlowActionFlag, 'code'>): SlowActionFlag {
  return {
    rule: over.code,
    caseId: 'C1',
    departmentId: 'D01',
    sinceDay: day('2026-09-01'),
    explanation: 'x',
    evidence: {},
    ...over,
  };
}

function row(id: string, completed: boolean): CaseStatusRow {
  return { id, departmentId: 'D01', completed } as CaseStatusRow;
}

function model(): DashboardModel {
  return {
    asOfMs: 0,
    asOfDay: day('2026-09-30'),
    rows: [row('C1', false), row('C2', true), row('C3', false)],
    flags: [
      flag({ code: 'stall', caseId: 'C1', sinceDay: day('2026-09-20') }),
      flag({ code: 'accepted-idle', caseId: 'C2', sinceDay: day('2026-05-10') }),
      flag({ code: 'stall', caseId: 'C3', departmentId: 'D02', sinceDay: day('2026-07-01') }),
      flag({ code: 'inaction-overdue', caseId: 'C1', sinceDay: day('2026-09-25') }),
    ],
    deadlineRush: [
      {
        quarter: '2026Q2',
        flags: [
          flag({
            code: 'deadline-rush',
            caseId: null,
            departmentId: 'D02',
            sinceDay: day('2026-06-30'),
          }),
        ],
      },
      {
        quarter: '2026Q3',
        flags: [
          flag({
            code: 'deadline-rush',
            caseId: null,
            departmentId: 'D01',
            sinceDay: day('2026-09-29'),
          }),
        ],
      },
    ],
    noticeFlags: [],
    departments: [
      { id: 'D01', name: '市场监管局', kind: '市直部门', parentId: null },
      { id: 'D02', name: '教育局', kind: '市直部门', parentId: null },
    ],
    items: [],
    calendar: { coveredFrom: '2007-01-01', coveredTo: '2026-12-31', casesOutsideCalendar: 0 },
    computeMs: 0,
  };
}

describe('slowActionFlagRows', () => {
  it('joins case state and names, and adds the 临期突击 of the selected quarter only', () => {
    const rows = slowActionFlagRows(model(), parsePeriod('2026Q3')!);
    expect(rows.map((r) => [r.code, r.caseId, r.caseState])).toEqual([
      ['stall', 'C1', 'open'],
      ['accepted-idle', 'C2', 'completed'],
      ['stall', 'C3', 'open'],
      ['inaction-overdue', 'C1', 'open'],
      ['deadline-rush', null, null],
    ]);
    expect(rows[4]!.quarter).toBe('2026Q3');
    expect(rows[4]!.departmentName).toBe('市场监管局');
    expect(rows[0]!.since).toBe('2026-09-20');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('lists 逾期未反馈 notice flags whatever the period, linked to their notice', () => {
    const notice = flag({
      code: 'notice-overdue',
      caseId: null,
      departmentId: 'D02',
      sinceDay: day('2026-05-06'),
      evidence: { noticeId: 7, notice: '督〔2026〕第0007号', dueOn: '2026-05-05', daysPast: 3 },
    });
    const rows = slowActionFlagRows({ ...model(), noticeFlags: [notice] }, parsePeriod('2026Q3')!);
    const row = rows.find((r) => r.code === 'notice-overdue');
    expect(row).toMatchObject({
      caseId: null,
      caseState: null,
      quarter: null,
      departmentName: '教育局',
    });
    expect(flagNotice(row!)).toEqual({ id: 7, number: '督〔2026〕第0007号' });
    expect(flagNotice(rows[0]!)).toBeNull();
    expect(keyEvidence(row!)).toEqual([
      ['notice', '督〔2026〕第0007号'],
      ['dueOn', '2026-05-05'],
      ['daysPast', 3],
    ]);
  });

  it('takes every overlapping quarter for a year and the containing one for a month', () => {
    expect(quartersOverlapping(parsePeriod('2026')!)).toEqual([
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
    ]);
    expect(quartersOverlapping(parsePeriod('2026-05')!)).toEqual(['2026Q2']);
    const yearRows = slowActionFlagRows(model(), parsePeriod('2026')!);
    expect(yearRows.filter((r) => r.code === 'deadline-rush')).toHaveLength(2);
  });
});

describe('filterSlowActionRows', () => {
  const rows = slowActionFlagRows(model(), parsePeriod('2026Q3')!);
  it('filters by rule, department, state and the period of first raising', () => {
    expect(filterSlowActionRows(rows, { ...NO_SLOW_ACTION_FILTER, rule: 'stall' })).toHaveLength(2);
    expect(
      filterSlowActionRows(rows, { ...NO_SLOW_ACTION_FILTER, departmentId: 'D02' }),
    ).toHaveLength(1);
    // A state filter leaves out the department-level flag (it has no case).
    expect(filterSlowActionRows(rows, { ...NO_SLOW_ACTION_FILTER, state: 'open' })).toHaveLength(3);
    expect(
      filterSlowActionRows(rows, { ...NO_SLOW_ACTION_FILTER, state: 'completed' }),
    ).toHaveLength(1);
    const q3 = periodRange(parsePeriod('2026Q3')!);
    const inQ3 = filterSlowActionRows(rows, { ...NO_SLOW_ACTION_FILTER, sinceRange: q3 });
    expect(inQ3.map((r) => r.code)).toEqual([
      'stall',
      'stall',
      'inaction-overdue',
      'deadline-rush',
    ]);
    expect(filterSlowActionRows(rows, NO_SLOW_ACTION_FILTER)).toHaveLength(rows.length);
  });
});

describe('counts and matrix', () => {
  const rows = slowActionFlagRows(model(), parsePeriod('2026Q3')!);
  it('counts every code, zeros included', () => {
    const c = countByRule(rows);
    expect(c).toEqual({
      stall: 2,
      'accepted-idle': 1,
      'repeated-correction': 0,
      'overlong-suspension': 0,
      'suspension-overrun': 0,
      'inaction-overdue': 1,
      'deadline-rush': 1,
      'notice-overdue': 0,
    });
  });

  it('gives department × rule lines, most flags first, summing to the counts', () => {
    const lines = departmentRuleMatrix(rows);
    expect(lines.map((l) => [l.departmentId, l.total])).toEqual([
      ['D01', 4],
      ['D02', 1],
    ]);
    expect(lines[0]!.counts.stall).toBe(1);
    expect(lines.reduce((s, l) => s + l.total, 0)).toBe(rows.length);
    expect(codesPresent(lines)).toEqual([
      'stall',
      'accepted-idle',
      'inaction-overdue',
      'deadline-rush',
    ]);
  });
});

describe('URL params and evidence', () => {
  it('accepts only stable codes and states', () => {
    expect(parseRuleParam('stall')).toBe('stall');
    expect(parseRuleParam('Stall')).toBeNull();
    expect(parseRuleParam(null)).toBeNull();
    expect(parseStateParam('open')).toBe('open');
    expect(parseStateParam('done')).toBeNull();
  });

  it('picks the key evidence fields that the flag carries, in order', () => {
    const f = {
      code: 'stall' as const,
      evidence: { idleDays: 4, threshold: 3, step: '审核', other: 1 },
    };
    expect(keyEvidence(f)).toEqual([
      ['step', '审核'],
      ['idleDays', 4],
      ['threshold', 3],
    ]);
  });
});
