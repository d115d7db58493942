/**
 * The service's alert index (server/views/alert-index.ts) must answer every query exactly as the
 * naive path does: filter every row, sort, slice. Random filters, sorts and pages on a demo city,
 * each asked twice (the second answer comes from the cached order and match set).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { parsePeriod, periodRange } from '../../../src/domain/period/period';
import {
  ALERT_LEVELS,
  ALERT_SORT_KEYS,
  NO_ALERT_FILTER,
  alertCounts,
  filterAlerts,
  sortAlerts,
  type AlertFilter,
  type AlertSort,
} from '../../../src/engine/alerts';
import { computeDashboard, type DashboardModel } from '../../../src/engine/dashboard';
import { indexDataset, type Dataset } from '../../../src/engine/dataset';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/engine/settings';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';
import { alertPage } from '../../../server/views/alert-index';
import { namesOf } from '../../../server/views/alerts';

const city = generateDemoCity({ seed: 3, cases: 4000, asOf: '2026-09-30' });
const dataset: Dataset = {
  departments: parseRecords('departments', city.departments, parseDepartment).accepted,
  items: parseRecords('items', city.items, parseServiceItem).accepted,
  cases: parseRecords('cases', city.cases, parseCase).accepted,
  caseEvents: parseRecords('case-events', city.caseEvents, parseCaseEvent).accepted,
  evaluations: [],
  tasks: [],
};
const model = computeDashboard(
  indexDataset(dataset),
  DEFAULT_ENGINE_SETTINGS,
  Date.parse('2026-09-30T23:59:59+08:00'),
);
/**
 * The demo city as of its last day has few open alerts (most cases are closed), so a second model
 * re-levels its rows (every level, open and closed, many ties in each sort key) to test the index
 * on thousands of alerts.
 */
const LEVELS = ['red', 'yellow', 'early-warning', 'normal'] as const;
const wide: DashboardModel = {
  ...model,
  rows: model.rows.map((r, i) => ({
    ...r,
    completed: i % 7 === 0,
    level: LEVELS[(i * 5) % 4]!,
    elapsedDays: i % 13,
    remainingDays: (i % 11) - 5,
    statutoryRemainingDays: (i % 17) - 8,
    suspendedDays: i % 3,
  })),
};
const deptIds = [...new Set(model.rows.map((r) => r.departmentId))];
const scoped: DashboardModel = {
  ...wide,
  rows: wide.rows.filter((r) => r.departmentId === deptIds[0] || r.departmentId === deptIds[1]),
  departments: wide.departments.filter((d) => d.id === deptIds[0] || d.id === deptIds[1]),
};

function option<T>(values: readonly T[]): fc.Arbitrary<T | null> {
  return fc.oneof(fc.constant(null), fc.constantFrom(...values));
}

const filterArb: fc.Arbitrary<AlertFilter> = fc.record({
  levels: fc.subarray([...ALERT_LEVELS]),
  departmentId: option(deptIds),
  itemCode: option([...new Set(model.rows.map((r) => r.itemCode))].slice(0, 30)),
  channel: option(['窗口', '网上'] as const),
  query: fc.constantFrom('', '1', '23', ' 0 ', 'X', '-2026'),
  accepted: fc
    .constantFrom(null, '2026Q3', '2026Q2', '2026-09', '2026')
    .map((p) => (p === null ? null : periodRange(parsePeriod(p)!))),
});

const sortArb: fc.Arbitrary<AlertSort> = fc.record({
  key: fc.constantFrom(...ALERT_SORT_KEYS),
  order: fc.constantFrom('asc' as const, 'desc' as const),
});

describe('alertPage', () => {
  it('has alerts of every level to test against', () => {
    const counts = alertCounts(filterAlerts(wide.rows, NO_ALERT_FILTER));
    expect(counts.red).toBeGreaterThan(500);
    expect(counts.yellow).toBeGreaterThan(500);
    expect(counts.earlyWarning).toBeGreaterThan(500);
    expect(alertCounts(filterAlerts(model.rows, NO_ALERT_FILTER)).total).toBeGreaterThan(0);
  });

  it('equals a naive filter + sort + slice for random filters, sorts and pages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(model, wide, scoped),
        filterArb,
        sortArb,
        fc.oneof(fc.nat(120), fc.nat(3000)),
        fc.integer({ min: 1, max: 60 }),
        (m, filter, sort, start, count) => {
          const names = namesOf(m);
          const naive = sortAlerts(filterAlerts(m.rows, filter), sort, names);
          const expected = {
            counts: alertCounts(naive),
            ids: naive.slice(start, start + count).map((r) => r.id),
          };
          for (let round = 0; round < 2; round++) {
            const page = alertPage(m, names, filter, sort, start, count);
            expect({ counts: page.counts, ids: page.rows.map((r) => r.id) }).toEqual(expected);
          }
          const all = alertPage(m, names, filter, sort, 0, Number.POSITIVE_INFINITY);
          expect(all.rows).toEqual(naive);
        },
      ),
      { numRuns: 300 },
    );
  });
});
