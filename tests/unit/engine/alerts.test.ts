import { describe, expect, test } from 'vitest';
import { dayFromCivil, shanghaiStartOfDay } from '../../../src/domain/calendar';
import {
  alertCounts,
  alertReason,
  alertSortParam,
  filterAlerts,
  NO_ALERT_FILTER,
  parseAlertLevels,
  parseAlertSort,
  sortAlerts,
  type AlertNames,
} from '../../../src/engine/alerts';
import type { CaseStatusRow } from '../../../src/engine/dashboard';

const D = dayFromCivil(2026, 9, 1);

/** A row with defaults; only the fields a test cares about are given. */
function row(over: Partial<CaseStatusRow> & { id: string }): CaseStatusRow {
  return {
    departmentId: 'D01',
    itemCode: 'I01',
    channel: '窗口',
    status: '在办',
    acceptedAt: shanghaiStartOfDay(D) + 9 * 3_600_000,
    completedAt: null,
    completed: false,
    committedLimitDays: 10,
    statutoryLimitDays: 20,
    committedDue: D + 14,
    committedDueAt: null,
    statutoryDue: D + 28,
    statutoryDueAt: null,
    elapsedDays: 5,
    remainingDays: 5,
    statutoryRemainingDays: 15,
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
    ...over,
  };
}

const red2 = row({
  id: 'R2',
  level: 'red',
  remainingDays: -12,
  statutoryRemainingDays: -2,
  statutoryOverdueDays: 2,
  overdueDays: 12,
  departmentId: 'D02',
});
const red5 = row({
  id: 'R5',
  level: 'red',
  remainingDays: -15,
  statutoryRemainingDays: -5,
  statutoryOverdueDays: 5,
  overdueDays: 15,
  channel: '网上',
});
const yellow3 = row({
  id: 'Y3',
  level: 'yellow',
  remainingDays: -3,
  statutoryRemainingDays: 2,
  overdueDays: 3,
  itemCode: 'I02',
});
const yellow1 = row({
  id: 'Y1',
  level: 'yellow',
  remainingDays: -1,
  statutoryRemainingDays: 4,
  overdueDays: 1,
});
const early1 = row({
  id: 'E1',
  level: 'early-warning',
  remainingDays: 1,
  statutoryRemainingDays: 11,
  acceptedAt: shanghaiStartOfDay(D + 40),
});
const early2 = row({
  id: 'E2',
  level: 'early-warning',
  remainingDays: 2,
  statutoryRemainingDays: 12,
});
const normal = row({ id: 'N1' });
const doneRed = row({ id: 'C1', level: 'red', completed: true, status: '办结' });
const all = [normal, early2, yellow1, doneRed, red2, early1, yellow3, red5];

const names: AlertNames = {
  department: (id) => ({ D01: '市场监管局', D02: '住建局' })[id] ?? id,
  item: (code) => code,
};

describe('filterAlerts', () => {
  test('keeps only open cases with a warning', () => {
    expect(
      filterAlerts(all, NO_ALERT_FILTER)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['E1', 'E2', 'R2', 'R5', 'Y1', 'Y3']);
  });

  test('each filter restricts, and they combine', () => {
    const f = NO_ALERT_FILTER;
    const ids = (rows: CaseStatusRow[]) => rows.map((r) => r.id).sort();
    expect(ids(filterAlerts(all, { ...f, levels: ['red'] }))).toEqual(['R2', 'R5']);
    expect(ids(filterAlerts(all, { ...f, levels: ['yellow', 'early-warning'] }))).toEqual([
      'E1',
      'E2',
      'Y1',
      'Y3',
    ]);
    expect(ids(filterAlerts(all, { ...f, departmentId: 'D02' }))).toEqual(['R2']);
    expect(ids(filterAlerts(all, { ...f, itemCode: 'I02' }))).toEqual(['Y3']);
    expect(ids(filterAlerts(all, { ...f, channel: '网上' }))).toEqual(['R5']);
    expect(ids(filterAlerts(all, { ...f, query: 'y' }))).toEqual(['Y1', 'Y3']);
    expect(ids(filterAlerts(all, { ...f, levels: ['red'], departmentId: 'D01' }))).toEqual(['R5']);
    // Acceptance within a period (civil days, Shanghai): E1 was accepted 40 days later.
    expect(ids(filterAlerts(all, { ...f, accepted: { from: D + 30, to: D + 60 } }))).toEqual([
      'E1',
    ]);
    expect(ids(filterAlerts(all, { ...f, accepted: { from: D, to: D } }))).toEqual([
      'E2',
      'R2',
      'R5',
      'Y1',
      'Y3',
    ]);
  });
});

describe('sortAlerts', () => {
  const alerts = filterAlerts(all, NO_ALERT_FILTER);
  test('default: worst level first, then most overdue / least remaining', () => {
    expect(sortAlerts(alerts, parseAlertSort(null), names).map((r) => r.id)).toEqual([
      'R5',
      'R2',
      'Y3',
      'Y1',
      'E1',
      'E2',
    ]);
  });

  test('ascending severity is the reverse', () => {
    expect(sortAlerts(alerts, parseAlertSort('severity'), names).map((r) => r.id)).toEqual([
      'E2',
      'E1',
      'Y1',
      'Y3',
      'R2',
      'R5',
    ]);
  });

  test('by a column, ties broken by severity', () => {
    expect(sortAlerts(alerts, parseAlertSort('-remaining'), names).map((r) => r.id)).toEqual([
      'E2',
      'E1',
      'Y1',
      'Y3',
      'R2',
      'R5',
    ]);
    // By department name in zh-CN (pinyin) order: 市场监管局 (shì) before 住建局 (zhù).
    const byDept = sortAlerts(alerts, parseAlertSort('department'), names).map((r) => r.id);
    expect(byDept.at(-1)).toBe('R2');
    expect(byDept.slice(0, 5)).toEqual(['R5', 'Y3', 'Y1', 'E1', 'E2']);
  });

  test('does not mutate its input', () => {
    const copy = [...alerts];
    sortAlerts(alerts, parseAlertSort('id'), names);
    expect(alerts).toEqual(copy);
  });
});

describe('URL params', () => {
  test('levels: unknown parts ignored, order normalised', () => {
    expect(parseAlertLevels('yellow,bogus,red')).toEqual(['red', 'yellow']);
    expect(parseAlertLevels(null)).toEqual([]);
  });
  test('sort round-trips; the default stays out of the URL; junk falls back', () => {
    expect(parseAlertSort('-elapsed')).toEqual({ key: 'elapsed', order: 'desc' });
    expect(alertSortParam(parseAlertSort('-elapsed'))).toBe('-elapsed');
    expect(alertSortParam(parseAlertSort('id'))).toBe('id');
    expect(alertSortParam(parseAlertSort(null))).toBeNull();
    expect(parseAlertSort('drop table')).toEqual(parseAlertSort(null));
  });
});

describe('alertCounts and alertReason', () => {
  test('counts by level', () => {
    expect(alertCounts(filterAlerts(all, NO_ALERT_FILTER))).toEqual({
      total: 6,
      red: 2,
      yellow: 2,
      earlyWarning: 2,
    });
  });

  test('says why in one phrase', () => {
    expect(alertReason(yellow3)).toBe('已超承诺期限 3 个工作日，距法定期限还剩 2 个工作日');
    expect(alertReason(red5)).toBe('已超法定期限 5 个工作日');
    expect(alertReason(early1)).toBe('距承诺期限剩余 1 个工作日');
    expect(alertReason({ ...early1, remainingDays: 0 })).toBe('承诺期限今日届满');
    expect(alertReason({ ...yellow1, overdueDays: 0, suspensionOverrunDays: 2 })).toBe(
      '已过承诺期限（不足 1 个工作日），距法定期限还剩 4 个工作日，暂停超出申请天数 2 个工作日',
    );
  });
});
