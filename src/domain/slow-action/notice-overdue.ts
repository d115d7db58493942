/**
 * 逾期未反馈 (notice overdue), a department-level slow-action flag: the department did not answer a
 * 督办单 by its deadline (issue 15 item 3). The 督办 state machine (server/duban/notice-machine.ts)
 * says whether and since when a notice was overdue; this says what the flag reads, so the 慢作为
 * page, its counts and exports show it like every other flag.
 */
import { isoFromDay, type DayIndex } from '../calendar/day';
import type { WorkingCalendar } from '../calendar/calendar';
import { slowActionRuleName, type SlowActionFlag } from './types';

/** An overdue notice as the rule needs it. */
export interface OverdueNotice {
  noticeId: number;
  /** `督〔2026〕第0012号`. */
  number: string;
  departmentId: string;
  /** The deadline that passed unanswered (due at the end of this day). */
  dueDay: DayIndex;
  /**
   * The last day it was overdue: the as-of day while it is still unanswered, else the day of the
   * late answer or appeal (lateness is not undone by answering).
   */
  overdueUntil: DayIndex;
  caseIds: readonly string[];
}

/** The flag of one overdue notice; `sinceDay` is the first day after the deadline. */
export function noticeOverdueFlag(
  n: OverdueNotice,
  cal: Pick<WorkingCalendar, 'countWorkingDays'>,
): SlowActionFlag {
  const daysPast = Math.max(0, cal.countWorkingDays(n.dueDay, n.overdueUntil));
  const dueOn = isoFromDay(n.dueDay);
  return {
    code: 'notice-overdue',
    rule: slowActionRuleName('notice-overdue'),
    caseId: null,
    departmentId: n.departmentId,
    sinceDay: n.dueDay + 1,
    explanation: `督办单${n.number}要求于 ${dueOn} 前反馈，逾期 ${daysPast} 个工作日未反馈（涉及 ${n.caseIds.length} 件办件）。`,
    evidence: {
      noticeId: n.noticeId,
      notice: n.number,
      dueOn,
      daysPast,
      cases: n.caseIds.join(','),
    },
  };
}
