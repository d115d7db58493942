/**
 * Everything the case page shows about one case, joined from the model and the feeds: the model
 * row (figures as computed by the engine), the case record (suspensions), its step records and
 * evaluations (from cached per-case indexes), its slow-action flags, and the timeline on the
 * working-day axis of the settings' calendar.
 */
import { useMemo } from 'react';
import type { WorkingCalendar } from '../../domain/calendar';
import type { SlowActionFlag } from '../../domain/slow-action';
import {
  buildCaseTimeline,
  indexByCaseId,
  indexById,
  type CaseTimeline,
} from '../../engine/case-view';
import type { CaseStatusRow, DashboardModel, ItemInfo } from '../../engine/dashboard';
import { calendarFor } from '../../engine/settings';
import { useCaseEventsFeed } from '../../feeds/api/case-events';
import { useCasesFeed } from '../../feeds/api/cases';
import { useEvaluationsFeed } from '../../feeds/api/evaluations';
import type { CaseRecord } from '../../feeds/schemas/case';
import type { Evaluation } from '../../feeds/schemas/evaluation';
import { useSettingsStore } from '../../state/settings-store';

export interface CaseData {
  row: CaseStatusRow;
  record: CaseRecord | null;
  item: ItemInfo | null;
  departmentName: string;
  /** Department names by id (steps may be handled by another department). */
  departmentNames: ReadonlyMap<string, string>;
  flags: SlowActionFlag[];
  evaluations: readonly Evaluation[];
  /** Null while the step feed is still loading. */
  timeline: CaseTimeline | null;
  stepsLoaded: boolean;
  cal: WorkingCalendar;
}

const NONE: readonly never[] = Object.freeze([]);

/** The joined data of one case, or `null` when the model has no such case. */
export function useCaseData(model: DashboardModel, caseId: string): CaseData | null {
  const cases = useCasesFeed().data?.records;
  const events = useCaseEventsFeed().data?.records;
  const evaluations = useEvaluationsFeed().data?.records;
  const extraFiles = useSettingsStore((s) => s.settings.extraCalendarFiles);
  // The engine computed the model with this calendar; the axis must use the same one.
  const cal = useMemo(() => calendarFor({ extraCalendarFiles: extraFiles }), [extraFiles]);
  const row = useMemo(() => model.rows.find((r) => r.id === caseId) ?? null, [model, caseId]);
  const record = useMemo(
    () => (cases ? (indexById(cases).get(caseId) ?? null) : null),
    [cases, caseId],
  );
  const steps = useMemo(
    () => (events ? (indexByCaseId(events).get(caseId) ?? NONE) : null),
    [events, caseId],
  );
  const caseEvaluations = useMemo(
    () => (evaluations ? (indexByCaseId(evaluations).get(caseId) ?? NONE) : NONE),
    [evaluations, caseId],
  );
  const flags = useMemo(() => model.flags.filter((f) => f.caseId === caseId), [model, caseId]);
  const timeline = useMemo(
    () =>
      row && record && steps
        ? buildCaseTimeline({ caseRecord: record, row, steps, asOfMs: model.asOfMs, cal })
        : null,
    [row, record, steps, model.asOfMs, cal],
  );
  const departmentNames = useMemo(
    () => new Map(model.departments.map((d) => [d.id, d.name])),
    [model.departments],
  );
  if (!row) return null;
  return {
    row,
    record,
    item: model.items.find((i) => i.code === row.itemCode) ?? null,
    departmentName: departmentNames.get(row.departmentId) ?? row.departmentId,
    departmentNames,
    flags,
    evaluations: caseEvaluations,
    timeline,
    stepsLoaded: steps !== null,
    cal,
  };
}
