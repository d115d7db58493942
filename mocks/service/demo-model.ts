/**
 * The demo city evaluated the way the service evaluates it: the feed records parsed with the feed
 * schemas, indexed, and run through the engine's computeDashboard with the default settings, as of
 * the end of the dataset's as-of day. Mock handlers answer from this, with the service's own view
 * functions, so a test sees the numbers the real service would serve for the same city.
 */
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../src/engine/settings';
import { computeDashboard, type DashboardModel } from '../../src/engine/dashboard';
import { indexDataset, type IndexedDataset } from '../../src/engine/dataset';
import { parseRecords } from '../../src/feeds/result';
import { parseCase } from '../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseEvaluation } from '../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../src/feeds/schemas/supervision-task';
import type { DemoDataset } from '../demo-city';

export interface DemoEvaluation {
  dataset: IndexedDataset;
  model: DashboardModel;
  settings: EngineSettings;
  settingsVersion: number;
  asOfMs: number;
  /** When the demo's "last sync" happened (ISO). */
  syncedAt: string;
}

/** Evaluates a demo dataset as of the end of its as-of day (Asia/Shanghai). */
export function evaluateDemo(
  demo: DemoDataset,
  settings: EngineSettings = DEFAULT_ENGINE_SETTINGS,
  settingsVersion = 1,
): DemoEvaluation {
  const dataset = indexDataset({
    departments: parseRecords('departments', demo.departments, parseDepartment).accepted,
    items: parseRecords('items', demo.items, parseServiceItem).accepted,
    cases: parseRecords('cases', demo.cases, parseCase).accepted,
    caseEvents: parseRecords('case-events', demo.caseEvents, parseCaseEvent).accepted,
    evaluations: parseRecords('evaluations', demo.evaluations, parseEvaluation).accepted,
    tasks: parseRecords('tasks', demo.tasks, parseSupervisionTask).accepted,
  });
  const asOfMs = Date.parse(`${demo.asOf}T23:59:59+08:00`);
  return {
    dataset,
    model: computeDashboard(dataset, settings, asOfMs),
    settings,
    settingsVersion,
    asOfMs,
    syncedAt: demo.serverTime,
  };
}
