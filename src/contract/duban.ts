/**
 * 督办 API contract (issue 15): cards (预警 / 黄牌 / 红牌 as records), notices (督办单) and their
 * events, the inbox. Request bodies are parsed here — nothing in the service reads a body that
 * did not pass these schemas.
 */
import { SLOW_ACTION_CODE_VALUES } from './case';
import { z } from './zod';

export const CARD_LEVELS = ['early-warning', 'yellow', 'red'] as const;
export type CardLevel = (typeof CARD_LEVELS)[number];
/** 有效 / 已撤销 (an appeal succeeded) / 已取消（系统） (a recompute removed the basis). */
export const CARD_STATES = ['active', 'revoked', 'cancelled'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** 待反馈 / 逾期未反馈 (derived) / 已反馈 / 申诉中 / 已办结 / 已撤销. */
export const NOTICE_STATES = [
  'awaiting',
  'overdue',
  'answered',
  'appealed',
  'closed',
  'revoked',
] as const;
export type NoticeStateName = (typeof NOTICE_STATES)[number];

export const APPEAL_REASONS = [
  'applicant-delay',
  'platform-error',
  'force-majeure',
  'other',
] as const;
export type AppealReason = (typeof APPEAL_REASONS)[number];

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD (a civil date)');
const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1);

export const cardsQuery = z.object({
  caseId: z.string().max(400).optional(),
  departmentId: z.string().max(400).optional(),
  state: z.enum(CARD_STATES).optional(),
  level: z.enum(CARD_LEVELS).optional(),
});

export const cardEvent = z.object({
  seq: z.number().int(),
  kind: z.enum(['earned', 'upgraded', 'downgraded', 'cancelled', 'revoked']),
  level: z.enum(CARD_LEVELS).nullable(),
  onDay: z.string().nullable(),
  at: z.string(),
  actor: z.string(),
  actorRole: z.string().nullable(),
  actorDepartment: z.string().nullable(),
  noticeId: z.number().int().nullable(),
  reason: z.string().nullable(),
});

export const cardItem = z.object({
  id: z.number().int(),
  caseId: z.string(),
  departmentId: z.string(),
  /** The current level (the fold of the level events). */
  level: z.enum(CARD_LEVELS),
  /** The level when first recorded. */
  earnedLevel: z.enum(CARD_LEVELS),
  state: z.enum(CARD_STATES),
  /** The civil day (Asia/Shanghai) the card was first earned. */
  earnedOn: z.string(),
  rule: z.string(),
  settingsVersion: z.number().int(),
  /** Notices issued for this card, oldest first. */
  noticeIds: z.array(z.number().int()),
  stateReason: z.string().nullable(),
});
export type CardItem = z.infer<typeof cardItem>;

export const cardsResponse = z.object({ total: z.number().int(), items: z.array(cardItem) });

export const cardEventsResponse = z.object({ items: z.array(cardEvent) });

/** A case-level slow-action flag by its case and rule (the flag must be raised now). */
export const flagRef = z.object({
  caseId: z.string().min(1).max(400),
  rule: z.enum(SLOW_ACTION_CODE_VALUES),
});

/** A notice covers cards, slow-action flags, or both (at least one item), of one department. */
export const issueNoticeBody = z.object({
  cardIds: z.array(id).max(500).default([]),
  flags: z.array(flagRef).max(500).default([]),
  instructions: text(4000),
  /** Working days to respond; absent = the settings' `duban.deadlineDays` (default 3). */
  deadlineDays: z.number().int().min(1).max(60).optional(),
});

export const respondBody = z.object({
  cause: text(4000),
  measures: text(4000),
  expectedBy: isoDate,
  version,
});

export const appealBody = z.object({
  reason: z.enum(APPEAL_REASONS),
  explanation: text(4000),
  version,
});

export const decisionBody = z.object({
  decision: z.enum(['revoke', 'uphold']),
  reason: text(4000),
  version,
});

/** 退回: the answer does not satisfy the office; the department answers again by a new deadline. */
export const returnBody = z.object({ reason: text(4000), version });

export const closeBody = z.object({ version });

export const noticeParams = z.object({ id });

export const noticesQuery = z.object({
  state: z.enum(NOTICE_STATES).optional(),
  departmentId: z.string().max(400).optional(),
  caseId: z.string().max(400).optional(),
});

export const noticeFlag = z.object({
  caseId: z.string(),
  rule: z.enum(SLOW_ACTION_CODE_VALUES),
  /** The rule's Chinese name (滞留, …). */
  ruleName: z.string(),
  /** The civil day the flag was first earned. */
  since: z.string(),
  explanation: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type NoticeFlag = z.infer<typeof noticeFlag>;

export const noticeItem = z.object({
  id: z.number().int(),
  /** 督〔2026〕第0012号 */
  number: z.string(),
  state: z.enum(NOTICE_STATES),
  version: z.number().int(),
  departmentId: z.string(),
  departmentName: z.string(),
  instructions: z.string(),
  deadlineDays: z.number().int(),
  /** The response deadline in force (end of this civil day, Asia/Shanghai). */
  dueOn: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  cardIds: z.array(z.number().int()),
  /** The cases of its cards. */
  caseIds: z.array(z.string()),
  /** The slow-action flags it covers, as they stood when issued; revoked with the notice. */
  flags: z.array(noticeFlag),
  /** The first day the notice was 逾期未反馈 (one slow-action flag of its department), if ever. */
  overdueSince: z.string().nullable(),
  appealUsed: z.boolean(),
});
export type NoticeItem = z.infer<typeof noticeItem>;

export const noticesResponse = z.object({ total: z.number().int(), items: z.array(noticeItem) });

export const noticeEvent = z.object({
  version: z.number().int(),
  kind: z.enum(['issued', 'responded', 'appealed', 'revoked', 'upheld', 'returned', 'closed']),
  at: z.string(),
  actor: z.string(),
  actorRole: z.string(),
  actorDepartment: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** What was said: instructions, cause/measures/expectedBy, appeal reason, decision or return reason. */
  body: z.record(z.string(), z.unknown()),
});

export const noticeEventsResponse = z.object({ items: z.array(noticeEvent) });

export const INBOX_KINDS = ['answer', 'decide', 'review', 'overdue'] as const;

export const inboxResponse = z.object({
  /** answer: notices to answer (liaison); decide: appeals; review: answers to close; overdue: past due. */
  counts: z.object({
    answer: z.number().int(),
    decide: z.number().int(),
    review: z.number().int(),
    overdue: z.number().int(),
  }),
  items: z.array(z.object({ kind: z.enum(INBOX_KINDS), notice: noticeItem })),
});
