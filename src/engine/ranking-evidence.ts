/**
 * Drill-down for the ranking ("every score opens the cases it was computed from"): the counted
 * cases and the evaluations behind one department's figures (or the city's), found by the same
 * scan `rankQuarter` uses, and for each indicator the ids in its numerator and its denominator.
 */
import {
  rankingWindow,
  type BadReviewStatus,
  type CountedAs,
  type IndicatorKey,
} from '../domain/ranking';
import type { SlowActionCode, SlowActionFlag } from '../domain/slow-action';
import type { IndexedDataset } from './dataset';
import type { Quarter } from './ranking';
import { resolveRankingOptions, scanQuarter, type RankingOptions } from './ranking-scan';

/** One counted case and what it contributed. */
export interface RankingCaseEvidence {
  caseId: string;
  departmentId: string;
  countedAs: CountedAs;
  onTime: boolean;
  earlyEligible: boolean;
  early: boolean;
  late: boolean;
  /** Capped utilisation, `null` when the case is not in 时限利用率. */
  utilisation: number | null;
  elapsedDays: number;
  committedLimitDays: number | null;
  /** Working days past the committed deadline (open-overdue and late cases). */
  overdueDays: number;
  /** Case-level slow-action flags at the quarter's end. */
  flags: SlowActionCode[];
}

/**
 * One evaluation that counts in the quarter and how: given in it (好评率), or a 差评 whose
 * rectification window closes in it (差评整改率), or both.
 */
export interface RankingEvaluationEvidence {
  evaluationId: string;
  caseId: string;
  departmentId: string;
  level: number;
  at: number;
  rectifiedAt: number | null;
  /** Given in the quarter: counts in 好评率. */
  givenInQuarter: boolean;
  /**
   * Status in this quarter's 差评整改率 (at the quarter's end); `null` for levels 3–5 and for a
   * 差评 whose window closes in another quarter (judged there).
   */
  badStatus: BadReviewStatus | null;
}

/** A department-level slow-action flag of the quarter (临期突击), one flag in 慢作为率. */
export interface RankingDepartmentFlagEvidence {
  departmentId: string;
  code: SlowActionCode;
  explanation: string;
  /** The flag's figures: the page words the reason from them. */
  evidence: SlowActionFlag['evidence'];
}

/** Everything behind one department's (or the city's) ranking figures. */
export interface RankingEvidence {
  cases: RankingCaseEvidence[];
  evaluations: RankingEvaluationEvidence[];
  /** Department-level flags counted in 慢作为率, in department order of first appearance. */
  departmentFlags: RankingDepartmentFlagEvidence[];
}

/**
 * The cases and evaluations behind a department's figures in a quarter, in dataset order.
 *
 * @param departmentId the department, or `null` for the whole city
 */
export function rankingEvidence(
  ds: IndexedDataset,
  quarter: Quarter,
  departmentId: string | null,
  options: RankingOptions = {},
): RankingEvidence {
  const o = resolveRankingOptions(options);
  const w = rankingWindow(quarter, o.asOfMs);
  const cases: RankingCaseEvidence[] = [];
  const evaluations: RankingEvaluationEvidence[] = [];
  const scan = scanQuarter(
    ds,
    w,
    o,
    departmentId,
    (c, ev, f, flags) => {
      cases.push({
        caseId: c.id,
        departmentId: c.departmentId,
        countedAs: f.countedAs,
        onTime: f.onTime,
        earlyEligible: f.earlyEligible,
        early: f.early,
        late: f.late,
        utilisation: f.utilisation,
        elapsedDays: ev.elapsedDays,
        committedLimitDays: ev.committedLimitDays,
        overdueDays: ev.overdueDays,
        flags: flags.map((x) => x.code),
      });
    },
    (e, dept, given, bad) => {
      evaluations.push({
        evaluationId: e.id,
        caseId: e.caseId,
        departmentId: dept,
        level: e.level,
        at: e.at,
        rectifiedAt: e.rectifiedAt,
        givenInQuarter: given,
        badStatus: bad,
      });
    },
  );
  const departmentFlags = [...scan.deadlineRush.values()].map((f) => ({
    departmentId: f.departmentId,
    code: f.code,
    explanation: f.explanation,
    evidence: f.evidence,
  }));
  return { cases, evaluations, departmentFlags };
}

/** The records in an indicator's numerator and denominator (case ids, or evaluation ids). */
export interface IndicatorRecords {
  /** What the ids name. */
  kind: 'case' | 'evaluation';
  numerator: string[];
  denominator: string[];
}

/**
 * The ids behind one indicator. For 时限利用率 the numerator lists the cases whose utilisation
 * was summed (the same as the denominator); for 慢作为率 it lists each flagged case once per
 * flag, followed by the department id of each department-level flag (临期突击), in
 * `e.departmentFlags` order.
 */
export function indicatorRecords(e: RankingEvidence, key: IndicatorKey): IndicatorRecords {
  const completed = e.cases.filter((c) => c.countedAs === 'completed');
  const ids = (xs: { caseId: string }[]) => xs.map((x) => x.caseId);
  switch (key) {
    case 'onTimeRate':
      return {
        kind: 'case',
        numerator: ids(completed.filter((c) => c.onTime)),
        denominator: ids(completed),
      };
    case 'earlyRate': {
      const eligible = completed.filter((c) => c.earlyEligible);
      return {
        kind: 'case',
        numerator: ids(eligible.filter((c) => c.early)),
        denominator: ids(eligible),
      };
    }
    case 'limitUtilisation': {
      const u = ids(completed.filter((c) => c.utilisation !== null));
      return { kind: 'case', numerator: u, denominator: u };
    }
    case 'overdueRate':
      return {
        kind: 'case',
        numerator: ids(e.cases.filter((c) => c.late || c.countedAs === 'open-overdue')),
        denominator: ids(e.cases),
      };
    case 'goodRate': {
      const given = e.evaluations.filter((v) => v.givenInQuarter);
      return {
        kind: 'evaluation',
        numerator: given.filter((v) => v.level >= 4).map((v) => v.evaluationId),
        denominator: given.map((v) => v.evaluationId),
      };
    }
    case 'rectificationRate': {
      const judged = e.evaluations.filter(
        (v) => v.badStatus === 'rectified' || v.badStatus === 'unrectified',
      );
      return {
        kind: 'evaluation',
        numerator: judged.filter((v) => v.badStatus === 'rectified').map((v) => v.evaluationId),
        denominator: judged.map((v) => v.evaluationId),
      };
    }
    case 'slowActionRate':
      return {
        kind: 'case',
        numerator: [
          ...e.cases.flatMap((c) => c.flags.map(() => c.caseId)),
          ...e.departmentFlags.map((f) => f.departmentId),
        ],
        denominator: ids(e.cases),
      };
  }
}
