import type { DayIndex } from '../calendar/day';

/**
 * A suspension of the clock (暂停计时 / 特别程序, 行政许可法 art. 45: 听证、招标、拍卖、检验、检测、
 * 检疫、鉴定、专家评审 time is not counted; also 补正 under art. 32).
 */
export interface SuspensionInput {
  /** 补正 / 听证 / 招标拍卖 / 检验检测检疫 / 鉴定 / 专家评审 / 公示 / 现场勘查 … (informational). */
  kind: string;
  /** Epoch ms. The civil day it starts on is suspended. */
  startAt: number;
  /** Epoch ms, or `null` while still running. The civil day it ends on runs again. */
  endAt: number | null;
  /** Working days applied for (申请天数); suspended days beyond it count again. `null` = no cap. */
  approvedDays: number | null;
}

/** One case (办件) as the time-limit core needs it. All times are epoch milliseconds. */
export interface CaseInput {
  id: string;
  departmentId: string;
  /** 受理时间. */
  acceptedAt: number;
  /** 承诺时限 in working days (0 = 即办件), or `null`. */
  committedLimitDays: number | null;
  /** 法定时限 in working days, or `null`. */
  statutoryLimitDays: number | null;
  /** 办结时间, or `null` while open. */
  completedAt: number | null;
  suspensions: SuspensionInput[];
  /** An explicit deadline instant (hotline work order, another city's export), or `null`. */
  dueAt: number | null;
}

/** 正常 | 预警 | 黄牌 | 红牌. */
export type WarningLevel = 'normal' | 'early-warning' | 'yellow' | 'red';

/** All warning levels, in increasing severity. */
export const WARNING_LEVELS: readonly WarningLevel[] = ['normal', 'early-warning', 'yellow', 'red'];

/** Configurable warning thresholds. */
export interface WarningThresholds {
  /** 预警 when the remaining committed working days are at most this (default 2). */
  earlyWarningDays: number;
}

/** The defaults from DOMAIN.md. */
export const DEFAULT_WARNING_THRESHOLDS: Readonly<WarningThresholds> = Object.freeze({
  earlyWarningDays: 2,
});

/**
 * Everything the dashboard shows about one case's time limits, as of an instant.
 * Day counts are working days; day fields are Asia/Shanghai civil days ({@link DayIndex}).
 */
export interface CaseEvaluation {
  /** Completed at or before the as-of instant. A completion after as-of is not known yet. */
  completed: boolean;
  /** Civil day of acceptance (not counted; day 1 is the next working day). */
  acceptedDay: DayIndex;
  /** Last day counted: the completion day, else the as-of day (never before acceptance). */
  endDay: DayIndex;
  /** Committed limit used (working days), or `null` for a `dueAt` case. */
  committedLimitDays: number | null;
  /** Statutory limit used (working days), or `null` when the statutory deadline is `dueAt`. */
  statutoryLimitDays: number | null;
  /** 承诺期限: civil day of the committed deadline (the day of `dueAt` for dueAt cases). */
  committedDue: DayIndex;
  /** The committed deadline instant for dueAt cases, `null` for limit-based ones (due 24:00 of `committedDue`). */
  committedDueAt: number | null;
  /** 法定期限: civil day of the statutory deadline. */
  statutoryDue: DayIndex;
  /** The statutory deadline instant when it is `dueAt`, else `null`. */
  statutoryDueAt: number | null;
  /** 已用时限: counted working days from day 1 to `endDay`, suspended days excluded. */
  elapsedDays: number;
  /** 剩余时限 against the committed deadline; negative = working days overdue. */
  remainingDays: number;
  /** Remaining against the statutory deadline. */
  statutoryRemainingDays: number;
  /** Suspended working days from day 1 to `endDay` (each day once). */
  suspendedDays: number;
  /** Past the committed deadline (completed after it, or open after it). */
  overdue: boolean;
  /** Counted working days past the committed deadline (may be 0 while `overdue`, e.g. on a weekend). */
  overdueDays: number;
  /** Past the statutory deadline. */
  statutoryOverdue: boolean;
  /** Counted working days past the statutory deadline. */
  statutoryOverdueDays: number;
  /** 按时办结 (completed at or before the committed deadline); `null` while open. */
  onTime: boolean | null;
  /** 提前办结 (elapsed < committed limit); `null` while open. */
  early: boolean | null;
  /** 超期办结; `null` while open. */
  late: boolean | null;
  level: WarningLevel;
  /** Civil day the current level was first earned; `null` for `normal`. */
  levelSince: DayIndex | null;
  /** Civil day a yellow card was earned, if the case ever held one (also when now red). */
  yellowSince: DayIndex | null;
  /** Civil day the red card was earned, if any. */
  redSince: DayIndex | null;
  /** Suspended working days beyond the suspensions' `approvedDays`, counted against the clock. */
  suspensionOverrunDays: number;
  /** Flag: some suspension ran beyond its approved days. */
  suspensionOverrun: boolean;
  /** Civil days the result depended on: from `acceptedDay` … */
  spanFrom: DayIndex;
  /** … to the latest of `endDay` and both deadlines. */
  spanTo: DayIndex;
  /** Some day in [spanFrom, spanTo] is outside the calendar's official data (Mon–Fri fallback). */
  usesUncoveredDates: boolean;
}
