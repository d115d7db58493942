import { describe, expect, it } from 'vitest';
import { createCalendar, officialCalendar } from '../../../src/domain/calendar';
import { evaluateCase, type CaseEvaluation } from '../../../src/domain/time-limit';
import { at, day, iso, mkCase, type CaseSpec } from './helpers';

// Every expected value below was counted by hand from the State Council notices (not from the
// code). Notation: "day k = date" is the k-th counted working day after the acceptance day.
const cal = officialCalendar();

function ev(spec: CaseSpec, asOf: string): CaseEvaluation {
  return evaluateCase(mkCase(spec), at(asOf), cal);
}

function brief(e: CaseEvaluation) {
  return {
    committedDue: iso(e.committedDue),
    statutoryDue: iso(e.statutoryDue),
    elapsed: e.elapsedDays,
    remaining: e.remainingDays,
    suspended: e.suspendedDays,
    overdueDays: e.overdueDays,
    onTime: e.onTime,
    early: e.early,
    late: e.late,
    level: e.level,
    levelSince: iso(e.levelSince),
  };
}

describe('2024 Spring Festival (off 02-10…02-17; Sundays 02-04 and 02-18 worked)', () => {
  it('acceptance on the 调休 Sunday 02-04: the acceptance day is not counted', () => {
    // Accepted Sun 02-04 (a working day, but never counted). Committed 5: day 1 = Mon 02-05,
    // 2 = 02-06, 3 = 02-07, 4 = 02-08, 5 = Fri 02-09 → due 02-09.
    // Statutory 20: 02-05…02-09 = 5; 02-10…02-17 off; 6 = Sun 02-18, 7 = 02-19, 8 = 02-20,
    // 9 = 02-21, 10 = 02-22, 11 = 02-23, 12 = 02-26, 13 = 02-27, 14 = 02-28, 15 = 02-29,
    // 16 = 03-01, 17 = 03-04, 18 = 03-05, 19 = 03-06, 20 = 03-07 → due 03-07.
    // As of Mon 02-19 09:00: elapsed = 02-05…02-09 (5) + 02-18 + 02-19 = 7; remaining 5 − 7 = −2;
    // past the committed deadline since 02-10 → yellow; statutory remaining 20 − 7 = 13.
    const e = ev(
      { acceptedAt: '2024-02-04T10:00', committed: 5, statutory: 20 },
      '2024-02-19T09:00',
    );
    expect(brief(e)).toEqual({
      committedDue: '2024-02-09',
      statutoryDue: '2024-03-07',
      elapsed: 7,
      remaining: -2,
      suspended: 0,
      overdueDays: 2,
      onTime: null,
      early: null,
      late: null,
      level: 'yellow',
      levelSince: '2024-02-10',
    });
    expect(e.statutoryRemainingDays).toBe(13);
    expect(e.yellowSince).toBe(day('2024-02-10'));
    expect(e.redSince).toBeNull();
  });

  it('acceptance on a holiday (Mon 02-12): day 1 is the 调休 Sunday 02-18', () => {
    // Committed 3 (statutory absent → the same): day 1 = Sun 02-18, 2 = 02-19, 3 = 02-20 → due 02-20.
    // As of 02-19 18:00: elapsed 2 (02-18, 02-19), remaining 1 ≤ 2 and elapsed ≥ 1 → 预警, first
    // earned when elapsed reached max(1, 3 − 2) = 1, i.e. on day 1 = 02-18.
    const e = ev({ acceptedAt: '2024-02-12T15:00', committed: 3 }, '2024-02-19T18:00');
    expect(brief(e)).toEqual({
      committedDue: '2024-02-20',
      statutoryDue: '2024-02-20',
      elapsed: 2,
      remaining: 1,
      suspended: 0,
      overdueDays: 0,
      onTime: null,
      early: null,
      late: null,
      level: 'early-warning',
      levelSince: '2024-02-18',
    });
  });

  it('an early warning needs at least one counted day', () => {
    // Committed 2 accepted Fri 02-09; as of Sun 02-11 nothing is counted yet (holiday): elapsed 0,
    // remaining 2 → normal. Day 1 = 02-18 → then 预警.
    const a = ev({ acceptedAt: '2024-02-09T11:00', committed: 2 }, '2024-02-11T12:00');
    expect(a.elapsedDays).toBe(0);
    expect(a.remainingDays).toBe(2);
    expect(a.level).toBe('normal');
    const b = ev({ acceptedAt: '2024-02-09T11:00', committed: 2 }, '2024-02-18T12:00');
    expect(b.level).toBe('early-warning');
    expect(iso(b.committedDue)).toBe('2024-02-19');
  });

  it('即办件 accepted on the 调休 Sunday is due that same day', () => {
    // Limit 0, accepted 02-04 (working) → due end of 02-04. Completed 16:00 → on time, elapsed 0.
    const onTime = ev(
      { acceptedAt: '2024-02-04T11:00', committed: 0, completedAt: '2024-02-04T16:00' },
      '2024-03-01T00:00',
    );
    expect(brief(onTime)).toEqual({
      committedDue: '2024-02-04',
      statutoryDue: '2024-02-04',
      elapsed: 0,
      remaining: 0,
      suspended: 0,
      overdueDays: 0,
      onTime: true,
      early: false,
      late: false,
      level: 'normal',
      levelSince: null,
    });
    // Completed next morning 02-05: late by 1 working day; only one limit → statutory too → red
    // from 02-05 (the first day past 24:00 of 02-04).
    const late = ev(
      { acceptedAt: '2024-02-04T11:00', committed: 0, completedAt: '2024-02-05T09:00' },
      '2024-03-01T00:00',
    );
    expect(brief(late)).toMatchObject({
      elapsed: 1,
      remaining: -1,
      overdueDays: 1,
      onTime: false,
      late: true,
      level: 'red',
      levelSince: '2024-02-05',
    });
  });

  it('即办件 accepted on a holiday is due the next working day, with no early-warning stage', () => {
    // Accepted Mon 02-12 (holiday) → due 02-18 (the 调休 Sunday). As of 02-18 noon: elapsed 1,
    // remaining 0 (the due day is counted day 1), still normal: 即办件 have no 预警.
    const open = ev({ acceptedAt: '2024-02-12T10:00', committed: 0 }, '2024-02-18T12:00');
    expect(brief(open)).toMatchObject({
      committedDue: '2024-02-18',
      elapsed: 1,
      remaining: 0,
      level: 'normal',
    });
    // Just after midnight into 02-19: past the deadline → red (statutory = committed), since 02-19.
    const over = ev({ acceptedAt: '2024-02-12T10:00', committed: 0 }, '2024-02-19T00:00:01+08:00');
    expect(brief(over)).toMatchObject({
      elapsed: 2,
      remaining: -1,
      overdueDays: 1,
      level: 'red',
      levelSince: '2024-02-19',
    });
    // Completed on 02-18 → on time, not early.
    const done = ev(
      { acceptedAt: '2024-02-12T10:00', committed: 0, completedAt: '2024-02-18T17:00' },
      '2024-02-20T00:00',
    );
    expect(brief(done)).toMatchObject({ onTime: true, early: false, late: false, level: 'normal' });
  });
});

describe('2020 Spring Festival with the COVID extension (off 01-24…02-02, Mon 02-03 works)', () => {
  it('counts across the extended holiday', () => {
    // Accepted Wed 01-22. Committed 5: day 1 = Thu 01-23; 01-24…02-02 off (the original plan
    // would have had Fri 01-31 as a working day); 2 = Mon 02-03, 3 = 02-04, 4 = 02-05, 5 = 02-06.
    const e = ev({ acceptedAt: '2020-01-22T10:00', committed: 5 }, '2020-02-04T12:00');
    expect(brief(e)).toMatchObject({
      committedDue: '2020-02-06',
      elapsed: 3,
      remaining: 2,
      level: 'early-warning',
    });
    // 预警 first earned when elapsed reached 5 − 2 = 3, on day 3 = 02-04.
    expect(iso(e.levelSince)).toBe('2020-02-04');
  });

  it('a closed 补正 suspension: start day suspended, end day runs again', () => {
    // Same case with 补正 from 02-04 09:00 to 02-06 10:00 → suspended 02-04, 02-05 (02-06 runs).
    // Counted: 1 = 01-23, 2 = 02-03, 3 = 02-06, 4 = 02-07, 5 = Mon 02-10 → due 02-10.
    // Completed 02-10 15:00: elapsed = working days 01-23, 02-03…02-07, 02-10 = 7, minus 2
    // suspended = 5; on time, not early (5 < 5 is false), remaining 0.
    // Statutory 20, same suspended days: 1 = 01-23, 2 = 02-03, 3 = 02-06, 4 = 02-07,
    // 5…9 = 02-10…02-14, 10…14 = 02-17…02-21, 15…19 = 02-24…02-28, 20 = Mon 03-02.
    const e = ev(
      {
        acceptedAt: '2020-01-22T10:00',
        committed: 5,
        statutory: 20,
        completedAt: '2020-02-10T15:00',
        suspensions: [{ startAt: '2020-02-04T09:00', endAt: '2020-02-06T10:00' }],
      },
      '2020-03-01T00:00',
    );
    expect(brief(e)).toEqual({
      committedDue: '2020-02-10',
      statutoryDue: '2020-03-02',
      elapsed: 5,
      remaining: 0,
      suspended: 2,
      overdueDays: 0,
      onTime: true,
      early: false,
      late: false,
      level: 'normal',
      levelSince: null,
    });
  });
});

describe('2025 National Day (off 10-01…10-08; 09-28 Sun and 10-11 Sat worked)', () => {
  const spec: CaseSpec = { acceptedAt: '2025-09-29T16:00', committed: 2, statutory: 5 };

  it('yellow after the committed deadline, counting the 调休 Saturday', () => {
    // Accepted Mon 09-29. Committed 2: 1 = 09-30, 10-01…10-08 off, 2 = Thu 10-09 → due 10-09.
    // Statutory 5: 3 = 10-10, 4 = Sat 10-11, 5 = Mon 10-13 → due 10-13.
    // As of Sat 10-11 noon: elapsed 09-30, 10-09, 10-10, 10-11 = 4 → remaining −2, yellow since 10-10.
    const e = ev(spec, '2025-10-11T12:00');
    expect(brief(e)).toEqual({
      committedDue: '2025-10-09',
      statutoryDue: '2025-10-13',
      elapsed: 4,
      remaining: -2,
      suspended: 0,
      overdueDays: 2,
      onTime: null,
      early: null,
      late: null,
      level: 'yellow',
      levelSince: '2025-10-10',
    });
    expect(e.statutoryRemainingDays).toBe(1);
  });

  it('red after the statutory deadline; the yellow card stays on record', () => {
    // As of Tue 10-14 08:00: elapsed 4 + 10-13 + 10-14 = 6; statutory remaining 5 − 6 = −1 → red
    // since 10-14; yellow was earned 10-10.
    const e = ev(spec, '2025-10-14T08:00');
    expect(brief(e)).toMatchObject({
      elapsed: 6,
      remaining: -4,
      overdueDays: 4,
      level: 'red',
      levelSince: '2025-10-14',
    });
    expect(e.statutoryOverdueDays).toBe(1);
    expect(iso(e.yellowSince)).toBe('2025-10-10');
  });

  it('completed late but within the statutory limit stays yellow', () => {
    // Completed Sat 10-11 (a working day) → after 10-09 → late, yellow (not past statutory 10-13).
    const e = ev({ ...spec, completedAt: '2025-10-11T10:00' }, '2025-11-01T00:00');
    expect(brief(e)).toMatchObject({
      onTime: false,
      late: true,
      early: false,
      level: 'yellow',
      levelSince: '2025-10-10',
    });
  });

  it('a completion on a non-working day after the deadline is late with 0 working days overdue', () => {
    // Committed 1: day 1 = 09-30 → due 09-30. Completed 10-01 (holiday): after 24:00 of 09-30 → late;
    // elapsed = 1 (10-01 is not a working day), overdue working days 0.
    const e = ev(
      {
        acceptedAt: '2025-09-29T16:00',
        committed: 1,
        statutory: 5,
        completedAt: '2025-10-01T10:00',
      },
      '2025-10-20T00:00',
    );
    expect(brief(e)).toMatchObject({
      elapsed: 1,
      remaining: 0,
      overdueDays: 0,
      late: true,
      level: 'yellow',
      levelSince: '2025-10-01',
    });
  });
});

describe('2025 → 2026 New Year (off 2026-01-01…01-03; Sun 01-04 worked)', () => {
  it('uses the Shanghai date of an instant that is still the previous day in UTC', () => {
    // 2025-12-30T16:30Z = 2025-12-31 00:30 Shanghai (Wed). Day 1 = 01-04 (Sun, 调休),
    // 2 = 01-05, 3 = 01-06 → committed due 01-06. (Using the UTC date 12-30 would give 12-31 as
    // day 1 and 01-05 as due.) Statutory 10: 4 = 01-07, 5 = 01-08, 6 = 01-09, 7 = 01-12,
    // 8 = 01-13, 9 = 01-14, 10 = 01-15.
    // Completed 2026-01-06T16:30Z = 01-07 00:30 Shanghai → late by 1 working day (elapsed 01-04,
    // 01-05, 01-06, 01-07 = 4), yellow since 01-07.
    const e = ev(
      {
        acceptedAt: '2025-12-30T16:30:00Z',
        committed: 3,
        statutory: 10,
        completedAt: '2026-01-06T16:30:00Z',
      },
      '2026-02-01T00:00',
    );
    expect(brief(e)).toEqual({
      committedDue: '2026-01-06',
      statutoryDue: '2026-01-15',
      elapsed: 4,
      remaining: -1,
      suspended: 0,
      overdueDays: 1,
      onTime: false,
      early: false,
      late: true,
      level: 'yellow',
      levelSince: '2026-01-07',
    });
  });

  it('acceptance at Shanghai midnight on the 调休 Sunday of 2024 (+00 offset)', () => {
    // '2024-02-03 16:00:00+00' = Sun 2024-02-04 00:00 Shanghai. Committed 1: day 1 = Mon 02-05.
    // (The UTC date, Sat 02-03, would make the 调休 Sunday 02-04 day 1.)
    const e = ev({ acceptedAt: '2024-02-03 16:00:00+00', committed: 1 }, '2024-02-05T10:00');
    expect(iso(e.acceptedDay)).toBe('2024-02-04');
    expect(iso(e.committedDue)).toBe('2024-02-05');
    expect(e.elapsedDays).toBe(1);
  });
});

describe('suspensions (2024 Mid-Autumn: off 09-15…09-17, Sat 09-14 worked)', () => {
  it('an open suspension runs to and includes the as-of day', () => {
    // Accepted Tue 09-10. 鉴定 from Thu 09-12 14:00, still open as of Thu 09-19 10:00.
    // Working days (09-10, 09-19]: 11, 12, 13, 14(Sat), 18, 19 = 6; suspended 12, 13, 14, 18, 19 = 5;
    // elapsed 1. Deadline: 1 = 09-11; suspension [09-12, 09-20); 2 = 09-20, 3 = 09-23,
    // 4 = 09-24, 5 = 09-25 → due 09-25 (as of now; it moves while the suspension runs).
    const e = ev(
      {
        acceptedAt: '2024-09-10T10:00',
        committed: 5,
        statutory: 10,
        suspensions: [{ kind: '鉴定', startAt: '2024-09-12T14:00' }],
      },
      '2024-09-19T10:00',
    );
    expect(brief(e)).toMatchObject({
      committedDue: '2024-09-25',
      elapsed: 1,
      suspended: 5,
      remaining: 4,
      level: 'normal',
    });
    expect(e.suspensionOverrun).toBe(false);
  });

  it('approvedDays caps a suspension; the overrun counts and is flagged', () => {
    // Same, approvedDays 2 → only 09-12, 09-13 suspended; overrun = 09-14, 09-18, 09-19 = 3.
    // Elapsed 6 − 2 = 4. Due: 1 = 09-11, 2 = 09-14, 3 = 09-18, 4 = 09-19, 5 = 09-20.
    // Remaining 1 → 预警, earned on counted day 5 − 2 = 3 = 09-18.
    const e = ev(
      {
        acceptedAt: '2024-09-10T10:00',
        committed: 5,
        statutory: 10,
        suspensions: [{ kind: '鉴定', startAt: '2024-09-12T14:00', approvedDays: 2 }],
      },
      '2024-09-19T10:00',
    );
    expect(brief(e)).toMatchObject({
      committedDue: '2024-09-20',
      elapsed: 4,
      suspended: 2,
      remaining: 1,
      level: 'early-warning',
      levelSince: '2024-09-18',
    });
    expect(e.suspensionOverrunDays).toBe(3);
    expect(e.suspensionOverrun).toBe(true);
  });

  it('overlapping suspensions count a day once', () => {
    // S1 09-11…09-13 suspends 11, 12; S2 09-12…09-19 suspends 12, 13, 14, 18 → union 11, 12, 13,
    // 14, 18 = 5. Completed Fri 09-20: working (09-10, 09-20] = 7, elapsed 2.
    // Due: 1 = 09-19, 2 = 09-20, 3 = 09-23, 4 = 09-24, 5 = 09-25. Early (2 < 5), on time.
    const e = ev(
      {
        acceptedAt: '2024-09-10T10:00',
        committed: 5,
        completedAt: '2024-09-20T10:00',
        suspensions: [
          { startAt: '2024-09-12T09:00', endAt: '2024-09-19T09:00', kind: '专家评审' },
          { startAt: '2024-09-11T09:00', endAt: '2024-09-13T09:00' },
        ],
      },
      '2024-10-01T00:00',
    );
    expect(brief(e)).toEqual({
      committedDue: '2024-09-25',
      statutoryDue: '2024-09-25',
      elapsed: 2,
      remaining: 3,
      suspended: 5,
      overdueDays: 0,
      onTime: true,
      early: true,
      late: false,
      level: 'normal',
      levelSince: null,
    });
  });

  it('a suspension that starts before acceptance only counts from day 1', () => {
    // Suspension 09-09…09-12 with acceptance 09-10: suspends 09-11 only (09-12 runs).
    // Due with committed 2: 1 = 09-12, 2 = 09-13.
    const e = ev(
      {
        acceptedAt: '2024-09-10T10:00',
        committed: 2,
        suspensions: [{ startAt: '2024-09-09T10:00', endAt: '2024-09-12T08:00' }],
      },
      '2024-09-12T12:00',
    );
    expect(brief(e)).toMatchObject({ committedDue: '2024-09-13', suspended: 1, elapsed: 1 });
  });

  it('ignores what has not happened by the as-of instant', () => {
    // Completed 09-20 but evaluated as of 09-13: still open; the suspension from 09-18 is future.
    const e = ev(
      {
        acceptedAt: '2024-09-10T10:00',
        committed: 5,
        completedAt: '2024-09-20T10:00',
        suspensions: [{ startAt: '2024-09-18T09:00', endAt: '2024-09-19T09:00' }],
      },
      '2024-09-13T12:00',
    );
    // Elapsed 09-11, 12, 13 = 3; due 1 = 09-11 … 5 = 09-18 (Wed; 09-14 Sat is 4) → remaining 2.
    expect(brief(e)).toMatchObject({
      onTime: null,
      elapsed: 3,
      remaining: 2,
      committedDue: '2024-09-18',
      level: 'early-warning',
    });
  });
});

describe('申请天数 overrun of a suspension started before acceptance (2025 New Year: off Wed 01-01)', () => {
  // Accepted Wed 2025-01-01 00:00 (元旦, a holiday; not counted anyway). Suspension from
  // Tue 2024-12-31 23:59:59.999, still open. Working days: Tue 12-31, Thu 01-02, Fri 01-03,
  // Mon 01-06, Tue 01-07, Wed 01-08, Thu 01-09 (2025 has no 调休 in early January).
  const base = (approvedDays: number, committed = 5): CaseSpec => ({
    acceptedAt: '2025-01-01T00:00:00+08:00',
    committed,
    suspensions: [{ startAt: '2024-12-31T23:59:59.999+08:00', approvedDays }],
  });

  it('regression: as of acceptance, a pre-acceptance day is not an overrun day', () => {
    // approvedDays 0: nothing is suspended. The only working day of the suspension so far is
    // 12-31, before acceptance, which never counts — so no overrun (the bug counted 1).
    const e = ev(base(0), '2025-01-01T00:00:00+08:00');
    expect(e.suspensionOverrunDays).toBe(0);
    expect(e.suspensionOverrun).toBe(false);
    expect(brief(e)).toMatchObject({
      committedDue: '2025-01-08', // 1 = 01-02, 2 = 01-03, 3 = 01-06, 4 = 01-07, 5 = 01-08
      elapsed: 0,
      suspended: 0,
      remaining: 5,
      level: 'normal',
    });
  });

  it('regression: overrun counts only the days after the acceptance day', () => {
    // As of Fri 01-03: overrun = 01-02, 01-03 = 2 (the bug counted 3, with 12-31); both count
    // against the clock: elapsed 2, remaining 3.
    const e = ev(base(0), '2025-01-03T12:00:00+08:00');
    expect(e.suspensionOverrunDays).toBe(2);
    expect(e.suspensionOverrun).toBe(true);
    expect(brief(e)).toMatchObject({ elapsed: 2, suspended: 0, remaining: 3 });
  });

  it('approvedDays are not spent before acceptance: the allowance starts on day 1', () => {
    // The clock would not run on 12-31 (before acceptance) nor on 01-01 (the acceptance day, a
    // holiday), so neither spends the allowance (DOMAIN.md clarification on 申请天数).
    // approvedDays 1: spent on 01-02 (day 1); overrun as of 01-03 = 01-03 = 1. Elapsed 1 (01-03).
    // Due: 1 = 01-03, 2 = 01-06, 3 = 01-07, 4 = 01-08, 5 = 01-09.
    const one = ev(base(1), '2025-01-03T12:00:00+08:00');
    expect(one.suspensionOverrunDays).toBe(1);
    expect(brief(one)).toMatchObject({ elapsed: 1, suspended: 1, committedDue: '2025-01-09' });
    // approvedDays 2: spent on 01-02 and 01-03; no overrun yet, elapsed 0.
    // Due: 1 = 01-06, 2 = 01-07, 3 = 01-08, 4 = 01-09, 5 = 01-10.
    const two = ev(base(2), '2025-01-03T12:00:00+08:00');
    expect(two.suspensionOverrunDays).toBe(0);
    expect(two.suspensionOverrun).toBe(false);
    expect(brief(two)).toMatchObject({ elapsed: 0, suspended: 2, committedDue: '2025-01-10' });
  });
});

describe('申请天数 of a suspension starting on the acceptance day (2024 National Day)', () => {
  // Accepted Mon 2024-09-30 10:00, the last working day before 国庆 (off 10-01…10-07; Sat 10-12
  // worked). A 补正 suspension starts at acceptance, approvedDays 2, never closed.
  // Working days after acceptance: Tue 10-08, Wed 10-09, Thu 10-10, Fri 10-11, Sat 10-12 (调休),
  // Mon 10-14, Tue 10-15.
  // The acceptance day is never counted, so it does not spend the allowance: the 2 approved days
  // are 10-08 and 10-09; from 10-10 on the clock runs again (overrun).
  // Committed 5: 1 = 10-10, 2 = 10-11, 3 = 10-12, 4 = 10-14, 5 = 10-15 → due 10-15.
  // (The bug spent one approved day on 09-30: 10-08 only was suspended and the case was due
  // 10-14, one working day early.)
  const spec = (completedAt: string | null): CaseSpec => ({
    acceptedAt: '2024-09-30T10:00',
    committed: 5,
    completedAt,
    suspensions: [{ kind: '补正', startAt: '2024-09-30T10:00', approvedDays: 2 }],
  });

  it('open on Tue 10-15: due that day, not overdue', () => {
    // Elapsed 10-10, 10-11, 10-12, 10-14, 10-15 = 5, remaining 0 → 预警 (earned when elapsed
    // reached 5 − 2 = 3, on 10-12). Overrun = the same 5 days.
    const e = ev(spec(null), '2024-10-15T12:00');
    expect(brief(e)).toMatchObject({
      committedDue: '2024-10-15',
      statutoryDue: '2024-10-15',
      elapsed: 5,
      suspended: 2,
      remaining: 0,
      overdueDays: 0,
      level: 'early-warning',
      levelSince: '2024-10-12',
    });
    expect(e.suspensionOverrunDays).toBe(5);
    expect(e.suspensionOverrun).toBe(true);
  });

  it('completed on Tue 10-15: on time (the bug made it late)', () => {
    // The suspension ends with the case on 10-15 (worked): overrun 10-10, 10-11, 10-12, 10-14 = 4.
    const e = ev(spec('2024-10-15T16:00'), '2024-10-31T00:00');
    expect(brief(e)).toMatchObject({
      committedDue: '2024-10-15',
      elapsed: 5,
      suspended: 2,
      onTime: true,
      early: false,
      late: false,
      level: 'normal',
    });
    expect(e.suspensionOverrunDays).toBe(4);
  });
});

describe('explicit deadline (dueAt)', () => {
  // Accepted Mon 2024-02-05; dueAt 2024-02-08T10:00Z = Thu 02-08 18:00 Shanghai.
  const base: CaseSpec = { acceptedAt: '2024-02-05T09:00', dueAt: '2024-02-08T10:00:00Z' };

  it('compares at the instant: completion exactly at dueAt is on time, one second later is late', () => {
    const onTime = ev({ ...base, completedAt: '2024-02-08T18:00:00+08:00' }, '2024-03-01T00:00');
    expect(onTime.onTime).toBe(true);
    expect(onTime.level).toBe('normal');
    // Completed 02-08: elapsed 02-06, 02-07, 02-08 = 3, remaining 0 → not early.
    expect(onTime.early).toBe(false);
    const late = ev({ ...base, completedAt: '2024-02-08T18:00:01+08:00' }, '2024-03-01T00:00');
    expect(late.late).toBe(true);
    // No statutory limit → statutory = dueAt too → red, earned on 02-08.
    expect(late.level).toBe('red');
    expect(iso(late.levelSince)).toBe('2024-02-08');
    expect(late.overdueDays).toBe(0);
  });

  it('open past the instant is overdue; a statutory limit gives its own deadline', () => {
    // Statutory 20 from 02-05: 02-06…02-09 (4), 02-18…02-23 (10), 02-26…03-01 (15),
    // 03-04…03-08 (20) → 03-08.
    const e = ev({ ...base, statutory: 20 }, '2024-02-08T18:30');
    expect(e.overdue).toBe(true);
    expect(e.level).toBe('yellow');
    expect(iso(e.levelSince)).toBe('2024-02-08');
    expect(e.committedDueAt).toBe(at('2024-02-08T18:00'));
    expect(iso(e.committedDue)).toBe('2024-02-08');
    expect(iso(e.statutoryDue)).toBe('2024-03-08');
    expect(e.statutoryDueAt).toBeNull();
    expect(e.elapsedDays).toBe(3);
    expect(e.remainingDays).toBe(0);
  });

  it('early warning against the due date', () => {
    // As of Wed 02-07 09:00: elapsed 2 (02-06, 02-07), remaining working days to 02-08 = 1 → 预警,
    // first held on 02-06 (remaining 2, elapsed 1).
    const e = ev(base, '2024-02-07T09:00');
    expect(brief(e)).toMatchObject({
      elapsed: 2,
      remaining: 1,
      level: 'early-warning',
      levelSince: '2024-02-06',
    });
    // Completed 02-07: one working day ahead → early.
    const done = ev({ ...base, completedAt: '2024-02-07T12:00' }, '2024-03-01T00:00');
    expect(done.early).toBe(true);
  });
});

describe('calendar coverage', () => {
  it('flags results that depend on days outside the calendar data', () => {
    const inside = ev({ acceptedAt: '2026-12-01T09:00', committed: 5 }, '2026-12-02T09:00');
    expect(inside.usesUncoveredDates).toBe(false);
    // Committed 5 from Mon 2026-12-28: 12-29, 12-30, 12-31, 2027-01-01 (Fri, fallback), 01-04.
    const outside = ev({ acceptedAt: '2026-12-28T09:00', committed: 5 }, '2026-12-29T09:00');
    expect(iso(outside.committedDue)).toBe('2027-01-04');
    expect(outside.usesUncoveredDates).toBe(true);
  });

  it('works with a calendar that has no data at all (Mon–Fri)', () => {
    const e = evaluateCase(
      mkCase({ acceptedAt: '2024-02-09T09:00', committed: 1 }),
      at('2024-02-12T09:00'),
      createCalendar([]),
    );
    expect(iso(e.committedDue)).toBe('2024-02-12');
  });
});
