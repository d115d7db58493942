import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCalendar,
  dayFromIso,
  isoFromDay,
  MS_PER_DAY,
  officialCalendar,
  officialHolidayFiles,
  shanghaiDayOf,
  weekdayOf,
} from '../../../src/domain/calendar';
import { evaluateCase, type CaseInput, type SuspensionInput } from '../../../src/domain/time-limit';
import { referenceEvaluate } from './reference';

const cal = officialCalendar();
// Acceptance from mid-2006 to mid-2027 so cases cross both ends of the calendar's coverage.
const LO = Date.UTC(2006, 5, 1);
const HI = Date.UTC(2027, 5, 1);
const HOUR = 3_600_000;
// FC_SCALE=20 npx vitest … runs every property 20× longer (for a deeper local check).
const SCALE = Number(process.env['FC_SCALE'] ?? '1');

const suspensionArb = (acceptedAt: number): fc.Arbitrary<SuspensionInput> =>
  fc
    .record({
      startOffset: fc.integer({ min: -5 * 24, max: 60 * 24 }),
      length: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: null }),
      approvedDays: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      kind: fc.constantFrom('补正', '鉴定', '听证', '专家评审'),
    })
    .map(({ startOffset, length, approvedDays, kind }) => {
      const startAt = acceptedAt + startOffset * HOUR;
      return {
        kind,
        startAt,
        endAt: length === null ? null : startAt + length * HOUR,
        approvedDays,
      };
    });

const caseArb: fc.Arbitrary<CaseInput> = fc.integer({ min: LO, max: HI }).chain((acceptedAt) =>
  fc
    .record({
      committed: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 5 }),
      extra: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      completedAfterH: fc.option(fc.integer({ min: 0, max: 120 * 24 }), { nil: null }),
      dueAfterH: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null, freq: 4 }),
      suspensions: fc.array(suspensionArb(acceptedAt), { maxLength: 3 }),
    })
    .map(({ committed, extra, completedAfterH, dueAfterH, suspensions }) => {
      // At least one limit unless dueAt is given; committed ≤ statutory.
      let c = committed;
      let st = committed === null ? extra : extra === null ? null : committed + extra;
      if (c === null && st === null && dueAfterH === null) c = 5;
      if (c === null && st === null && dueAfterH === null) st = 5;
      return {
        id: 'p',
        departmentId: 'd',
        acceptedAt,
        committedLimitDays: c,
        statutoryLimitDays: st,
        completedAt: completedAfterH === null ? null : acceptedAt + completedAfterH * HOUR,
        suspensions,
        dueAt: dueAfterH === null ? null : acceptedAt + dueAfterH * HOUR,
      };
    }),
);

const asOfArb = (c: CaseInput): fc.Arbitrary<number> =>
  fc.integer({ min: -2 * 24, max: 150 * 24 }).map((h) => c.acceptedAt + h * HOUR + 1234);

const withAsOf = caseArb.chain((c) => asOfArb(c).map((asOf) => ({ c, asOf })));

describe('calendar properties', () => {
  const dayArb = fc.integer({ min: dayFromIso('2005-01-01'), max: dayFromIso('2028-12-31') });

  it('agrees with the raw State Council data on every listed date, and Mon–Fri elsewhere', () => {
    const listed = new Map<number, boolean>();
    for (const f of officialHolidayFiles)
      for (const d of f.days) listed.set(dayFromIso(d.date), !d.isOffDay);
    for (const [d, working] of listed) expect(cal.isWorkingDay(d), isoFromDay(d)).toBe(working);
    fc.assert(
      fc.property(dayArb, (d) => {
        const w = weekdayOf(d);
        expect(cal.isWorkingDay(d)).toBe(listed.get(d) ?? (w >= 1 && w <= 5));
      }),
      { numRuns: 3000 * SCALE },
    );
  });

  // The official calendar, and one with a gap year (2025 missing) as an administrator might load.
  const calendars = [
    ['official', cal],
    [
      '2024 + 2026 only',
      createCalendar(officialHolidayFiles.filter((f) => f.year === 2024 || f.year === 2026)),
    ],
  ] as const;

  it.each(calendars)('countWorkingDays equals a day-by-day count (%s)', (_name, c) => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -60, max: 400 }), (a, len) => {
        let k = 0;
        for (let d = a + 1; d <= a + len; d++) if (c.isWorkingDay(d)) k++;
        for (let d = a + len + 1; d <= a; d++) if (c.isWorkingDay(d)) k--;
        expect(c.countWorkingDays(a, a + len)).toBe(k);
        let u = 0;
        for (let d = a; d <= a + len; d++) if (!c.isCovered(d)) u++;
        expect(c.uncoveredDaysBetween(a, a + len)).toBe(u);
      }),
      { numRuns: 2000 * SCALE },
    );
  });

  it('addWorkingDays lands on a working day exactly n counted days away', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -300, max: 300 }), (d, n) => {
        const r = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        if (n > 0) {
          expect(r).toBeGreaterThan(d);
          expect(cal.countWorkingDays(d, r)).toBe(n);
        } else if (n < 0) {
          expect(r).toBeLessThan(d);
          expect(cal.countWorkingDays(r - 1, d - 1)).toBe(-n);
        } else {
          expect(r).toBeGreaterThanOrEqual(d);
          expect(cal.countWorkingDays(d - 1, r)).toBe(1);
        }
      }),
      { numRuns: 3000 * SCALE },
    );
  });
});

describe('time-limit properties', () => {
  it('matches the naive day-by-day reference model', () => {
    fc.assert(
      fc.property(withAsOf, ({ c, asOf }) => {
        const got = evaluateCase(c, asOf, cal);
        const want = referenceEvaluate(c, asOf, cal);
        expect({
          committedDue: got.committedDue,
          statutoryDue: got.statutoryDue,
          elapsedDays: got.elapsedDays,
          suspendedDays: got.suspendedDays,
          remainingDays: got.remainingDays,
          overdueDays: got.overdueDays,
          onTime: got.onTime,
          early: got.early,
          level: got.level,
          levelSince: got.levelSince,
          suspensionOverrunDays: got.suspensionOverrunDays,
        }).toEqual(want);
      }),
      { numRuns: 3000 * SCALE },
    );
  });

  it('a limit-based deadline is a working day, never before day 1 (except 即办件 on a working acceptance day)', () => {
    fc.assert(
      fc.property(withAsOf, ({ c, asOf }) => {
        const e = evaluateCase(c, asOf, cal);
        if (c.dueAt !== null) return;
        expect(cal.isWorkingDay(e.committedDue)).toBe(true);
        expect(cal.isWorkingDay(e.statutoryDue)).toBe(true);
        expect(e.committedDue).toBeGreaterThanOrEqual(e.acceptedDay);
        if (e.committedLimitDays !== 0) expect(e.committedDue).toBeGreaterThan(e.acceptedDay);
        expect(e.statutoryDue).toBeGreaterThanOrEqual(e.committedDue);
      }),
      { numRuns: 2000 * SCALE },
    );
  });

  it('elapsed never decreases as the as-of instant moves later', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: -48, max: 3000 }),
        fc.integer({ min: 0, max: 2000 }),
        (c, h, dh) => {
          const t1 = c.acceptedAt + h * HOUR;
          const t2 = t1 + dh * HOUR;
          expect(evaluateCase(c, t2, cal).elapsedDays).toBeGreaterThanOrEqual(
            evaluateCase(c, t1, cal).elapsedDays,
          );
        },
      ),
      { numRuns: 2000 * SCALE },
    );
  });

  it('adding a suspension never moves a deadline earlier nor increases elapsed', () => {
    fc.assert(
      fc.property(
        withAsOf.chain(({ c, asOf }) => suspensionArb(c.acceptedAt).map((s) => ({ c, asOf, s }))),
        ({ c, asOf, s }) => {
          const before = evaluateCase(c, asOf, cal);
          const after = evaluateCase({ ...c, suspensions: [...c.suspensions, s] }, asOf, cal);
          expect(after.committedDue).toBeGreaterThanOrEqual(before.committedDue);
          expect(after.statutoryDue).toBeGreaterThanOrEqual(before.statutoryDue);
          expect(after.elapsedDays).toBeLessThanOrEqual(before.elapsedDays);
          expect(after.suspendedDays).toBeGreaterThanOrEqual(before.suspendedDays);
        },
      ),
      { numRuns: 2000 * SCALE },
    );
  });

  it('is consistent with itself: remaining, overdue, on time / late, levels', () => {
    fc.assert(
      fc.property(withAsOf, ({ c, asOf }) => {
        const e = evaluateCase(c, asOf, cal);
        expect(e.elapsedDays).toBeGreaterThanOrEqual(0);
        expect(e.suspendedDays).toBeGreaterThanOrEqual(0);
        expect(e.overdueDays).toBe(Math.max(0, -e.remainingDays));
        if (c.dueAt === null && e.committedLimitDays !== null && e.committedLimitDays > 0) {
          expect(e.remainingDays).toBe(e.committedLimitDays - e.elapsedDays);
        }
        if (e.overdueDays > 0) expect(e.overdue).toBe(true);
        if (e.completed) {
          expect(e.onTime).toBe(!e.late);
          if (e.early) expect(e.onTime).toBe(true);
        } else {
          expect([e.onTime, e.early, e.late]).toEqual([null, null, null]);
        }
        expect(e.level === 'red').toBe(e.statutoryOverdue);
        expect(e.level === 'yellow').toBe(e.overdue && !e.statutoryOverdue);
        expect(e.levelSince === null).toBe(e.level === 'normal');
        if (e.level === 'early-warning') {
          expect(e.completed).toBe(false);
          expect(e.elapsedDays).toBeGreaterThanOrEqual(1);
          expect(e.remainingDays).toBeLessThanOrEqual(2);
        }
        if (e.levelSince !== null)
          expect(e.levelSince).toBeLessThanOrEqual(Math.max(shanghaiDayOf(asOf), e.endDay));
        expect(e.redSince === null).toBe(!e.statutoryOverdue);
      }),
      { numRuns: 3000 * SCALE },
    );
  });

  it('does not depend on the hour of acceptance within a Shanghai day', () => {
    fc.assert(
      fc.property(withAsOf, fc.integer({ min: 0, max: MS_PER_DAY - 1 }), ({ c, asOf }, msInDay) => {
        if (c.suspensions.length > 0 || c.dueAt !== null || c.completedAt !== null) return;
        const dayStart = shanghaiDayOf(c.acceptedAt) * MS_PER_DAY - 8 * HOUR;
        const moved = { ...c, acceptedAt: dayStart + msInDay };
        const a = evaluateCase(c, Math.max(asOf, dayStart + MS_PER_DAY), cal);
        const b = evaluateCase(moved, Math.max(asOf, dayStart + MS_PER_DAY), cal);
        expect(b.committedDue).toBe(a.committedDue);
        expect(b.elapsedDays).toBe(a.elapsedDays);
      }),
      { numRuns: 1000 * SCALE },
    );
  });
});
