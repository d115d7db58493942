import { describe, expect, it } from 'vitest';
import {
  CalendarDataError,
  createCalendar,
  dayFromIso,
  isoFromDay,
  officialCalendar,
  officialHolidayFiles,
  parseIsoDate,
  shanghaiDayOf,
  validateHolidayYearFile,
  weekdayOf,
} from '../../../src/domain/calendar';

const d = dayFromIso;

describe('day arithmetic', () => {
  it('anchors day 0 at Thursday 1970-01-01', () => {
    expect(d('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    expect(d('1969-12-31')).toBe(-1);
    expect(weekdayOf(-1)).toBe(3);
    // 2024-02-04 is a Sunday; 2025-10-11 a Saturday (both 调休 working days).
    expect(weekdayOf(d('2024-02-04'))).toBe(0);
    expect(weekdayOf(d('2025-10-11'))).toBe(6);
    expect(d('2000-03-01') - d('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(d('1900-03-01') - d('1900-02-28')).toBe(1); // 1900 is not
  });

  it('round-trips every day from 1990 to 2040', () => {
    for (let x = d('1990-01-01'); x <= d('2040-12-31'); x++) {
      expect(parseIsoDate(isoFromDay(x))).toBe(x);
    }
  });

  it('rejects impossible dates strictly', () => {
    for (const s of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '24-01-01',
      '',
    ]) {
      expect(parseIsoDate(s)).toBeNull();
    }
    expect(() => dayFromIso('2024-02-30')).toThrow(RangeError);
  });

  it('takes the Asia/Shanghai civil date of an instant, never the machine zone', () => {
    // 2024-02-03T16:00:00Z is 2024-02-04 00:00 in Shanghai.
    expect(isoFromDay(shanghaiDayOf(Date.UTC(2024, 1, 3, 16, 0, 0)))).toBe('2024-02-04');
    expect(isoFromDay(shanghaiDayOf(Date.UTC(2024, 1, 3, 15, 59, 59, 999)))).toBe('2024-02-03');
  });
});

describe('official calendar', () => {
  const cal = officialCalendar();

  it('covers 2007-01-01 … 2026-12-31 (2027.json is an empty placeholder)', () => {
    expect(isoFromDay(cal.coveredFrom)).toBe('2007-01-01');
    expect(isoFromDay(cal.coveredTo)).toBe('2026-12-31');
    expect(cal.isCovered(d('2026-12-31'))).toBe(true);
    expect(cal.isCovered(d('2027-01-01'))).toBe(false);
    expect(cal.isCovered(d('2006-12-31'))).toBe(false);
    expect(officialHolidayFiles).toHaveLength(21);
  });

  it.each([
    // 2020: Spring Festival 01-24…01-30 extended (COVID) to 02-02; 01-19 (Sun) worked; 02-03 Monday works.
    ['2020-01-19', true],
    ['2020-01-24', false],
    ['2020-01-31', false],
    ['2020-02-02', false],
    ['2020-02-03', true],
    // 2024 Spring Festival: 02-10…02-17 off, Sundays 02-04 and 02-18 worked.
    ['2024-02-03', false],
    ['2024-02-04', true],
    ['2024-02-09', true],
    ['2024-02-12', false],
    ['2024-02-18', true],
    // 2025 National Day + Mid-Autumn: 10-01…10-08 off, 09-28 (Sun) and 10-11 (Sat) worked.
    ['2025-09-28', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2025-10-12', false],
    // 2026 New Year: 01-01…01-03 off, 01-04 (Sun) worked.
    ['2025-12-31', true],
    ['2026-01-01', false],
    ['2026-01-02', false],
    ['2026-01-04', true],
    // 2019's file lists 2018-12-29 (Sat) as a working day.
    ['2018-12-29', true],
    // Outside coverage: Mon–Fri fallback (2027-01-01 is a Friday, 2027-01-02 a Saturday).
    ['2027-01-01', true],
    ['2027-01-02', false],
  ] as const)('%s working=%s', (date, working) => {
    expect(cal.isWorkingDay(d(date))).toBe(working);
  });

  it('counts working days in (from, to]', () => {
    // (2024-02-04, 2024-02-29]: 02-05…02-09 (5) + 02-18…02-23 (6, 02-18 is the 调休 Sunday) + 02-26…02-29 (4) = 15.
    expect(cal.countWorkingDays(d('2024-02-04'), d('2024-02-29'))).toBe(15);
    // (2025-09-30, 2025-10-11]: only 10-09, 10-10, 10-11 = 3.
    expect(cal.countWorkingDays(d('2025-09-30'), d('2025-10-11'))).toBe(3);
    // Empty and reversed ranges.
    expect(cal.countWorkingDays(d('2024-02-09'), d('2024-02-09'))).toBe(0);
    expect(cal.countWorkingDays(d('2024-02-29'), d('2024-02-04'))).toBe(-15);
    // Across the end of coverage: (2026-12-30, 2027-01-05]: 12-31 Thu, 01-01 Fri, 01-04 Mon, 01-05 Tue = 4.
    expect(cal.countWorkingDays(d('2026-12-30'), d('2027-01-05'))).toBe(4);
  });

  it('adds working days', () => {
    // 5th working day after 2024-02-08: 02-09, 02-18, 02-19, 02-20, 02-21.
    expect(isoFromDay(cal.addWorkingDays(d('2024-02-08'), 5))).toBe('2024-02-21');
    // n = 0: the day itself when working, else the next working day.
    expect(isoFromDay(cal.addWorkingDays(d('2024-02-04'), 0))).toBe('2024-02-04');
    expect(isoFromDay(cal.addWorkingDays(d('2024-02-10'), 0))).toBe('2024-02-18');
    // Negative: the 2nd working day before 2024-02-18 is 02-08 (02-09 is the 1st).
    expect(isoFromDay(cal.addWorkingDays(d('2024-02-18'), -2))).toBe('2024-02-08');
    // Across the end of coverage.
    expect(isoFromDay(cal.addWorkingDays(d('2026-12-31'), 2))).toBe('2027-01-04');
    // Before coverage (Mon–Fri): 2006-01-06 is a Friday, the next working day is Monday 01-09.
    expect(isoFromDay(cal.addWorkingDays(d('2006-01-06'), 1))).toBe('2006-01-09');
  });

  it('reports uncovered days in a range', () => {
    expect(cal.uncoveredDaysBetween(d('2024-01-01'), d('2026-12-31'))).toBe(0);
    expect(cal.uncoveredDaysBetween(d('2026-12-30'), d('2027-01-05'))).toBe(5);
    expect(cal.uncoveredDaysBetween(d('2006-12-30'), d('2007-01-02'))).toBe(2);
  });
});

describe('createCalendar with administrator files', () => {
  const file2027 = {
    year: 2027,
    papers: ['https://example.gov.cn/2027'],
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '春节', date: '2027-02-06', isOffDay: false },
    ],
  };

  it('accepts a newer year and extends coverage', () => {
    const files = officialHolidayFiles.filter((f) => f.year !== 2027).concat([file2027]);
    const cal = createCalendar(files);
    expect(isoFromDay(cal.coveredTo)).toBe('2027-12-31');
    expect(cal.isWorkingDay(d('2027-01-01'))).toBe(false);
    expect(cal.isWorkingDay(d('2027-02-06'))).toBe(true); // a Saturday made a working day
    expect(cal.isCovered(d('2027-06-01'))).toBe(true);
  });

  it('treats a missing year between two loaded ones as not covered', () => {
    const files = officialHolidayFiles.filter((f) => f.year === 2024 || f.year === 2026);
    const cal = createCalendar(files);
    expect(cal.isCovered(d('2025-06-01'))).toBe(false);
    expect(cal.isWorkingDay(d('2025-10-01'))).toBe(true); // Wednesday, fallback, no holiday data
    expect(cal.uncoveredDaysBetween(d('2024-12-31'), d('2026-01-01'))).toBe(365);
  });

  it('falls back to Monday–Friday with no data', () => {
    const cal = createCalendar([]);
    expect(cal.coveredFrom > cal.coveredTo).toBe(true);
    expect(cal.isWorkingDay(d('2024-02-12'))).toBe(true);
    expect(cal.countWorkingDays(d('2024-02-09'), d('2024-02-16'))).toBe(5);
  });

  it.each([
    [null, 'JSON'],
    [{ year: '2027', papers: [], days: [] }, 'year'],
    [{ year: 2027, papers: 'x', days: [] }, 'papers'],
    [
      { year: 2027, papers: [], days: [{ name: 'x', date: '2027-02-30', isOffDay: true }] },
      '2027-02-30',
    ],
    [
      { year: 2027, papers: [], days: [{ name: 'x', date: '2025-01-01', isOffDay: true }] },
      '2025-01-01',
    ],
    [
      { year: 2027, papers: [], days: [{ name: 'x', date: '2027-01-01', isOffDay: 'yes' }] },
      'isOffDay',
    ],
    [
      {
        year: 2027,
        papers: [],
        days: [
          { name: 'x', date: '2027-01-01', isOffDay: true },
          { name: 'x', date: '2027-01-01', isOffDay: false },
        ],
      },
      '矛盾',
    ],
  ])('rejects malformed file %# with a reason', (raw, fragment) => {
    const v = validateHolidayYearFile(raw);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toContain(fragment);
    expect(() => createCalendar([raw])).toThrow(CalendarDataError);
  });

  it('rejects a year given twice', () => {
    expect(() => createCalendar([file2027, file2027])).toThrow(/2027/);
  });
});
