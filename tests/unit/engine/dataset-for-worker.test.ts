/**
 * The dataset posted to the workers is trimmed (step records reduced to four fields, no tasks,
 * evaluations only for the ranking). Trimming must never change a figure: the dashboard model and
 * the ranking computed from the trimmed dataset equal those from the full one.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { computeDashboard } from '../../../src/engine/dashboard';
import { datasetForWorker, indexDataset, type Dataset } from '../../../src/engine/dataset';
import { rankQuarter } from '../../../src/engine/ranking';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/engine/settings';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../../src/feeds/schemas/supervision-task';

const city = generateDemoCity({ seed: 7, cases: 1500, asOf: '2026-09-30' });
const full: Dataset = {
  departments: parseRecords('departments', city.departments, parseDepartment).accepted,
  items: parseRecords('items', city.items, parseServiceItem).accepted,
  cases: parseRecords('cases', city.cases, parseCase).accepted,
  caseEvents: parseRecords('case-events', city.caseEvents, parseCaseEvent).accepted,
  evaluations: parseRecords('evaluations', city.evaluations, parseEvaluation).accepted,
  tasks: parseRecords('tasks', city.tasks, parseSupervisionTask).accepted,
};
const asOfMs = Date.parse('2026-09-30T23:59:59+08:00');

describe('datasetForWorker', () => {
  it('drops what the workers do not read', () => {
    const slim = datasetForWorker(full, { evaluations: false });
    expect(slim.tasks).toEqual([]);
    expect(slim.evaluations).toEqual([]);
    expect(slim.caseEvents).toHaveLength(full.caseEvents.length);
    expect(slim.caseEvents[0]?.handler).toBe('');
  });

  it('leaves the dashboard model unchanged', () => {
    const a = computeDashboard(indexDataset(full), DEFAULT_ENGINE_SETTINGS, asOfMs);
    const b = computeDashboard(
      indexDataset(datasetForWorker(full, { evaluations: false })),
      DEFAULT_ENGINE_SETTINGS,
      asOfMs,
    );
    expect(b.rows).toEqual(a.rows);
    expect(b.flags).toEqual(a.flags);
    expect(b.deadlineRush).toEqual(a.deadlineRush);
    expect(b.items).toEqual(a.items);
    expect(a.flags.length).toBeGreaterThan(0);
  });

  it('leaves the ranking unchanged', () => {
    const q = { kind: 'quarter', year: 2026, quarter: 3 } as const;
    const a = rankQuarter(indexDataset(full), q, { asOfMs });
    const b = rankQuarter(indexDataset(datasetForWorker(full, { evaluations: true })), q, {
      asOfMs,
    });
    expect(b).toEqual(a);
  });
});
