/**
 * One case as the case page shows it: its evaluation (from the model before 督办 revocations, so a
 * revoked case still opens), suspensions, steps, 好差评, flags and the working-day timeline. Cases
 * and rows are looked up through indexes built once per evaluation.
 */
import { isoFromDay } from '../../src/domain/calendar';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import { buildCaseTimeline, indexByCaseId, indexById } from '../../src/engine/case-view';
import type { CaseStatusRow } from '../../src/engine/dashboard';
import { calendarFor } from '../../src/engine/settings';
import type { EvaluatedSource } from '../jobs/evaluate';
import { notFound } from '../http/route';
import { sees, type Viewer } from '../http/viewer';
import { figureComputations } from './figure-cache';
import { metaOf } from './meta';

const rowIndexes = new WeakMap<readonly CaseStatusRow[], Map<string, CaseStatusRow>>();

function rowById(rows: readonly CaseStatusRow[], id: string): CaseStatusRow | undefined {
  let index = rowIndexes.get(rows);
  if (!index) {
    figureComputations.caseIndex++;
    index = new Map(rows.map((r) => [r.id, r]));
    rowIndexes.set(rows, index);
  }
  return index.get(id);
}

/**
 * The case page's lookups of one evaluation, built ahead of the first request (server/jobs/warm.ts):
 * the rows by id, the records by id, the steps by case. One step per call, so the warm-up can
 * yield to waiting requests between them.
 */
export const caseIndexSteps = (e: EvaluatedSource): (() => void)[] => [
  () => rowById(e.evaluatedModel.rows, ''),
  () => indexById(e.dataset.cases),
  () => indexByCaseId(e.dataset.caseEvents),
];

export function caseDetail(e: EvaluatedSource, id: string, viewer: Viewer) {
  const row = rowById(e.evaluatedModel.rows, id);
  // Outside the viewer's departments the case does not exist for them (404, not 403).
  if (row === undefined || !sees(viewer, row.departmentId)) throw notFound('该办件');
  const record = indexById(e.dataset.cases).get(id);
  if (record === undefined) throw notFound('该办件');
  const steps = indexByCaseId(e.dataset.caseEvents).get(id) ?? [];
  const evaluations = e.dataset.evaluationsByCase.get(id) ?? [];
  const item = e.dataset.itemByCode.get(row.itemCode) ?? null;
  const timeline = buildCaseTimeline({
    caseRecord: record,
    row,
    steps,
    asOfMs: e.asOfMs,
    cal: calendarFor(e.settings.settings),
  });
  return {
    caseId: row.id,
    departmentId: row.departmentId,
    departmentName: e.dataset.departmentById.get(row.departmentId)?.name ?? row.departmentId,
    itemCode: row.itemCode,
    itemName: item?.name ?? null,
    status: row.status,
    channel: row.channel,
    acceptedAt: formatShanghaiIso(row.acceptedAt),
    completedAt: row.completedAt === null ? null : formatShanghaiIso(row.completedAt),
    level: row.level,
    evaluation: {
      ...row,
      committedDueDate: isoFromDay(row.committedDue),
      statutoryDueDate: isoFromDay(row.statutoryDue),
    },
    suspensions: record.suspensions.map((s) => ({ ...s })),
    steps: steps.map((s) => ({ ...s })),
    evaluations: evaluations.map((v) => ({ ...v })),
    flags: e.evaluatedModel.flags.filter((f) => f.caseId === row.id).map((f) => ({ ...f })),
    timeline: { ...timeline },
    meta: metaOf(e),
  };
}
