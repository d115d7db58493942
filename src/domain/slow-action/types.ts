import type { DayIndex } from '../calendar/day';

/**
 * One step of a case's flow (环节流转) as the slow-action rules need it. The engine maps the
 * feed's CaseEvent to this: the domain does not import src/feeds.
 */
export interface CaseStepInput {
  /** 受理 / 审查 / 审核 / 审批 / 办结 / 送达 …; the feed may name others. */
  step: string;
  /** Epoch ms the case entered the step. */
  enteredAt: number;
  /** Epoch ms the case left the step, or `null` while it is still there (the current step). */
  leftAt: number | null;
}

/** Name of the acceptance step in the case-event feed: entering it is not "doing something". */
export const ACCEPTANCE_STEP = '受理';

/** Name of the suspension kind that is a request for missing materials (行政许可法 art. 32). */
export const CORRECTION_KIND = '补正';

/**
 * Stable reason codes of the slow-action (慢作为 / 不作为) flags. They go into exports and URLs:
 * never rename one.
 */
export type SlowActionCode =
  | 'stall'
  | 'accepted-idle'
  | 'repeated-correction'
  | 'overlong-suspension'
  | 'suspension-overrun'
  | 'inaction-overdue'
  | 'deadline-rush'
  | 'notice-overdue';

/** Every reason code, in the order the UI lists the rules. */
export const SLOW_ACTION_CODES: readonly SlowActionCode[] = [
  'stall',
  'accepted-idle',
  'repeated-correction',
  'overlong-suspension',
  'suspension-overrun',
  'inaction-overdue',
  'deadline-rush',
  'notice-overdue',
];

/**
 * Configurable thresholds of the slow-action rules (DOMAIN.md "Slow action"). Day counts are
 * working days. Every rule is monotone in its thresholds: raising one never adds a flag.
 */
export interface SlowActionThresholds {
  /** 滞留: flag when the current step has not moved for at least this many working days (3). */
  stallDays: number;
  /**
   * 滞留: … or for at least this share of the committed limit, rounded up, whichever is smaller;
   * never less than 1 (0.5).
   */
  stallShareOfCommitted: number;
  /** 受理未办: the first action after acceptance must come within this many working days (2). */
  acceptedIdleDays: number;
  /** 多次补正: more 补正 suspensions than this on one case is flagged (1). */
  maxCorrections: number;
  /** 暂停过长: flagged when suspended working days > factor × committed limit (1). */
  overlongSuspensionFactor: number;
  /** 超期未办结: open and more than this many working days past the committed deadline (5). */
  inactionOverdueDays: number;
  /** 临期突击: share of completed cases finished on the committed deadline day itself (0.3). */
  deadlineRushShare: number;
  /** 临期突击: only cases with a committed limit of at least this many working days count (3). */
  deadlineRushMinLimitDays: number;
  /**
   * 临期突击: a department needs at least this many such completed cases in the period before the
   * share means anything (20: below that, 3 of 5 cases would already read as 60 %).
   */
  deadlineRushMinCompleted: number;
}

/** The defaults from DOMAIN.md (and 20 as the minimum sample for 临期突击). */
export const DEFAULT_SLOW_ACTION_THRESHOLDS: Readonly<SlowActionThresholds> = Object.freeze({
  stallDays: 3,
  stallShareOfCommitted: 0.5,
  acceptedIdleDays: 2,
  maxCorrections: 1,
  overlongSuspensionFactor: 1,
  inactionOverdueDays: 5,
  deadlineRushShare: 0.3,
  deadlineRushMinLimitDays: 3,
  deadlineRushMinCompleted: 20,
});

/**
 * Check thresholds coming from settings. Returns readable problems (Chinese), empty when valid.
 * Day counts must be non-negative integers, shares and factors non-negative finite numbers, and
 * `deadlineRushShare` at most 1.
 */
export function checkSlowActionThresholds(t: SlowActionThresholds): string[] {
  const problems: string[] = [];
  const intKeys = [
    'stallDays',
    'acceptedIdleDays',
    'maxCorrections',
    'inactionOverdueDays',
    'deadlineRushMinLimitDays',
    'deadlineRushMinCompleted',
  ] as const;
  for (const k of intKeys) {
    const v = t[k];
    if (!Number.isInteger(v) || v < 0) problems.push(`${k} 应为非负整数（当前为 ${String(v)}）`);
  }
  const numKeys = [
    'stallShareOfCommitted',
    'overlongSuspensionFactor',
    'deadlineRushShare',
  ] as const;
  for (const k of numKeys) {
    const v = t[k];
    if (!Number.isFinite(v) || v < 0) problems.push(`${k} 应为非负数（当前为 ${String(v)}）`);
  }
  if (t.deadlineRushShare > 1) {
    problems.push(`deadlineRushShare 应不大于 1（当前为 ${String(t.deadlineRushShare)}）`);
  }
  return problems;
}

/**
 * One slow-action flag: why a case (or a department) was flagged, in words and in numbers.
 * Derived, never stored: the same function feeds the table, the chart and the export.
 */
export interface SlowActionFlag {
  code: SlowActionCode;
  /** Chinese rule name, e.g. 滞留. */
  rule: string;
  /** The flagged case, or `null` for a department-level flag (临期突击, 逾期未反馈). */
  caseId: string | null;
  departmentId: string;
  /** Civil day the flag was first earned (Asia/Shanghai), for "flags per week" trends. */
  sinceDay: DayIndex;
  /** A Chinese sentence with the actual numbers and dates. */
  explanation: string;
  /** Machine-readable evidence: dates as `YYYY-MM-DD`, counts as numbers. */
  evidence: Record<string, string | number | null>;
}

/** One rule, for the UI's rule list and the methodology text. */
export interface SlowActionRuleInfo {
  code: SlowActionCode;
  /** Chinese rule name. */
  name: string;
  /** The rule in one Chinese sentence, with the default threshold. */
  description: string;
  /** Legal or policy basis, when there is one. */
  legalBasis?: string;
  /** Whether the rule flags a case or a department. */
  level: 'case' | 'department';
}

/** A share as a percentage with at most one decimal (0.3 → "30%", 0.125 → "12.5%"). */
export function formatShare(share: number): string {
  return `${String(Math.round(share * 1000) / 10)}%`;
}

/**
 * The rule list with the given thresholds written into the descriptions, for the methodology
 * text under the administrator's current settings.
 */
export function describeSlowActionRules(t: SlowActionThresholds): SlowActionRuleInfo[] {
  const factor =
    t.overlongSuspensionFactor === 1 ? '' : ` ${String(t.overlongSuspensionFactor)} 倍`;
  return [
    {
      code: 'stall',
      name: slowActionRuleName('stall'),
      description: `在办件当前环节连续 ${t.stallDays} 个工作日（或承诺时限的 ${formatShare(t.stallShareOfCommitted)}，取较小者，至少 1 个工作日）无流转；暂停计时的工作日不计。`,
      level: 'case',
    },
    {
      code: 'accepted-idle',
      name: slowActionRuleName('accepted-idle'),
      description: `受理后 ${t.acceptedIdleDays} 个工作日内未进入下一环节、未转出、未暂停计时，也未办结。`,
      level: 'case',
    },
    {
      code: 'repeated-correction',
      name: slowActionRuleName('repeated-correction'),
      description: `同一办件要求申请人补正材料超过 ${t.maxCorrections} 次，未做到一次性告知。`,
      legalBasis: '《中华人民共和国行政许可法》第三十二条（一次告知申请人需要补正的全部内容）',
      level: 'case',
    },
    {
      code: 'overlong-suspension',
      name: slowActionRuleName('overlong-suspension'),
      description: `暂停计时的工作日数超过承诺时限${factor}（即办件有暂停计时即计入；无承诺时限、按截止时间办理的办件不适用）。`,
      legalBasis: '《中华人民共和国行政许可法》第四十五条（特别程序所需时间不计算在期限内）',
      level: 'case',
    },
    {
      code: 'suspension-overrun',
      name: slowActionRuleName('suspension-overrun'),
      description: '暂停计时超出申请天数，超出的工作日重新计入办理时限。',
      level: 'case',
    },
    {
      code: 'inaction-overdue',
      name: slowActionRuleName('inaction-overdue'),
      description: `在办件超过承诺期限 ${t.inactionOverdueDays} 个工作日以上仍未办结。`,
      legalBasis: '《中华人民共和国行政许可法》第四十二条（办理期限）',
      level: 'case',
    },
    {
      code: 'deadline-rush',
      name: slowActionRuleName('deadline-rush'),
      description: `部门在统计期内办结的承诺时限不少于 ${t.deadlineRushMinLimitDays} 个工作日的办件中，${formatShare(t.deadlineRushShare)} 及以上恰在承诺期限当天办结（至少 ${t.deadlineRushMinCompleted} 件方作判断）。`,
      level: 'department',
    },
    {
      code: 'notice-overdue',
      name: slowActionRuleName('notice-overdue'),
      description: '督办单在反馈期限内未反馈（逾期后再反馈或申诉仍计一次；申诉撤销的督办单不计）。',
      level: 'department',
    },
  ];
}

/**
 * The eight reason codes (the six rules of DOMAIN.md, 暂停过长 has two; and 逾期未反馈 of the 督办
 * record) with default thresholds.
 */
export const SLOW_ACTION_RULES: readonly SlowActionRuleInfo[] = Object.freeze(
  describeSlowActionRules(DEFAULT_SLOW_ACTION_THRESHOLDS),
);

/** Chinese rule name of a reason code. */
export function slowActionRuleName(code: SlowActionCode): string {
  switch (code) {
    case 'stall':
      return '滞留';
    case 'accepted-idle':
      return '受理未办';
    case 'repeated-correction':
      return '多次补正';
    case 'overlong-suspension':
      return '暂停过长';
    case 'suspension-overrun':
      return '暂停超申请天数';
    case 'inaction-overdue':
      return '超期未办结';
    case 'deadline-rush':
      return '临期突击';
    case 'notice-overdue':
      return '逾期未反馈';
  }
}
