/**
 * Everything the case page shows about one case: the service's answer (the model row, the case's
 * suspensions, steps, evaluations and flags), the department names (steps may be handled by
 * another department), and the timeline on the working-day axis of the service's calendar
 * (`calendarFor` over the shared settings — the calendar the service evaluated with).
 */
import { useMemo } from 'react';
import type { CaseData as CaseAnswer } from '../../api/case';
import { useDepartments } from '../../api/departments';
import { asOfMsOf } from '../../api/meta';
import type { SharedSettings } from '../../api/settings';
import type { WorkingCalendar } from '../../domain/calendar';
import type { SlowActionFlag } from '../../domain/slow-action';
import { buildCaseTimeline, type CaseTimeline } from '../../engine/case-view';
import type { CaseStatusRow } from '../../engine/dashboard';
import type { EngineSettings } from '../../engine/settings';
import { calendarFor } from '../../engine/settings';
import type { Evaluation } from '../../feeds/schemas/evaluation';

export interface CaseData {
  row: CaseStatusRow;
  item: { name: string; committedLimitDays: number; statutoryLimitDays: number } | null;
  departmentName: string;
  /** Department names by id (steps may be handled by another department). */
  departmentNames: ReadonlyMap<string, string>;
  flags: SlowActionFlag[];
  evaluations: readonly Evaluation[];
  timeline: CaseTimeline | null;
  stepsLoaded: boolean;
  cal: WorkingCalendar;
  settings: EngineSettings;
  asOfMs: number;
}

/** The joined data of one case from the service's answer and the shared settings. */
export function useCaseData(answer: CaseAnswer, shared: SharedSettings): CaseData {
  const departments = useDepartments().data?.items;
  const extraFiles = shared.settings.extraCalendarFiles;
  // The service evaluated with this calendar; the axis must use the same one.
  const cal = useMemo(() => calendarFor({ extraCalendarFiles: extraFiles }), [extraFiles]);
  const asOfMs = asOfMsOf(answer.meta);
  const row = answer.evaluation;
  const timeline = useMemo(
    () =>
      buildCaseTimeline({
        caseRecord: {
          id: row.id,
          departmentId: row.departmentId,
          acceptedAt: row.acceptedAt,
          committedLimitDays: row.committedLimitDays,
          statutoryLimitDays: row.statutoryLimitDays,
          completedAt: row.completedAt,
          suspensions: answer.suspensions,
          dueAt: row.committedDueAt,
        },
        row,
        steps: answer.steps,
        asOfMs,
        cal,
      }),
    [row, answer.suspensions, answer.steps, asOfMs, cal],
  );
  const departmentNames = useMemo(() => {
    const names = new Map((departments ?? []).map((d) => [d.id, d.name]));
    names.set(answer.departmentId, answer.departmentName);
    return names;
  }, [departments, answer.departmentId, answer.departmentName]);
  return {
    row,
    item:
      answer.itemName === null || row.committedLimitDays === null || row.statutoryLimitDays === null
        ? null
        : {
            name: answer.itemName,
            committedLimitDays: row.committedLimitDays,
            statutoryLimitDays: row.statutoryLimitDays,
          },
    departmentName: answer.departmentName,
    departmentNames,
    flags: answer.flags,
    evaluations: answer.evaluations,
    timeline,
    stepsLoaded: true,
    cal,
    settings: shared.settings,
    asOfMs,
  };
}
