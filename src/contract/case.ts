/**
 * `GET /api/v1/cases/:id`: one case as the case page shows it. `evaluation` is the engine's
 * CaseStatusRow (instants as epoch ms, days as civil-day indexes), so the page's figures are the
 * model's; the page rebuilds the working-day timeline from these records with the same calendar.
 */
import { z } from './zod';
import { meta } from './api-common';

export const WARNING_LEVEL_VALUES = ['normal', 'early-warning', 'yellow', 'red'] as const;
export const SLOW_ACTION_CODE_VALUES = [
  'stall',
  'accepted-idle',
  'repeated-correction',
  'overlong-suspension',
  'suspension-overrun',
  'inaction-overdue',
  'deadline-rush',
  'notice-overdue',
] as const;
export const CASE_CHANNEL_VALUES = ['窗口', '网上'] as const;
export const CASE_STATUS_VALUES = ['在办', '办结', '不予受理', '退回', '撤回'] as const;

const day = z.number().int();
const instant = z.number();

export const caseStatusRow = z.object({
  id: z.string(),
  departmentId: z.string(),
  itemCode: z.string(),
  channel: z.enum(CASE_CHANNEL_VALUES).nullable(),
  status: z.enum(CASE_STATUS_VALUES),
  acceptedAt: instant,
  completedAt: instant.nullable(),
  flagCodes: z.array(z.enum(SLOW_ACTION_CODE_VALUES)).readonly(),
  completed: z.boolean(),
  committedLimitDays: z.number().int().nullable(),
  statutoryLimitDays: z.number().int().nullable(),
  committedDue: day,
  committedDueAt: instant.nullable(),
  statutoryDue: day,
  statutoryDueAt: instant.nullable(),
  elapsedDays: z.number().int(),
  remainingDays: z.number().int(),
  statutoryRemainingDays: z.number().int(),
  suspendedDays: z.number().int(),
  overdue: z.boolean(),
  overdueDays: z.number().int(),
  statutoryOverdueDays: z.number().int(),
  onTime: z.boolean().nullable(),
  early: z.boolean().nullable(),
  late: z.boolean().nullable(),
  level: z.enum(WARNING_LEVEL_VALUES),
  levelSince: day.nullable(),
  yellowSince: day.nullable(),
  redSince: day.nullable(),
  suspensionOverrunDays: z.number().int(),
  usesUncoveredDates: z.boolean(),
});

export const suspension = z.object({
  kind: z.string(),
  startAt: instant,
  endAt: instant.nullable(),
  approvedDays: z.number().int().nullable(),
});

export const caseStep = z.object({
  id: z.string(),
  caseId: z.string().optional(),
  step: z.string(),
  departmentId: z.string(),
  handler: z.string(),
  enteredAt: instant,
  leftAt: instant.nullable(),
});

export const caseEvaluation = z.object({
  id: z.string(),
  caseId: z.string(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  at: instant,
  channel: z.string(),
  rectifiedAt: instant.nullable(),
  updatedAt: instant,
});

export const slowActionFlag = z.object({
  code: z.enum(SLOW_ACTION_CODE_VALUES),
  rule: z.string(),
  caseId: z.string().nullable(),
  departmentId: z.string(),
  sinceDay: day,
  explanation: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

export const caseResponse = z.object({
  caseId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemCode: z.string(),
  itemName: z.string().nullable(),
  status: z.string(),
  channel: z.string().nullable(),
  acceptedAt: z.string(),
  completedAt: z.string().nullable(),
  level: z.enum(WARNING_LEVEL_VALUES),
  evaluation: caseStatusRow,
  suspensions: z.array(suspension),
  steps: z.array(caseStep),
  evaluations: z.array(caseEvaluation),
  flags: z.array(slowActionFlag),
  /** The engine's timeline without its axis function (the page rebuilds it). */
  timeline: z.record(z.string(), z.unknown()),
  meta,
});
export type CaseResponse = z.infer<typeof caseResponse>;
