/**
 * One pass over a dataset for one ranking window: every case is evaluated once at the window's
 * instant, counted cases get their facts and slow-action flags, and evaluations given in the
 * period (and 差评 whose rectification window closes in it) are attributed to their case's
 * department. `rankQuarter`, `rankHistory` and
 * `rankingEvidence` all count through this function, so they cannot disagree.
 */
import {
  officialCalendar,
  shanghaiDayOf,
  shanghaiStartOfDay,
  type DayIndex,
  type WorkingCalendar,
} from '../domain/calendar';
import {
  addBadReview,
  addCase,
  addDepartmentFlag,
  addEvaluation,
  badReviewJudgedIn,
  badReviewStatus,
  BAD_REVIEW_MAX_LEVEL,
  caseRankingFacts,
  countedAs,
  DEFAULT_RANKING_SETTINGS,
  emptyTally,
  instantInWindow,
  type BadReviewStatus,
  type CaseRankingFacts,
  type RankingSettings,
  type RankingTally,
  type RankingWindow,
} from '../domain/ranking';
import {
  DEFAULT_SLOW_ACTION_THRESHOLDS,
  flagCase,
  flagDeadlineRushByDepartment,
  isRevokedFlag,
  type EvaluatedCase,
  type SlowActionFlag,
  type SlowActionThresholds,
} from '../domain/slow-action';
import { evaluateCase, type CaseEvaluation } from '../domain/time-limit';
import type { CaseRecord } from '../feeds/schemas/case';
import type { Evaluation } from '../feeds/schemas/evaluation';
import { stepsOf, type IndexedDataset } from './dataset';

/** Options shared by the ranking entry points. */
export interface RankingOptions {
  /** Judge as of this instant when it is earlier than the quarter's end (a running quarter). */
  asOfMs?: number;
  /** Weights, minimum volume, rectification window (default: DOMAIN.md's). */
  settings?: RankingSettings;
  /** Slow-action thresholds for 慢作为率 and 临期突击 (default: DOMAIN.md's). */
  slowActionThresholds?: SlowActionThresholds;
  /** Working-day calendar (default: the bundled official one). */
  calendar?: WorkingCalendar;
  /**
   * Cases whose card was revoked on appeal (督办): they leave the case scan — counted cases, every
   * time-limit indicator and their slow-action flags. Default: none.
   */
  excludedCaseIds?: ReadonlySet<string>;
  /**
   * Case-level slow-action flags revoked on appeal (督办), as `caseFlagKey`s: the case still
   * counts, that flag no longer adds to 慢作为率. Default: none.
   */
  excludedFlags?: ReadonlySet<string>;
  /**
   * Department-level slow-action flags from outside the case rules (a 督办 notice past its
   * response deadline), as department id → the days they arose; each day in the window adds one
   * flag to 慢作为率's numerator. Default: none.
   */
  extraSlowActionFlags?: ReadonlyMap<string, readonly DayIndex[]>;
}

/** Options with every default filled in. */
export interface ResolvedRankingOptions {
  asOfMs: number | undefined;
  settings: RankingSettings;
  thresholds: SlowActionThresholds;
  cal: WorkingCalendar;
  excludedCaseIds: ReadonlySet<string>;
  excludedFlags: ReadonlySet<string>;
  extraSlowActionFlags: ReadonlyMap<string, readonly DayIndex[]>;
}

const NO_CASES: ReadonlySet<string> = new Set();
const NO_FLAGS: ReadonlyMap<string, readonly DayIndex[]> = new Map();

/** Fill in the defaults. */
export function resolveRankingOptions(o: RankingOptions = {}): ResolvedRankingOptions {
  return {
    asOfMs: o.asOfMs,
    settings: o.settings ?? DEFAULT_RANKING_SETTINGS,
    thresholds: o.slowActionThresholds ?? DEFAULT_SLOW_ACTION_THRESHOLDS,
    cal: o.calendar ?? officialCalendar(),
    excludedCaseIds: o.excludedCaseIds ?? NO_CASES,
    excludedFlags: o.excludedFlags ?? NO_CASES,
    extraSlowActionFlags: o.extraSlowActionFlags ?? NO_FLAGS,
  };
}

/** Called for each counted case during a scan (drill-down). */
export type CaseVisitor = (
  c: CaseRecord,
  ev: CaseEvaluation,
  facts: CaseRankingFacts,
  flags: readonly SlowActionFlag[],
) => void;

/**
 * Called for each evaluation on a known case that counts in the period (drill-down): given in
 * it (`givenInPeriod`, 好评率), or a 差评 whose rectification window closes in it (`bad` is then
 * its status for 差评整改率; `null` otherwise), or both.
 */
export type EvaluationVisitor = (
  e: Evaluation,
  departmentId: string,
  givenInPeriod: boolean,
  bad: BadReviewStatus | null,
) => void;

/** What a scan returns. */
export interface QuarterScan {
  /** Tallies by department id, for every department with a counted case or an evaluation. */
  tallies: Map<string, RankingTally>;
  /** Completed counted cases with their evaluations, for the 临期突击 rule. */
  completedForRush: EvaluatedCase[];
  /**
   * The department-level 临期突击 flag of the period, by department id (judged on the period's
   * completed cases); each one is counted as one flag in its department's 慢作为率.
   */
  deadlineRush: Map<string, SlowActionFlag>;
  /** Every department id that appears on any case of the dataset. */
  caseDepartments: Set<string>;
  /** Evaluations given in the period whose case is not in the dataset (cannot be attributed). */
  unattributedEvaluations: number;
  /** Per department: cases that would have counted but were left out (revoked cards). */
  excludedCounted: Map<string, number>;
  /** Per department: extra slow-action flags counted in the window (overdue notices). */
  extraFlags: Map<string, number>;
}

const caseDepartmentCache = new WeakMap<IndexedDataset, Map<string, string>>();

/** case id → department id, built once per dataset (evaluations only carry the case id). */
function caseDepartments(ds: IndexedDataset): Map<string, string> {
  let m = caseDepartmentCache.get(ds);
  if (m === undefined) {
    m = new Map();
    for (const c of ds.cases) m.set(c.id, c.departmentId);
    caseDepartmentCache.set(ds, m);
  }
  return m;
}

function tallyOf(tallies: Map<string, RankingTally>, id: string): RankingTally {
  let t = tallies.get(id);
  if (t === undefined) {
    t = emptyTally();
    tallies.set(id, t);
  }
  return t;
}

/**
 * Scan a dataset for one ranking window.
 *
 * @param onlyDepartment restrict to one department (drill-down); `null` for all
 */
export function scanQuarter(
  ds: IndexedDataset,
  w: RankingWindow,
  o: ResolvedRankingOptions,
  onlyDepartment: string | null = null,
  onCase?: CaseVisitor,
  onEvaluation?: EvaluationVisitor,
): QuarterScan {
  const T = w.asOfMs;
  const fromMs = shanghaiStartOfDay(w.from);
  const tallies = new Map<string, RankingTally>();
  const completedForRush: EvaluatedCase[] = [];
  const seen = new Set<string>();
  const rushMin = o.thresholds.deadlineRushMinLimitDays;
  const excludedCounted = new Map<string, number>();
  for (const c of ds.cases) {
    seen.add(c.departmentId);
    if (onlyDepartment !== null && c.departmentId !== onlyDepartment) continue;
    // Cheap filters before evaluating: not accepted yet, or completed before the period began.
    if (c.acceptedAt > T) continue;
    const done = c.completedAt;
    if (done !== null && done <= T && done < fromMs) continue;
    const ev = evaluateCase(c, T, o.cal);
    const as = countedAs(ev, w);
    if (as === null) continue;
    if (o.excludedCaseIds.has(c.id)) {
      excludedCounted.set(c.departmentId, (excludedCounted.get(c.departmentId) ?? 0) + 1);
      continue;
    }
    const facts = caseRankingFacts(ev, as);
    const raised = flagCase(c, ev, stepsOf(ds, c.id), T, o.cal, o.thresholds);
    const flags =
      o.excludedFlags.size === 0
        ? raised
        : raised.filter((f) => !isRevokedFlag(f, o.excludedFlags));
    addCase(tallyOf(tallies, c.departmentId), facts, flags);
    if (as === 'completed' && ev.committedLimitDays !== null && ev.committedLimitDays >= rushMin) {
      completedForRush.push({ c, ev });
    }
    onCase?.(c, ev, facts, flags);
  }
  // 临期突击: one department-level flag per department and period, counted in 慢作为率 like a
  // case-level flag (its department has counted cases: the rule reads completed counted ones).
  const deadlineRush = new Map<string, SlowActionFlag>();
  for (const f of flagDeadlineRushByDepartment(
    completedForRush,
    { from: w.from, to: w.to },
    o.thresholds,
  )) {
    deadlineRush.set(f.departmentId, f);
    addDepartmentFlag(tallyOf(tallies, f.departmentId), f);
  }
  const deptOf = caseDepartments(ds);
  const windowDays = o.settings.rectificationWindowDays;
  let unattributed = 0;
  for (const e of ds.evaluations) {
    // 好评率: evaluations given in the period. 差评整改率: 差评 whose rectification window closes
    // in the period, whenever given (DOMAIN.md clarification), judged at T.
    const given = instantInWindow(e.at, w);
    const bad =
      e.level <= BAD_REVIEW_MAX_LEVEL && badReviewJudgedIn(e, w, o.cal, windowDays)
        ? badReviewStatus(e, T, o.cal, windowDays)
        : null;
    if (!given && bad === null) continue;
    const dept = deptOf.get(e.caseId);
    if (dept === undefined) {
      if (given) unattributed++;
      continue;
    }
    if (onlyDepartment !== null && dept !== onlyDepartment) continue;
    const t = tallyOf(tallies, dept);
    if (given) addEvaluation(t, e.level);
    if (bad !== null) addBadReview(t, bad);
    onEvaluation?.(e, dept, given, bad);
  }
  const extraFlags = new Map<string, number>();
  const lastKnownDay = Math.min(w.to, shanghaiDayOf(T));
  for (const [dept, days] of o.extraSlowActionFlags) {
    if (onlyDepartment !== null && dept !== onlyDepartment) continue;
    const n = days.filter((d) => d >= w.from && d <= lastKnownDay).length;
    if (n === 0) continue;
    tallyOf(tallies, dept).slowActionFlags += n;
    extraFlags.set(dept, n);
  }
  return {
    tallies,
    completedForRush,
    deadlineRush,
    caseDepartments: seen,
    unattributedEvaluations: unattributed,
    excludedCounted,
    extraFlags,
  };
}
