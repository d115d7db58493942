import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shanghaiDayOf } from '../../../src/domain/calendar';
import {
  acceptedIdleRule,
  flagCase,
  flagDepartmentDeadlineRush,
  inactionOverdueRule,
  overlongSuspensionRule,
  repeatedCorrectionRule,
  stallRule,
  suspensionOverrunRule,
  type CaseStepInput,
  type EvaluatedCase,
  type SlowActionThresholds,
} from '../../../src/domain/slow-action';
import { evaluateCase, SuspendedIntervals, type CaseInput } from '../../../src/domain/time-limit';
import { at, cal } from './helpers';

const DAY = 86_400_000;
const BASE = at('2025-01-01 00:00');
const STEP_NAMES = ['受理', '审查', '审核', '审批', '办结'] as const;
const KINDS = ['补正', '补正', '听证', '鉴定'] as const;

interface Scenario {
  c: CaseInput;
  steps: CaseStepInput[];
  asOfMs: number;
}

/** Random cases inside the calendar's official years, with steps and suspensions. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    acc: fc.integer({ min: 0, max: 500 * DAY }),
    limit: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
    extraStatutory: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    dueOffset: fc.integer({ min: 0, max: 40 * DAY }),
    completedOffset: fc.option(fc.integer({ min: 0, max: 90 * DAY }), { nil: null }),
    asOfOffset: fc.integer({ min: -2 * DAY, max: 120 * DAY }),
    stepGaps: fc.array(fc.integer({ min: 0, max: 15 * DAY }), { maxLength: 5 }),
    lastStepOpen: fc.boolean(),
    sus: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        startOffset: fc.integer({ min: -3 * DAY, max: 60 * DAY }),
        length: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: null }),
        approved: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    const acceptedAt = BASE + r.acc;
    const steps: CaseStepInput[] = [];
    let t = acceptedAt;
    r.stepGaps.forEach((gap, i) => {
      const enteredAt = t;
      t += gap;
      const open = i === r.stepGaps.length - 1 && r.lastStepOpen;
      steps.push({
        step: STEP_NAMES[i % STEP_NAMES.length] ?? '审查',
        enteredAt,
        leftAt: open ? null : t,
      });
    });
    const c: CaseInput = {
      id: 'p1',
      departmentId: 'd1',
      acceptedAt,
      committedLimitDays: r.limit,
      statutoryLimitDays:
        r.limit === null || r.extraStatutory === null ? null : r.limit + r.extraStatutory,
      completedAt: r.completedOffset === null ? null : acceptedAt + r.completedOffset,
      suspensions: r.sus.map((s) => ({
        kind: s.kind,
        startAt: acceptedAt + s.startOffset,
        endAt: s.length === null ? null : acceptedAt + s.startOffset + s.length,
        approvedDays: s.approved,
      })),
      dueAt: r.limit === null ? acceptedAt + r.dueOffset : null,
    };
    return { c, steps, asOfMs: acceptedAt + r.asOfOffset };
  });

const thresholdsArb: fc.Arbitrary<SlowActionThresholds> = fc.record({
  stallDays: fc.integer({ min: 0, max: 8 }),
  stallShareOfCommitted: fc.double({ min: 0, max: 1.5, noNaN: true }),
  acceptedIdleDays: fc.integer({ min: 0, max: 6 }),
  maxCorrections: fc.integer({ min: 0, max: 3 }),
  overlongSuspensionFactor: fc.double({ min: 0, max: 3, noNaN: true }),
  inactionOverdueDays: fc.integer({ min: 0, max: 10 }),
  deadlineRushShare: fc.double({ min: 0, max: 1, noNaN: true }),
  deadlineRushMinLimitDays: fc.integer({ min: 0, max: 5 }),
  deadlineRushMinCompleted: fc.integer({ min: 0, max: 30 }),
});

const raiseArb = fc.record({
  stallDays: fc.integer({ min: 0, max: 3 }),
  stallShareOfCommitted: fc.double({ min: 0, max: 1, noNaN: true }),
  acceptedIdleDays: fc.integer({ min: 0, max: 3 }),
  maxCorrections: fc.integer({ min: 0, max: 2 }),
  overlongSuspensionFactor: fc.double({ min: 0, max: 1, noNaN: true }),
  inactionOverdueDays: fc.integer({ min: 0, max: 3 }),
});

function codes(s: Scenario, t?: SlowActionThresholds): string[] {
  const ev = evaluateCase(s.c, s.asOfMs, cal);
  return flagCase(s.c, ev, s.steps, s.asOfMs, cal, t).map((f) => f.code);
}

describe('slow-action properties', () => {
  it('raising a case-level threshold never adds a flag', () => {
    fc.assert(
      fc.property(scenarioArb, thresholdsArb, raiseArb, (s, t, d) => {
        const higher: SlowActionThresholds = {
          ...t,
          stallDays: t.stallDays + d.stallDays,
          stallShareOfCommitted: t.stallShareOfCommitted + d.stallShareOfCommitted,
          acceptedIdleDays: t.acceptedIdleDays + d.acceptedIdleDays,
          maxCorrections: t.maxCorrections + d.maxCorrections,
          overlongSuspensionFactor: t.overlongSuspensionFactor + d.overlongSuspensionFactor,
          inactionOverdueDays: t.inactionOverdueDays + d.inactionOverdueDays,
        };
        const before = codes(s, t);
        for (const code of codes(s, higher)) expect(before).toContain(code);
      }),
      { numRuns: 400 },
    );
  });

  it('a completed case never gets 滞留 or 超期未办结', () => {
    fc.assert(
      fc.property(scenarioArb, thresholdsArb, (s, t) => {
        const ev = evaluateCase(s.c, s.asOfMs, cal);
        fc.pre(ev.completed);
        const got = flagCase(s.c, ev, s.steps, s.asOfMs, cal, t).map((f) => f.code);
        expect(got).not.toContain('stall');
        expect(got).not.toContain('inaction-overdue');
      }),
      { numRuns: 300 },
    );
  });

  it('flagCase is exactly the individual rules, and step order does not matter', () => {
    const rules = [
      stallRule,
      acceptedIdleRule,
      repeatedCorrectionRule,
      overlongSuspensionRule,
      suspensionOverrunRule,
      inactionOverdueRule,
    ];
    fc.assert(
      fc.property(scenarioArb, thresholdsArb, (s, t) => {
        const ev = evaluateCase(s.c, s.asOfMs, cal);
        const all = flagCase(s.c, ev, s.steps, s.asOfMs, cal, t);
        const one = rules
          .map((r) => r(s.c, ev, s.steps, s.asOfMs, cal, t))
          .filter((f) => f !== null);
        expect(all).toEqual(one);
        const reversed = flagCase(s.c, ev, [...s.steps].reverse(), s.asOfMs, cal, t);
        expect(reversed).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it('every flag is earned on or before the as-of day, and after acceptance for time-based rules', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ev = evaluateCase(s.c, s.asOfMs, cal);
        const asOfDay = shanghaiDayOf(s.asOfMs);
        for (const f of flagCase(s.c, ev, s.steps, s.asOfMs, cal)) {
          expect(f.sinceDay).toBeLessThanOrEqual(asOfDay);
          expect(f.caseId).toBe('p1');
          // 补正 notices may date from before acceptance (一次告知 is about the notices, not the
          // clock); every other rule — 申请天数 overruns included — counts from day 1.
          if (f.code !== 'repeated-correction') {
            expect(f.sinceDay).toBeGreaterThan(ev.acceptedDay);
          }
          expect(f.explanation.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('returns one shared, frozen empty array when nothing is flagged', () => {
    const s: Scenario = {
      c: {
        id: 'x',
        departmentId: 'd1',
        acceptedAt: at('2025-09-01 09:00'),
        committedLimitDays: 20,
        statutoryLimitDays: null,
        completedAt: null,
        suspensions: [],
        dueAt: null,
      },
      steps: [{ step: '审查', enteredAt: at('2025-09-01 10:00'), leftAt: null }],
      asOfMs: at('2025-09-02 09:00'),
    };
    const ev = evaluateCase(s.c, s.asOfMs, cal);
    const a = flagCase(s.c, ev, s.steps, s.asOfMs, cal);
    const b = flagCase(s.c, ev, s.steps, s.asOfMs, cal);
    expect(a).toHaveLength(0);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('counts suspended and overrun days exactly as evaluateCase does', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const iv = new SuspendedIntervals().load(s.c, s.asOfMs, cal);
        // evaluateCase (with its own instance) in between must not disturb this one.
        const ev = evaluateCase(s.c, s.asOfMs, cal);
        evaluateCase({ ...s.c, suspensions: [] }, s.asOfMs, cal);
        expect(iv.acceptedDay).toBe(ev.acceptedDay);
        expect(iv.endDay).toBe(ev.endDay);
        expect(iv.completed).toBe(ev.completed);
        expect(iv.suspendedIn(ev.acceptedDay, ev.endDay)).toBe(ev.suspendedDays);
        expect(iv.countedIn(ev.acceptedDay, ev.endDay)).toBe(ev.elapsedDays);
        expect(iv.overrunDays).toBe(ev.suspensionOverrunDays);
        expect(iv.overrunDays > 0).toBe(ev.suspensionOverrun);
        if (iv.overrunDays > 0) {
          // The first overrun day is a working day after acceptance, known by the end day.
          const first = iv.overrunFirstDay as number;
          expect(first).toBeGreaterThan(ev.acceptedDay);
          expect(first).toBeLessThanOrEqual(ev.endDay);
          expect(cal.isWorkingDay(first)).toBe(true);
          expect(iv.overrunSuspensions).toBeGreaterThanOrEqual(1);
          expect(s.c.suspensions[iv.overrunIndex]?.approvedDays).not.toBeNull();
        } else {
          expect(iv.overrunFirstDay).toBeNull();
          expect(iv.overrunIndex).toBe(-1);
          expect(iv.overrunSuspensions).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('临期突击: raising the share or the minimum sample never adds the flag', () => {
    const deptArb = fc.array(
      fc.record({ limit: fc.integer({ min: 0, max: 8 }), off: fc.integer({ min: -3, max: 3 }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        deptArb,
        thresholdsArb,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.nat(10),
        (rows, t, ds, dn) => {
          const asOf = at('2025-12-31 12:00');
          const cases: EvaluatedCase[] = rows.map((r, i) => {
            const base: CaseInput = {
              id: `c${i}`,
              departmentId: 'd1',
              acceptedAt: at('2025-09-01 09:00'),
              committedLimitDays: r.limit,
              statutoryLimitDays: null,
              completedAt: null,
              suspensions: [],
              dueAt: null,
            };
            const due = evaluateCase(base, asOf, cal).committedDue;
            const c = {
              ...base,
              completedAt:
                at('2025-09-01 12:00') + (due - shanghaiDayOf(base.acceptedAt) + r.off) * DAY,
            };
            return { c, ev: evaluateCase(c, asOf, cal) };
          });
          const higher = {
            ...t,
            deadlineRushShare: Math.min(1, t.deadlineRushShare + ds),
            deadlineRushMinCompleted: t.deadlineRushMinCompleted + dn,
          };
          if (flagDepartmentDeadlineRush('d1', cases, undefined, higher) !== null) {
            expect(flagDepartmentDeadlineRush('d1', cases, undefined, t)).not.toBeNull();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
