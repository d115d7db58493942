/**
 * The case page finds a case's evaluated row through the records' position index (one map for
 * record and row, issue 17's memory): whatever the model's layout, it must show the case's own
 * row — the service's model has a row per case at the case's position, a model without revoked
 * cases or the mock's does not.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { casePage, casePageIndexes } from '../../../src/engine/case-page';
import { computeDashboard, type DashboardModel } from '../../../src/engine/dashboard';
import { indexDataset } from '../../../src/engine/dataset';
import { calendarFor, DEFAULT_ENGINE_SETTINGS } from '../../../src/engine/settings';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';

const asOfMs = Date.parse('2026-09-30T23:59:59+08:00');
const city = generateDemoCity({ seed: 3, cases: 300, asOf: '2026-09-30' });
const dataset = indexDataset({
  departments: parseRecords('departments', city.departments, parseDepartment).accepted,
  items: parseRecords('items', city.items, parseServiceItem).accepted,
  cases: parseRecords('cases', city.cases, parseCase).accepted,
  caseEvents: parseRecords('case-events', city.caseEvents, parseCaseEvent).accepted,
  evaluations: [],
  tasks: [],
});
const model = computeDashboard(dataset, DEFAULT_ENGINE_SETTINGS, asOfMs);
const calendar = calendarFor(DEFAULT_ENGINE_SETTINGS);
const page = (m: DashboardModel, id: string) =>
  casePage({ model: m, dataset, asOfMs, calendar }, id);

// As the API sends it (the timeline's axis carries functions, new per call).
const sent = (m: DashboardModel, id: string): string => JSON.stringify(page(m, id));

describe('case page lookups', () => {
  const ids = dataset.cases.map((c) => c.id);
  const some = [ids[0], ids[1], ids[150], ids[ids.length - 1]].filter((id) => id !== undefined);

  it('show each case its own row, its record and its steps in time order', () => {
    for (const id of some) {
      const p = page(model, id);
      expect(p?.caseId).toBe(id);
      expect(p?.evaluation.id).toBe(id);
      const own = city.caseEvents.filter((e) => e.caseId === id);
      expect(p?.steps.map((s) => s.id).sort()).toEqual(own.map((e) => e.id).sort());
      const entered = p?.steps.map((s) => s.enteredAt) ?? [];
      expect(entered).toEqual([...entered].sort((a, b) => a - b));
    }
  });

  it('show the same page when the rows are in another order or some are left out', () => {
    const reversed = { ...model, rows: [...model.rows].reverse() };
    const withoutFirst = { ...model, rows: model.rows.slice(1) };
    for (const id of some) expect(sent(reversed, id)).toBe(sent(model, id));
    for (const id of some.slice(1)) expect(sent(withoutFirst, id)).toBe(sent(model, id));
    expect(page(withoutFirst, ids[0] ?? '')).toBeNull();
    expect(page(model, 'no-such-case')).toBeNull();
  });

  it('build an index of the rows only for a model not laid out per case', () => {
    const input = { model, dataset, asOfMs, calendar };
    const shorter = { ...input, model: { ...model, rows: model.rows.slice(1) } };
    expect(casePageIndexes(shorter).length).toBe(casePageIndexes(input).length + 1);
  });
});

describe('case page flags', () => {
  it("lists exactly the case's own flags, in the model's order", () => {
    const flagged = [...new Set(model.flags.flatMap((f) => (f.caseId === null ? [] : [f.caseId])))];
    // Several flagged cases (3 in this city): each page shows its own flags, none of another's.
    expect(flagged.length).toBeGreaterThan(1);
    for (const id of flagged)
      expect(page(model, id)?.flags).toEqual(model.flags.filter((f) => f.caseId === id));
    const quiet = dataset.cases.find((c) => !flagged.includes(c.id));
    expect(quiet).toBeDefined();
    expect(page(model, quiet?.id ?? '')?.flags).toEqual([]);
  });
});
