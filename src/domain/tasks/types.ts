/**
 * Domain types of 督查事项 (supervision tasks). The domain has its own types (it never imports the
 * feed layer); `src/engine/tasks.ts` maps validated feed records onto {@link TaskInput}.
 */
import type { DayIndex } from '../calendar/day';

/** Where a task comes from (same spelling as the feed contract). */
export type TaskSourceKind =
  '领导批示' | '会议议定' | '重点工作' | '人大代表建议' | '政协提案' | '12345热线督办';

/** Every source, in the order the page lists them. */
export const TASK_SOURCE_KINDS: readonly TaskSourceKind[] = [
  '领导批示',
  '会议议定',
  '重点工作',
  '人大代表建议',
  '政协提案',
  '12345热线督办',
];

/** Answer outcome codes of 建议 / 提案. */
export type TaskOutcomeCode = 'A' | 'B' | 'C' | 'D';

/** One milestone as the domain reads it. */
export interface MilestoneInput {
  name: string;
  /** Due date (calendar date, Asia/Shanghai): due by the end of this day. */
  due: DayIndex;
  /** Completion instant (epoch ms) or null when not (yet) reported. */
  doneAt: number | null;
}

/** One task as the domain reads it. */
export interface TaskInput {
  id: string;
  source: TaskSourceKind;
  /** Assignment instant (epoch ms). */
  assignedAt: number;
  /** Feed deadline (calendar date); null → the default rule of the source applies. */
  deadline: DayIndex | null;
  /** 复杂建议: six months instead of three for 人大代表建议. */
  complex: boolean;
  milestones: readonly MilestoneInput[];
  /** Feed status: 在办 or 办结. */
  status: '在办' | '办结';
  /** Last change of the record (epoch ms); the completion instant of a 办结 task without milestones. */
  updatedAt: number;
}

/**
 * Status of a task as of a day, by precedence: done > overdue > lagging > due-soon > normal.
 * - `done` 已办结 (on time or late, see {@link TaskEvaluation.onTime});
 * - `overdue` 逾期: the task itself is past its deadline and not done;
 * - `lagging` 滞后: a milestone is past due and not done;
 * - `due-soon` 临期: the deadline or an open milestone is due within the threshold (default 3 days);
 * - `normal` 正常 otherwise.
 */
export type TaskStatusCode = 'normal' | 'due-soon' | 'lagging' | 'overdue' | 'done';

/** Every task status, in display order (most urgent first, done last). */
export const TASK_STATUS_CODES: readonly TaskStatusCode[] = [
  'overdue',
  'lagging',
  'due-soon',
  'normal',
  'done',
];

/**
 * Status of a milestone as of a day:
 * - `done-on-time` / `done-late`: reported done on or before / after its due day;
 * - `overdue` 逾期: past due, not done (the task is open);
 * - `due-soon` 临期: not done, due within the threshold;
 * - `pending` 未到期: not done, due later;
 * - `unreported` 未填报: not reported, but the task is already 办结 (not counted against anyone).
 */
export type MilestoneStatusCode =
  'done-on-time' | 'done-late' | 'overdue' | 'due-soon' | 'pending' | 'unreported';

/** Where the deadline came from. */
export type DeadlineBasis = 'feed' | 'default' | 'missing';

/** Thresholds of the task rules (configurable; defaults in {@link DEFAULT_TASK_THRESHOLDS}). */
export interface TaskThresholds {
  /** 临期 when 0 ≤ due − asOf ≤ dueSoonDays (calendar days). */
  dueSoonDays: number;
}

export const DEFAULT_TASK_THRESHOLDS: TaskThresholds = { dueSoonDays: 3 };

/** A milestone evaluated as of a day. */
export interface MilestoneEvaluation {
  index: number;
  name: string;
  due: DayIndex;
  /** Day the milestone was done, if done on or before the as-of day. */
  doneDay: DayIndex | null;
  status: MilestoneStatusCode;
  /** due − asOf for a milestone not done (negative when past due); null when done. */
  daysLeft: number | null;
  /** Calendar days late: done late → doneDay − due; overdue → asOf − due; else 0. */
  lateDays: number;
}

/** A task evaluated as of a day. */
export interface TaskEvaluation {
  id: string;
  asOfDay: DayIndex;
  assignedDay: DayIndex;
  /** Effective deadline: the feed's, else the source's default; null only when neither exists. */
  deadline: DayIndex | null;
  deadlineBasis: DeadlineBasis;
  status: TaskStatusCode;
  /** Day the task was done (known as of the as-of day), else null. */
  completedDay: DayIndex | null;
  /** Done on or before the deadline; null while open (or without a deadline). */
  onTime: boolean | null;
  /** deadline − asOf for an open task (negative when overdue); null when done or no deadline. */
  daysLeft: number | null;
  /** Calendar days late: done late → completedDay − deadline; open overdue → asOf − deadline. */
  lateDays: number;
  milestones: MilestoneEvaluation[];
  /** Milestones past due and not done (0 for a done task): counted against the lead department. */
  overdueMilestones: number;
  /** Milestones done after their due day. */
  lateDoneMilestones: number;
  /** The earliest open item (milestone or the task itself) still to do, for the reminder text. */
  next: { kind: 'milestone' | 'task'; name: string; due: DayIndex } | null;
}
