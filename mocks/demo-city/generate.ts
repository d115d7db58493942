/**
 * The demo city as a dataset in the feed's (wire) shapes: `generateDemoCity` materialises it (the
 * browser demo, msw handlers and tests, ~50k cases); `createDemoCity` exposes the cases as a lazy
 * stream so the demo-data CLI can write a million cases without holding them in memory.
 */
import { officialCalendar } from '../../src/domain/calendar/official';
import { civilFromDay, dayFromCivil, type DayIndex } from '../../src/domain/calendar/day';
import type { CaseEventWire } from '../../src/feeds/schemas/case-event';
import type { CaseWire } from '../../src/feeds/schemas/case';
import type { DepartmentWire } from '../../src/feeds/schemas/department';
import type { EvaluationWire } from '../../src/feeds/schemas/evaluation';
import type { ServiceItemWire } from '../../src/feeds/schemas/service-item';
import type { SupervisionTaskWire } from '../../src/feeds/schemas/supervision-task';
import { createCaseContext, generateCase, type CaseBundle } from './cases';
import { buildCity, departmentsWire, itemsWire } from './city';
import { instantAt, IsoFormatter, parseAsOf } from './clock';
import { generateTasks } from './tasks';

/** Generator knobs. */
export interface DemoCityOptions {
  /** Seed of every random choice (default 1). */
  seed?: number;
  /** Number of cases (default 50 000; up to a million or more for benchmarks). */
  cases?: number;
  /** The as-of date `YYYY-MM-DD` (Asia/Shanghai): nothing happens after the end of this day. */
  asOf: string;
}

/** Default number of cases. */
export const DEFAULT_CASE_COUNT = 50_000;

/** Number of quarters generated, ending with the as-of date's quarter. */
export const QUARTERS = 6;

/** The whole demo city in the feed's shapes. */
export interface DemoDataset {
  /** The as-of date `YYYY-MM-DD`. */
  asOf: string;
  /** The server clock the demo feed reports (the end of the as-of day, +08:00). */
  serverTime: string;
  /** First day of the generated period `YYYY-MM-DD` (start of the first of six quarters). */
  periodStart: string;
  seed: number;
  departments: DepartmentWire[];
  items: ServiceItemWire[];
  cases: CaseWire[];
  caseEvents: CaseEventWire[];
  evaluations: EvaluationWire[];
  tasks: SupervisionTaskWire[];
}

/** The city with its cases as a stream (for large volumes). */
export interface DemoCity extends Omit<DemoDataset, 'cases' | 'caseEvents' | 'evaluations'> {
  caseCount: number;
  /**
   * Yields every case with its events and evaluation, in order; can be iterated again. With a
   * range, only the cases at positions [from, to) — the same as those of the whole stream, since
   * each case is derived from (seed, position) alone (lets worker threads share the generation).
   */
  cases(from?: number, to?: number): Generator<CaseBundle>;
}

/** First day of the quarter `n` quarters before the one containing `day`. */
function quarterStart(day: DayIndex, quartersBack: number): DayIndex {
  const { year, month } = civilFromDay(day);
  const q = Math.floor((month - 1) / 3) - quartersBack;
  const y = year + Math.floor(q / 4);
  const qq = ((q % 4) + 4) % 4;
  return dayFromCivil(y, qq * 3 + 1, 1);
}

function checkOptions(options: DemoCityOptions): {
  seed: number;
  cases: number;
  asOfDay: DayIndex;
} {
  const seed = options.seed ?? 1;
  const cases = options.cases ?? DEFAULT_CASE_COUNT;
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`种子必须是整数 (seed must be an integer, got ${seed})`);
  if (!Number.isSafeInteger(cases) || cases < 0) {
    throw new RangeError(
      `办件数必须是非负整数 (cases must be a non-negative integer, got ${cases})`,
    );
  }
  return { seed, cases, asOfDay: parseAsOf(options.asOf) };
}

/** Builds the city and a lazy stream of its cases. Deterministic: same options, same city. */
export function createDemoCity(options: DemoCityOptions): DemoCity {
  const { seed, cases, asOfDay } = checkOptions(options);
  const cal = officialCalendar();
  const periodStart = quarterStart(asOfDay, QUARTERS - 1);
  const city = buildCity(seed, periodStart, asOfDay);
  const fmt = new IsoFormatter();
  // The catalog was published a few weeks before the period; departments have not changed since.
  const publishedAt = fmt.format(instantAt(periodStart - 20, 9 * 60));
  const serverTime = fmt.format(instantAt(asOfDay, 23 * 60 + 59, 59));
  const tasks = generateTasks(seed, city, cal, periodStart, asOfDay, fmt);
  const ctx = createCaseContext(seed, cases, cal, city, periodStart, asOfDay);
  return {
    asOf: options.asOf,
    serverTime,
    periodStart: fmt.format(instantAt(periodStart, 0)).slice(0, 10),
    seed,
    departments: departmentsWire(city, publishedAt),
    items: itemsWire(city, publishedAt, (day) => fmt.format(instantAt(day, 8 * 60 + 30))),
    tasks,
    caseCount: cases,
    *cases(from = 0, to = cases) {
      for (let i = Math.max(0, from); i < Math.min(to, cases); i++) yield generateCase(ctx, i);
    },
  };
}

/** Generates the whole demo city in memory (fine up to a few hundred thousand cases). */
export function generateDemoCity(options: DemoCityOptions): DemoDataset {
  const city = createDemoCity(options);
  const cases: CaseWire[] = [];
  const caseEvents: CaseEventWire[] = [];
  const evaluations: EvaluationWire[] = [];
  for (const bundle of city.cases()) {
    cases.push(bundle.case);
    for (const event of bundle.events) caseEvents.push(event);
    if (bundle.evaluation !== null) evaluations.push(bundle.evaluation);
  }
  return {
    asOf: city.asOf,
    serverTime: city.serverTime,
    periodStart: city.periodStart,
    seed: city.seed,
    departments: city.departments,
    items: city.items,
    cases,
    caseEvents,
    evaluations,
    tasks: city.tasks,
  };
}
