import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../../src/domain/calendar/day';
import {
  addCalendarMonths,
  defaultDeadlineMonths,
  effectiveDeadline,
} from '../../../src/domain/tasks';

const plus = (iso: string, months: number) =>
  isoFromDay(addCalendarMonths(dayFromIso(iso), months));

describe('addCalendarMonths (same day of month, clamped to the month end)', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-03-31', 3, '2026-06-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2024-11-30', 3, '2025-02-28'], // 2025 is not a leap year
    ['2023-11-29', 3, '2024-02-29'], // 2024 is
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-11-28', 3, '2024-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2100-11-30', 3, '2101-02-28'],
    ['2099-11-30', 3, '2100-02-28'], // 2100 is not a leap year (century rule)
    ['1999-11-30', 3, '2000-02-29'], // 2000 is (400 rule)
    ['2026-10-31', 3, '2027-01-31'], // across the year end
    ['2026-09-30', 6, '2027-03-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-12-31', 0, '2026-12-31'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(plus(from, months)).toBe(expected);
  });
});

describe('default deadlines', () => {
  it('人大代表建议: 3 months, 6 when complex; 政协提案: 3 months either way; others none', () => {
    expect(defaultDeadlineMonths('人大代表建议', false)).toBe(3);
    expect(defaultDeadlineMonths('人大代表建议', true)).toBe(6);
    expect(defaultDeadlineMonths('政协提案', false)).toBe(3);
    expect(defaultDeadlineMonths('政协提案', true)).toBe(3);
    expect(defaultDeadlineMonths('领导批示', false)).toBeNull();
    expect(defaultDeadlineMonths('12345热线督办', true)).toBeNull();
  });

  it('counts from the assignment day and clamps at month ends, leap years included', () => {
    const d = (source: '人大代表建议' | '政协提案', assigned: string, complex = false) => {
      const r = effectiveDeadline({
        source,
        assignedDay: dayFromIso(assigned),
        deadline: null,
        complex,
      });
      return [r.day === null ? null : isoFromDay(r.day), r.basis];
    };
    expect(d('人大代表建议', '2026-01-31')).toEqual(['2026-04-30', 'default']);
    expect(d('人大代表建议', '2025-08-31', true)).toEqual(['2026-02-28', 'default']);
    expect(d('人大代表建议', '2023-08-31', true)).toEqual(['2024-02-29', 'default']);
    expect(d('政协提案', '2024-11-30')).toEqual(['2025-02-28', 'default']);
    expect(d('政协提案', '2023-11-29', true)).toEqual(['2024-02-29', 'default']);
  });

  it('a deadline in the feed always wins, even an earlier one', () => {
    const r = effectiveDeadline({
      source: '人大代表建议',
      assignedDay: dayFromIso('2026-03-01'),
      deadline: dayFromIso('2026-03-20'),
      complex: true,
    });
    expect(r).toEqual({ day: dayFromIso('2026-03-20'), basis: 'feed' });
  });

  it('a source without a default and no deadline has none (never invented)', () => {
    const r = effectiveDeadline({
      source: '会议议定',
      assignedDay: dayFromIso('2026-03-01'),
      deadline: null,
      complex: false,
    });
    expect(r).toEqual({ day: null, basis: 'missing' });
  });
});
