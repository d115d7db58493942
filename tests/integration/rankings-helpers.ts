/**
 * Test helpers for the rankings page: the test city's dataset parsed exactly as the service
 * parses it (schema parsers at the boundary), and the ranking computed directly with
 * `rankQuarter`, to compare the page, its chart and its exports against.
 */
import { serviceMock, testDataset } from '../setup/feed-fixture';
import { indexDataset, type IndexedDataset } from '../../src/engine/dataset';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../src/engine/settings';
import { parseRecords } from '../../src/feeds/result';
import { parseCase } from '../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseEvaluation } from '../../src/feeds/schemas/evaluation';

/** The test config's as-of: end of 2026-09-30 in Asia/Shanghai (asOfInstant's rule). */
export const TEST_AS_OF_MS = Date.parse('2026-09-30T23:59:59+08:00');

export const Q3 = { kind: 'quarter', year: 2026, quarter: 3 } as const;

let cached: IndexedDataset | null = null;

/** The 400-case test city, parsed and indexed. */
export function testIndexed(): IndexedDataset {
  cached ??= indexDataset({
    departments: parseRecords('departments', testDataset.departments, parseDepartment).accepted,
    items: [],
    cases: parseRecords('cases', testDataset.cases, parseCase).accepted,
    caseEvents: parseRecords('case-events', testDataset.caseEvents, parseCaseEvent).accepted,
    evaluations: parseRecords('evaluations', testDataset.evaluations, parseEvaluation).accepted,
    tasks: [],
  });
  return cached;
}

/**
 * The 400-case test city has no department with 30 counted cases in a quarter, so tests lower
 * the minimum volume (on the mock service, as an administrator would) to get a ranking.
 */
export function useTestRankingSettings(minCountedCases = 3): EngineSettings {
  const settings: EngineSettings = {
    ...DEFAULT_ENGINE_SETTINGS,
    ranking: { ...DEFAULT_ENGINE_SETTINGS.ranking, minCountedCases },
  };
  serviceMock.setSettings(settings);
  return settings;
}
