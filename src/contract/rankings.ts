/**
 * `GET /api/v1/rankings`, `/rankings/history` and `/rankings/evidence`: the quarterly ranking
 * exactly as the `rank` CLI prints it (the engine's QuarterRanking), the rank history, and the
 * cases and evaluations behind one department's (or the city's) figures.
 */
import { z } from './zod';
import { RANKING_GROUPS } from '../domain/ranking/groups';
import { meta } from './api-common';
import { SLOW_ACTION_CODE_VALUES, slowActionFlag } from './case';

export const INDICATOR_KEY_VALUES = [
  'onTimeRate',
  'earlyRate',
  'limitUtilisation',
  'overdueRate',
  'goodRate',
  'rectificationRate',
  'slowActionRate',
] as const;
const indicatorKey = z.enum(INDICATOR_KEY_VALUES);
const rankingGroup = z.enum(RANKING_GROUPS);
const count = z.number().int().nonnegative();

export const indicatorValue = z.object({
  value: z.number().nullable(),
  /** The rate as read (percent or per 100 cases), distinct from its 0–100 score. */
  rate: z.number().nullable(),
  unit: z.enum(['percent', 'per100']),
  score: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
});

export const rankingTally = z.object({
  counted: count,
  completed: count,
  onTime: count,
  earlyEligible: count,
  early: count,
  late: count,
  openOverdue: count,
  utilisationCases: count,
  utilisationSum: z.number(),
  evaluations: count,
  goodEvaluations: count,
  badReviews: count,
  badRectified: count,
  badUnrectified: count,
  badPending: count,
  slowActionFlags: count,
  flagsByCode: z.partialRecord(z.enum(SLOW_ACTION_CODE_VALUES), z.number()),
});

const scored = {
  score: z.number().nullable(),
  weightUsed: z.number(),
  missingWeight: z.number(),
  missingIndicators: z.array(indicatorKey),
  indicators: z.record(indicatorKey, indicatorValue),
  counts: rankingTally,
};

export const departmentRanking = z.object({
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  departmentKind: z.string().nullable(),
  counted: count,
  ranked: z.boolean(),
  insufficientSample: z.boolean(),
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  rankChange: z.number().int().nullable(),
  /** 分类排名: the department's group, its rank within it and the change against last quarter. */
  group: rankingGroup,
  groupRank: z.number().int().nullable(),
  previousGroupRank: z.number().int().nullable(),
  groupRankChange: z.number().int().nullable(),
  ...scored,
  deadlineRush: slowActionFlag.nullable(),
});

/** The quarter's red cards and overdue 督办单 (engine/quarter-supervision.ts), from the service. */
export const quarterSupervision = z.object({
  redCards: count,
  overdueNotices: count,
  departments: z.array(
    z.object({ departmentId: z.string(), redCards: count, overdueNotices: count }),
  ),
});

export const quarterRanking = z.object({
  quarter: z.string(),
  asOf: z.string(),
  partial: z.boolean(),
  from: z.string(),
  to: z.string(),
  previousQuarter: z.string(),
  weights: z.record(indicatorKey, z.number()),
  minCountedCases: z.number(),
  rectificationWindowDays: z.number(),
  departments: z.array(departmentRanking),
  groups: z.array(
    z.object({
      group: rankingGroup,
      departmentIds: z.array(z.string()),
      ranked: count,
      insufficientSample: count,
    }),
  ),
  city: z.object({ counted: count, ...scored }),
  coverage: z.object({
    departments: count,
    withData: count,
    ranked: count,
    insufficientSample: count,
    byIndicator: z.record(indicatorKey, count),
  }),
  unattributedEvaluations: count,
  /**
   * The service's answer names its source; the same object from the `rank` CLI and in a published
   * edition has none.
   */
  meta: meta.optional(),
  supervision: quarterSupervision.optional(),
});
export type QuarterRankingResponse = z.infer<typeof quarterRanking>;

export const rankHistory = z.object({
  quarters: z.array(z.string()),
  departments: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string().nullable(),
      ranks: z.array(z.number().int().nullable()),
      scores: z.array(z.number().nullable()),
      counted: z.array(count),
    }),
  ),
  meta: meta.optional(),
});

export const rankingEvidence = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      departmentId: z.string(),
      countedAs: z.enum(['completed', 'open-overdue']),
      onTime: z.boolean(),
      earlyEligible: z.boolean(),
      early: z.boolean(),
      late: z.boolean(),
      utilisation: z.number().nullable(),
      elapsedDays: z.number().int(),
      committedLimitDays: z.number().int().nullable(),
      overdueDays: z.number().int(),
      flags: z.array(z.enum(SLOW_ACTION_CODE_VALUES)),
    }),
  ),
  evaluations: z.array(
    z.object({
      evaluationId: z.string(),
      caseId: z.string(),
      departmentId: z.string(),
      level: z.number().int(),
      at: z.number(),
      rectifiedAt: z.number().nullable(),
      givenInQuarter: z.boolean(),
      badStatus: z.enum(['rectified', 'unrectified', 'pending']).nullable(),
    }),
  ),
  departmentFlags: z.array(
    z.object({
      departmentId: z.string(),
      code: z.enum(SLOW_ACTION_CODE_VALUES),
      explanation: z.string(),
      evidence: slowActionFlag.shape.evidence,
    }),
  ),
  meta: meta.optional(),
});
