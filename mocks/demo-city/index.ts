/**
 * The deterministic demo city: a believable prefecture-level city's departments, service items,
 * cases, step records, evaluations and supervision tasks, in the feed contract's shapes.
 */
export {
  createDemoCity,
  DEFAULT_CASE_COUNT,
  generateDemoCity,
  QUARTERS,
  type DemoCity,
  type DemoCityOptions,
  type DemoDataset,
} from './generate';
export type { CaseBundle } from './cases';
export { shanghaiToday } from './clock';
export { CITY_NAME } from './catalog';
export {
  formatSummary,
  summarizeCaseStream,
  summarizeDataset,
  summarizeDemoCity,
  type DemoSummary,
} from './summary';
