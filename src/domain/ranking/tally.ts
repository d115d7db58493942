/**
 * Per-case and per-evaluation facts, and the pooled counts (numerators and denominators) a
 * department's indicators are computed from. Counts, never rates, are accumulated: a city total
 * or any group of departments is the sum of their tallies (volume-weighted, as DOMAIN.md asks),
 * never a mean of department rates. The counting rules and their reasons are in docs/ranking.md.
 */
import type { WorkingCalendar } from '../calendar/calendar';
import { shanghaiDayOf, shanghaiStartOfDay, type DayIndex } from '../calendar/day';
import type { SlowActionCode } from '../slow-action/types';
import type { CaseEvaluation } from '../time-limit/types';
import type { RankingWindow } from './window';

/** Why a case is in a department's quarter: completed in it, or open and overdue at its end. */
export type CountedAs = 'completed' | 'open-overdue';

/**
 * Whether a case counts in the quarter, from its evaluation at the window's as-of instant:
 * completed on a civil day inside the quarter, or still open and past its committed deadline.
 * `null` when it does not count (completed in another quarter, open and not overdue, or not
 * accepted yet).
 */
export function countedAs(ev: CaseEvaluation, w: RankingWindow): CountedAs | null {
  if (ev.completed) return ev.endDay >= w.from && ev.endDay <= w.to ? 'completed' : null;
  return ev.overdue ? 'open-overdue' : null;
}

/** What one counted case contributes to the indicators. */
export interface CaseRankingFacts {
  countedAs: CountedAs;
  /** Completed at or before the committed deadline (completed cases only). */
  onTime: boolean;
  /** Can be early at all: completed and not a 即办件 (a same-day deadline cannot be beaten). */
  earlyEligible: boolean;
  /** Completed with elapsed < committed limit. */
  early: boolean;
  /** Completed after the committed deadline. */
  late: boolean;
  /**
   * min(1, elapsed ÷ committed limit) for a completed case with a committed limit ≥ 1 working
   * day; `null` for 即办件, dueAt cases and open cases.
   */
  utilisation: number | null;
}

/** The facts of a counted case (see {@link countedAs}) from its evaluation. */
export function caseRankingFacts(ev: CaseEvaluation, as: CountedAs): CaseRankingFacts {
  if (as === 'open-overdue') {
    return {
      countedAs: as,
      onTime: false,
      earlyEligible: false,
      early: false,
      late: false,
      utilisation: null,
    };
  }
  const limit = ev.committedLimitDays;
  const immediate = limit === 0;
  return {
    countedAs: as,
    onTime: ev.onTime === true,
    earlyEligible: !immediate,
    early: ev.early === true,
    late: ev.late === true,
    // Capped at 1: a late case is already counted by 按时办结率 and 超期件率, and one case a year
    // late must not outweigh hundreds of prompt ones in a mean.
    utilisation:
      limit !== null && limit >= 1
        ? quantiseUtilisation(Math.min(1, ev.elapsedDays / limit))
        : null,
  };
}

/** How a 差评 stands at the as-of instant. */
export type BadReviewStatus = 'rectified' | 'unrectified' | 'pending';

/** A 差评 is level 1 or 2 (非常不满意, 不满意). */
export const BAD_REVIEW_MAX_LEVEL = 2;
/** A 好评 is level 4 or 5 (满意, 非常满意); level 3 基本满意 is neutral. */
export const GOOD_REVIEW_MIN_LEVEL = 4;

/** The parts of an evaluation (好差评) the ranking reads. */
export interface EvaluationInput {
  level: number;
  /** Epoch ms the evaluation was given. */
  at: number;
  /** Epoch ms of the rectification feedback (整改反馈), or `null`. */
  rectifiedAt: number | null;
}

/**
 * The last civil day of a 差评's rectification window: `windowDays` working days counted like a
 * time limit (the evaluation day is not counted; 0 = the evaluation day if it is a working day,
 * else the next one). The window closes at 24:00 of that day.
 */
export function rectificationLastDay(
  e: EvaluationInput,
  cal: WorkingCalendar,
  windowDays: number,
): DayIndex {
  return cal.addWorkingDays(shanghaiDayOf(e.at), windowDays);
}

/**
 * Whether a 差评 is judged for 差评整改率 in the ranking window `w` (DOMAIN.md clarification;
 * docs/ranking.md §3): each 差评 is judged in exactly one period, the one in which its
 * rectification window closes (its last day lies in the period), whatever period it was given
 * in — so none escapes judgement by straddling a quarter's end. Not while it is not known yet
 * (given after the window's as-of instant).
 */
export function badReviewJudgedIn(
  e: EvaluationInput,
  w: RankingWindow,
  cal: WorkingCalendar,
  windowDays: number,
): boolean {
  if (e.at > w.asOfMs) return false;
  const last = rectificationLastDay(e, cal, windowDays);
  return last >= w.from && last <= w.to;
}

/**
 * Where a 差评 stands at `asOfMs` (window: {@link rectificationLastDay}).
 * - `rectified`: rectification known by `asOfMs` and on or before the window's last day;
 * - `pending`: not rectified yet and the window is still open — it cannot be judged yet (in a
 *   ranking, only in a quarter still running: at a quarter's end every window closing in it has
 *   closed);
 * - `unrectified`: the window closed without a rectification (a later one is too late).
 */
export function badReviewStatus(
  e: EvaluationInput,
  asOfMs: number,
  cal: WorkingCalendar,
  windowDays: number,
): BadReviewStatus {
  const lastDay = rectificationLastDay(e, cal, windowDays);
  const r = e.rectifiedAt;
  if (r !== null && r <= asOfMs && shanghaiDayOf(r) <= lastDay) return 'rectified';
  return asOfMs < shanghaiStartOfDay(lastDay + 1) ? 'pending' : 'unrectified';
}

/** Pooled counts behind one department's (or the city's) indicators. */
export interface RankingTally {
  /** Counted cases: completed in the quarter + open and overdue at its end. */
  counted: number;
  /** Completed in the quarter. */
  completed: number;
  onTime: number;
  /** Completed cases that can be early (not 即办件). */
  earlyEligible: number;
  early: number;
  /** Completed late. */
  late: number;
  /** Open and past the committed deadline at the quarter's end. */
  openOverdue: number;
  /** Completed cases with a utilisation (committed limit ≥ 1, not dueAt). */
  utilisationCases: number;
  /** Sum of their capped utilisations. */
  utilisationSum: number;
  /** Evaluations given in the quarter on the department's cases. */
  evaluations: number;
  /** Of those, level 4–5. */
  goodEvaluations: number;
  /** Of those, 差评 (level 1–2). */
  badReviews: number;
  /**
   * 差评 judged in the period (their rectification window closes in it, whenever they were
   * given; {@link badReviewJudgedIn}) and rectified within the window.
   */
  badRectified: number;
  /** 差评 judged in the period and not rectified within the window. */
  badUnrectified: number;
  /**
   * 差评 whose window closes in the period but is still open at the as-of instant and not
   * rectified (a quarter still running): not judged yet.
   */
  badPending: number;
  /**
   * Slow-action flags for 慢作为率: the case-level flags of counted cases (each rule at most once
   * per case) plus the department-level 临期突击 flag of the period (at most one per department).
   */
  slowActionFlags: number;
  /** Those flags by reason code. */
  flagsByCode: Partial<Record<SlowActionCode, number>>;
}

/** A tally with nothing counted. */
export function emptyTally(): RankingTally {
  return {
    counted: 0,
    completed: 0,
    onTime: 0,
    earlyEligible: 0,
    early: 0,
    late: 0,
    openOverdue: 0,
    utilisationCases: 0,
    utilisationSum: 0,
    evaluations: 0,
    goodEvaluations: 0,
    badReviews: 0,
    badRectified: 0,
    badUnrectified: 0,
    badPending: 0,
    slowActionFlags: 0,
    flagsByCode: {},
  };
}

/** Add one counted case and its case-level slow-action flags (as of the window's instant). */
export function addCase(
  t: RankingTally,
  f: CaseRankingFacts,
  flags: readonly { code: SlowActionCode }[],
): void {
  t.counted++;
  if (f.countedAs === 'completed') {
    t.completed++;
    if (f.onTime) t.onTime++;
    if (f.late) t.late++;
    if (f.earlyEligible) {
      t.earlyEligible++;
      if (f.early) t.early++;
    }
    if (f.utilisation !== null) {
      t.utilisationCases++;
      t.utilisationSum += f.utilisation;
    }
  } else {
    t.openOverdue++;
  }
  for (const flag of flags) {
    t.slowActionFlags++;
    t.flagsByCode[flag.code] = (t.flagsByCode[flag.code] ?? 0) + 1;
  }
}

/**
 * Add a department-level slow-action flag of the period (临期突击): one flag, like one case-level
 * flag, in 慢作为率's numerator (docs/ranking.md §3); the denominator stays the counted cases.
 */
export function addDepartmentFlag(t: RankingTally, flag: { code: SlowActionCode }): void {
  t.slowActionFlags++;
  t.flagsByCode[flag.code] = (t.flagsByCode[flag.code] ?? 0) + 1;
}

/** Add one evaluation given in the period (好评率). */
export function addEvaluation(t: RankingTally, level: number): void {
  t.evaluations++;
  if (level >= GOOD_REVIEW_MIN_LEVEL) t.goodEvaluations++;
  else if (level <= BAD_REVIEW_MAX_LEVEL) t.badReviews++;
}

/** Add one 差评 whose rectification window closes in the period (差评整改率), by its status. */
export function addBadReview(t: RankingTally, status: BadReviewStatus): void {
  if (status === 'rectified') t.badRectified++;
  else if (status === 'pending') t.badPending++;
  else t.badUnrectified++;
}

/** 2^20: utilisations are kept as whole multiples of 2^-20 (≈ 0.000001). */
const UTILISATION_GRID = 1_048_576;

/**
 * Rounds a utilisation to a multiple of 2^-20. Sums of such numbers are exact in binary floating
 * point (up to 2^33 cases), so a department's or the city's utilisation sum does not depend on
 * the order the cases arrive in — the same data always ranks the same.
 */
export function quantiseUtilisation(u: number): number {
  return Math.round(u * UTILISATION_GRID) / UTILISATION_GRID;
}

/** Sum of tallies (pooled counts), e.g. the city total. */
export function sumTallies(tallies: Iterable<RankingTally>): RankingTally {
  const s = emptyTally();
  for (const t of tallies) {
    s.counted += t.counted;
    s.completed += t.completed;
    s.onTime += t.onTime;
    s.earlyEligible += t.earlyEligible;
    s.early += t.early;
    s.late += t.late;
    s.openOverdue += t.openOverdue;
    s.utilisationCases += t.utilisationCases;
    s.utilisationSum += t.utilisationSum;
    s.evaluations += t.evaluations;
    s.goodEvaluations += t.goodEvaluations;
    s.badReviews += t.badReviews;
    s.badRectified += t.badRectified;
    s.badUnrectified += t.badUnrectified;
    s.badPending += t.badPending;
    s.slowActionFlags += t.slowActionFlags;
    for (const [code, n] of Object.entries(t.flagsByCode) as [SlowActionCode, number][]) {
      s.flagsByCode[code] = (s.flagsByCode[code] ?? 0) + n;
    }
  }
  return s;
}
