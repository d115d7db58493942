/** The `evaluate` CLI's result rows (shared by the serial path and its worker threads). */
import { isoFromDay, type DayIndex } from '../../src/domain/calendar';
import {
  formatShanghaiIso,
  type CaseEvaluation,
  type WarningLevel,
} from '../../src/domain/time-limit';

/** One line of `results`, exactly the fields the issue specifies. */
export interface EvaluateResultRow {
  id: string;
  departmentId: string;
  committedDue: string;
  statutoryDue: string;
  elapsedDays: number;
  remainingDays: number;
  suspendedDays: number;
  overdueDays: number;
  onTime: boolean | null;
  early: boolean | null;
  level: WarningLevel;
}

/** A due date as the CLI prints it: YYYY-MM-DD for limit-based, the full instant for dueAt. */
function dueText(day: DayIndex, instant: number | null): string {
  return instant === null ? isoFromDay(day) : formatShanghaiIso(instant);
}

export function resultRow(id: string, departmentId: string, e: CaseEvaluation): EvaluateResultRow {
  return {
    id,
    departmentId,
    committedDue: dueText(e.committedDue, e.committedDueAt),
    statutoryDue: dueText(e.statutoryDue, e.statutoryDueAt),
    elapsedDays: e.elapsedDays,
    remainingDays: e.remainingDays,
    suspendedDays: e.suspendedDays,
    overdueDays: e.overdueDays,
    onTime: e.onTime,
    early: e.early,
    level: e.level,
  };
}
