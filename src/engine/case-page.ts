/**
 * One case as the case page (办件详情) shows it: its evaluation, suspensions, steps, 好差评, flags
 * and the working-day timeline. The service's `GET /case` and the mock service both answer with
 * it (each checks scope and adds its `meta`). Lookups go through indexes built once per records
 * array (./case-view), which the service builds ahead of the first request.
 */
import { isoFromDay, type WorkingCalendar } from '../domain/calendar';
import { formatShanghaiIso } from '../domain/time-limit';
import { buildCaseTimeline, indexById, indexPositionById } from './case-view';
import type { SlowActionFlag } from '../domain/slow-action';
import type { DashboardModel } from './dashboard';
import type { IndexedDataset } from './dataset';

export interface CasePageInput {
  /** The model the case is read from (the service: before 督办 revocations, so it still opens). */
  model: DashboardModel;
  dataset: IndexedDataset;
  asOfMs: number;
  calendar: WorkingCalendar;
}

/** The indexes {@link casePage} reads, built now if they are not yet (one call each). */
export const casePageIndexes = ({ model, dataset }: CasePageInput): (() => void)[] => [
  () => indexPositionById(dataset.cases),
  // A model with one row per case at the case's position needs no index of its own.
  ...(model.rows.length === dataset.cases.length ? [] : [() => indexById(model.rows)]),
  () => flagsByCase(model.flags),
];

const flagsByCaseCache = new WeakMap<
  readonly SlowActionFlag[],
  ReadonlyMap<string, readonly SlowActionFlag[]>
>();

/**
 * A model's case-level flags by case id, in the flags' order, built once per model: the page
 * filtered every flag of the city on each request (5M cases: p95 880 ms with 20 clients, issue 17).
 */
function flagsByCase(
  flags: readonly SlowActionFlag[],
): ReadonlyMap<string, readonly SlowActionFlag[]> {
  const hit = flagsByCaseCache.get(flags);
  if (hit !== undefined) return hit;
  const map = new Map<string, SlowActionFlag[]>();
  for (const f of flags) {
    if (f.caseId === null) continue;
    const list = map.get(f.caseId);
    if (list === undefined) map.set(f.caseId, [f]);
    else list.push(f);
  }
  flagsByCaseCache.set(flags, map);
  return map;
}

/** The case's record and evaluated row: the row at the record's position, else found by id. */
function recordAndRow(model: DashboardModel, dataset: IndexedDataset, id: string) {
  const at = indexPositionById(dataset.cases).get(id);
  const record = at === undefined ? undefined : dataset.cases[at];
  if (record === undefined || at === undefined) return null;
  const aligned = model.rows[at];
  const row = aligned?.id === id ? aligned : indexById(model.rows).get(id);
  return row === undefined ? null : { record, row };
}

/** The page of case `id`; null when the model or the records do not hold it. */
export function casePage({ model, dataset, asOfMs, calendar }: CasePageInput, id: string) {
  const found = recordAndRow(model, dataset, id);
  if (found === null) return null;
  const { record, row } = found;
  // The dataset's own join (in time order): a second per-case index of every step record was
  // ≈ 145 MB per million cases (issue 17).
  const steps = dataset.stepsByCase.get(id) ?? [];
  const timeline = buildCaseTimeline({ caseRecord: record, row, steps, asOfMs, cal: calendar });
  return {
    caseId: row.id,
    departmentId: row.departmentId,
    departmentName: dataset.departmentById.get(row.departmentId)?.name ?? row.departmentId,
    itemCode: row.itemCode,
    itemName: dataset.itemByCode.get(row.itemCode)?.name ?? null,
    status: row.status,
    channel: row.channel,
    acceptedAt: formatShanghaiIso(row.acceptedAt),
    completedAt: row.completedAt === null ? null : formatShanghaiIso(row.completedAt),
    level: row.level,
    evaluation: {
      ...row,
      flagCodes: [...row.flagCodes],
      committedDueDate: isoFromDay(row.committedDue),
      statutoryDueDate: isoFromDay(row.statutoryDue),
    },
    suspensions: record.suspensions.map((s) => ({ ...s })),
    steps: steps.map((s) => ({ ...s })),
    evaluations: (dataset.evaluationsByCase.get(id) ?? []).map((v) => ({ ...v })),
    flags: (flagsByCase(model.flags).get(id) ?? []).map((f) => ({ ...f })),
    timeline: { ...timeline },
  };
}
