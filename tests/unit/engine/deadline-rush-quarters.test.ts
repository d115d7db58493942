/**
 * The model's 临期突击 per quarter picks each quarter's completed cases in one pass instead of
 * running the rule over every case once per quarter (issue 17: seven passes over 1M cases after
 * every incremental sync). The flags must be exactly the rule's over all cases: the same flags
 * with the same evidence, in the rule's order (each department's first appearance).
 */
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { periodRange, parsePeriod } from '../../../src/domain/period/period';
import { flagDeadlineRushByDepartment } from '../../../src/domain/slow-action';
import { computeDashboard } from '../../../src/engine/dashboard';
import { indexDataset } from '../../../src/engine/dataset';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../../src/engine/settings';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';

const city = generateDemoCity({ seed: 11, cases: 4000, asOf: '2026-09-30' });
const ds = indexDataset({
  departments: parseRecords('departments', city.departments, parseDepartment).accepted,
  items: parseRecords('items', city.items, parseServiceItem).accepted,
  cases: parseRecords('cases', city.cases, parseCase).accepted,
  caseEvents: [],
  evaluations: [],
  tasks: [],
});
// A low bar, so that most quarters flag several departments and their order is tested.
const settings: EngineSettings = {
  ...DEFAULT_ENGINE_SETTINGS,
  slowAction: {
    ...DEFAULT_ENGINE_SETTINGS.slowAction,
    deadlineRushShare: 0.05,
    deadlineRushMinCompleted: 2,
  },
};

describe('computeDashboard deadlineRush', () => {
  it('equals the rule run over every case for each quarter', () => {
    const model = computeDashboard(
      ds,
      settings,
      Date.parse('2026-09-30T23:59:59+08:00'),
      undefined,
      {
        keep: true,
      },
    );
    const all = model.reuse?.rush ?? [];
    expect(model.deadlineRush.length).toBeGreaterThan(3);
    let flagged = 0;
    for (const q of model.deadlineRush) {
      const period = parsePeriod(q.quarter);
      if (period === null) throw new Error(`not a quarter: ${q.quarter}`);
      const expected = flagDeadlineRushByDepartment(all, periodRange(period), settings.slowAction);
      expect(q.flags).toEqual(expected);
      flagged += q.flags.length;
    }
    expect(flagged).toBeGreaterThan(10);
  });
});
