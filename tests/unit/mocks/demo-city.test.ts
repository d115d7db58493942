import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../src/domain/calendar/official';
import { dayFromIso, shanghaiDayOf } from '../../../src/domain/calendar/day';
import { evaluateCase } from '../../../src/domain/time-limit/evaluate';
import { parseInstant } from '../../../src/domain/time-limit/instant';
import { parseRecords, type RecordParser } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../../src/feeds/schemas/supervision-task';
import { createDemoCity, generateDemoCity, summarizeDataset } from '../../../mocks/demo-city';
import { WorkingTimeline } from '../../../mocks/demo-city/clock';

const AS_OF = '2026-09-30';
const dataset = generateDemoCity({ seed: 1, cases: 3000, asOf: AS_OF });

describe('demo city vs the feed contract (drift test)', () => {
  const feeds: ReadonlyArray<readonly [string, readonly unknown[], RecordParser<unknown>]> = [
    ['departments', dataset.departments, parseDepartment],
    ['items', dataset.items, parseServiceItem],
    ['cases', dataset.cases, parseCase],
    ['case-events', dataset.caseEvents, parseCaseEvent],
    ['evaluations', dataset.evaluations, parseEvaluation],
    ['tasks', dataset.tasks, parseSupervisionTask],
  ];
  it.each(feeds)('every %s record passes the schema', (resource, records, parse) => {
    const result = parseRecords(resource, records, parse);
    expect(result.rejected.slice(0, 3)).toEqual([]);
    expect(result.accepted).toHaveLength(records.length);
    expect(records.length).toBeGreaterThan(0);
  });

  it('references resolve: departments, items, cases', () => {
    const departments = new Set(dataset.departments.map((d) => d.id));
    const items = new Map(dataset.items.map((i) => [i.code, i]));
    const cases = new Set(dataset.cases.map((c) => c.id));
    expect(cases.size).toBe(dataset.cases.length);
    for (const d of dataset.departments)
      if (d.parentId !== null) expect(departments).toContain(d.parentId);
    for (const c of dataset.cases) {
      expect(items.get(c.itemCode)?.departmentId).toBe(c.departmentId);
      expect(c.statutoryLimitDays).toBe(items.get(c.itemCode)?.statutoryLimitDays);
    }
    for (const e of dataset.caseEvents) {
      expect(cases).toContain(e.caseId);
      expect(departments).toContain(e.departmentId);
    }
    for (const e of dataset.evaluations) expect(cases).toContain(e.caseId);
    for (const t of dataset.tasks) {
      expect(departments).toContain(t.leadDepartmentId);
      for (const co of t.coDepartmentIds) expect(departments).toContain(co);
    }
  });
});

describe('determinism', () => {
  it('the same seed gives the same city, byte for byte', () => {
    const again = generateDemoCity({ seed: 1, cases: 3000, asOf: AS_OF });
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
  });

  it('another seed gives another city', () => {
    const other = generateDemoCity({ seed: 2, cases: 3000, asOf: AS_OF });
    expect(JSON.stringify(other.cases)).not.toBe(JSON.stringify(dataset.cases));
  });

  it('streaming and materialising agree, and a case does not depend on the volume', () => {
    const streamed = [...createDemoCity({ seed: 1, cases: 3000, asOf: AS_OF }).cases()].map(
      (b) => b.case,
    );
    expect(streamed).toEqual(dataset.cases);
  });
});

describe('a believable city', () => {
  const cal = officialCalendar();
  const asOfDay = dayFromIso(AS_OF);

  it('has ~40 departments of three kinds and ~300 items, mostly compressed by ≥ 1/3', () => {
    expect(dataset.departments.length).toBeGreaterThanOrEqual(38);
    expect(dataset.departments.length).toBeLessThanOrEqual(45);
    expect(new Set(dataset.departments.map((d) => d.kind))).toEqual(
      new Set(['市直部门', '区县', '乡镇街道']),
    );
    expect(dataset.departments.map((d) => d.name)).toContain('市场监督管理局');
    expect(dataset.items.length).toBeGreaterThanOrEqual(270);
    expect(dataset.items.length).toBeLessThanOrEqual(330);
    const withLimit = dataset.items.filter((i) => i.committedLimitDays > 0);
    const compressed = withLimit.filter(
      (i) => i.committedLimitDays <= (i.statutoryLimitDays * 2) / 3,
    );
    expect(compressed.length / withLimit.length).toBeGreaterThan(0.6);
    expect(dataset.items.some((i) => i.committedLimitDays === 0)).toBe(true);
  });

  it('puts everything inside six quarters up to the as-of day, and completions on working days', () => {
    expect(dataset.periodStart).toBe('2025-04-01');
    for (const c of dataset.cases) {
      const accepted = shanghaiDayOf(parseInstant(c.acceptedAt) ?? Number.NaN);
      expect(accepted).toBeGreaterThanOrEqual(dayFromIso('2025-04-01'));
      expect(accepted).toBeLessThanOrEqual(asOfDay);
      if (c.completedAt !== null) {
        const day = shanghaiDayOf(parseInstant(c.completedAt) ?? Number.NaN);
        expect(day).toBeLessThanOrEqual(asOfDay);
        expect(cal.isWorkingDay(day)).toBe(true);
      }
      expect(c.updatedAt <= dataset.serverTime).toBe(true);
    }
  });

  it('shows the patterns the dashboard is built to find', () => {
    const s = summarizeDataset(dataset);
    expect(s.rejected).toBe(0);
    expect(s.onTimeShare).toBeGreaterThan(0.9);
    expect(s.onTimeShare).toBeLessThan(0.995);
    expect(s.redCards).toBeGreaterThan(0);
    expect(s.yellowCards).toBeGreaterThan(0);
    expect(s.flags['repeated-correction']).toBeGreaterThan(0);
    expect(s.flags['suspension-overrun']).toBeGreaterThan(0);
    expect(s.flags.stall).toBeGreaterThan(0);
    const completed = dataset.cases.filter((c) => c.status === '办结').length;
    expect(dataset.evaluations.length / completed).toBeGreaterThan(0.5);
    expect(dataset.evaluations.length / completed).toBeLessThan(0.7);
    expect(s.goodShare).toBeGreaterThan(0.8);
    expect(s.badReviews).toBeGreaterThan(0);
    expect(s.rectifiedInTimeShare).toBeLessThan(1);
    expect(new Set(dataset.tasks.map((t) => t.source)).size).toBe(6);
    expect(dataset.tasks.length).toBeGreaterThanOrEqual(140);
    expect(s.milestonesLate).toBeGreaterThan(0);
    // The chronically slow departments (住建, 自然资源和规划) are slower than the rest of the city.
    const asOfMs = parseInstant(dataset.serverTime) ?? 0;
    const late = { slow: 0, slowDone: 0, other: 0, otherDone: 0 };
    for (const raw of dataset.cases) {
      const parsed = parseCase(raw);
      if (!parsed.ok) continue;
      const ev = evaluateCase(parsed.value, asOfMs, cal);
      if (!ev.completed) continue;
      const slow = raw.departmentId === 'D12' || raw.departmentId === 'D10';
      if (slow) late.slowDone++;
      else late.otherDone++;
      if (ev.late === true) {
        if (slow) late.slow++;
        else late.other++;
      }
    }
    expect(late.slow / late.slowDone).toBeGreaterThan((2 * late.other) / late.otherDone);
  });

  it('lays positions on the official calendar (day 1 is the first working day after acceptance)', () => {
    const timeline = new WorkingTimeline(cal);
    // Accepted on Saturday 2026-09-26 (中秋 holiday): day 1 is Monday 09-28, day 3 Wednesday 09-30,
    // and day 4 skips the National Day holiday (10-01 … 10-07) to Thursday 10-08.
    const a = dayFromIso('2026-09-26');
    const r1 = timeline.firstRank(a);
    expect(timeline.dayAt(a, r1, 1)).toBe(dayFromIso('2026-09-28'));
    expect(timeline.dayAt(a, r1, 4)).toBe(dayFromIso('2026-10-08'));
    for (const t of [1, 2, 3, 4, 10])
      expect(timeline.dayAt(a, r1, t)).toBe(cal.addWorkingDays(a, t));
  });

  it('rejects a bad as-of date and a negative volume with readable errors', () => {
    expect(() => generateDemoCity({ asOf: '2026-02-30' })).toThrow(/as-of/);
    expect(() => generateDemoCity({ asOf: AS_OF, cases: -1 })).toThrow(/cases must be/);
  });
});
