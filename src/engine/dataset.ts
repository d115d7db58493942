/**
 * The whole loaded dataset the engine works on (validated feed records), and the joins every
 * computation needs: step records and evaluations by case. Built once per data change, shared by
 * the overview, alerts, slow-action, ranking and the CLI, so they all count the same way.
 */
import type { CaseStepInput } from '../domain/slow-action';
import type { CaseRecord } from '../feeds/schemas/case';
import type { CaseEvent } from '../feeds/schemas/case-event';
import type { Department } from '../feeds/schemas/department';
import type { Evaluation } from '../feeds/schemas/evaluation';
import type { ServiceItem } from '../feeds/schemas/service-item';
import type { SupervisionTask } from '../feeds/schemas/supervision-task';

/** Validated records of every feed. Any list may be empty (e.g. an import of cases only). */
export interface Dataset {
  departments: readonly Department[];
  items: readonly ServiceItem[];
  cases: readonly CaseRecord[];
  caseEvents: readonly CaseEvent[];
  evaluations: readonly Evaluation[];
  tasks: readonly SupervisionTask[];
}

/** A dataset with its joins. */
export interface IndexedDataset extends Dataset {
  /**
   * Step records per case id, in time order (the case page lists them so). A case id absent from
   * the map has no step data at all (`null` for the slow-action rules), which differs from a case
   * with an empty step list; when the dataset has no step records at all, every case is "no step
   * data".
   */
  stepsByCase: ReadonlyMap<string, readonly CaseEvent[]>;
  hasStepData: boolean;
  evaluationsByCase: ReadonlyMap<string, readonly Evaluation[]>;
  departmentById: ReadonlyMap<string, Department>;
  itemByCode: ReadonlyMap<string, ServiceItem>;
}

/** Builds the joins in one pass over each list. */
export function indexDataset(ds: Dataset): IndexedDataset {
  return joined(ds, groupStepsByCase(ds.caseEvents), groupEvaluationsByCase(ds.evaluations));
}

/** Which cases' joins may differ from the last `indexDataset`: their records changed or moved. */
export interface ChangedJoins {
  /** Case ids of step records put since (for a record moved to another case, both ids). */
  stepCases: ReadonlySet<string>;
  /** Case ids of evaluations put since (likewise both ids of a moved one). */
  evaluationCases: ReadonlySet<string>;
}

/**
 * What `indexDataset(ds)` returns, computed from `previous` (the joins of an earlier version of
 * the same lists) by regrouping only the cases in `changed`: one pass over the records picking
 * those cases, instead of grouping and sorting every case again (issue 17: after 10k changed
 * cases of 1M). The groups come from the same functions as a full build, so a case's step list is
 * in the same order. The maps are new (the previous dataset may still be answering requests);
 * only their iteration order may differ — the joins are for lookups by case id.
 */
export function reindexDataset(
  previous: IndexedDataset,
  ds: Dataset,
  changed: ChangedJoins,
): IndexedDataset {
  return joined(
    ds,
    regroup(previous.stepsByCase, changed.stepCases, () =>
      groupStepsByCase(ds.caseEvents, changed.stepCases),
    ),
    regroup(previous.evaluationsByCase, changed.evaluationCases, () =>
      groupEvaluationsByCase(ds.evaluations, changed.evaluationCases),
    ),
  );
}

function joined(
  ds: Dataset,
  stepsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  evaluationsByCase: ReadonlyMap<string, readonly Evaluation[]>,
): IndexedDataset {
  return {
    ...ds,
    stepsByCase,
    hasStepData: ds.caseEvents.length > 0,
    evaluationsByCase,
    departmentById: new Map(ds.departments.map((d) => [d.id, d])),
    itemByCode: new Map(ds.items.map((i) => [i.code, i])),
  };
}

/** The previous map with the changed cases' groups replaced (or removed when they have none). */
function regroup<V>(
  previous: ReadonlyMap<string, V>,
  changedCases: ReadonlySet<string>,
  group: () => ReadonlyMap<string, V>,
): ReadonlyMap<string, V> {
  if (changedCases.size === 0) return previous;
  const groups = group();
  const next = new Map(previous);
  for (const caseId of changedCases) {
    const list = groups.get(caseId);
    if (list === undefined) next.delete(caseId);
    else next.set(caseId, list);
  }
  return next;
}

/**
 * Step records per case (of the cases in `only`, when given): in the list's order (by id), then
 * stably by the time the step was entered — the one definition of a case's step order.
 */
function groupStepsByCase(
  events: readonly CaseEvent[],
  only?: ReadonlySet<string>,
): Map<string, CaseEvent[]> {
  const stepsByCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    if (only !== undefined && !only.has(e.caseId)) continue;
    let list = stepsByCase.get(e.caseId);
    if (!list) {
      list = [];
      stepsByCase.set(e.caseId, list);
    }
    // The record itself serves as the rules' step input (it has the three fields they read): a
    // copy per step record was ≈ 300 MB per million cases (issue 17).
    list.push(e);
  }
  for (const [caseId, list] of stepsByCase) {
    if (list.length > 1) list.sort((a, b) => a.enteredAt - b.enteredAt);
    // A list grown by push keeps room for more (≈ 100 MB per million cases); a copy is exact.
    stepsByCase.set(caseId, list.slice());
  }
  return stepsByCase;
}

/** Evaluations per case (of the cases in `only`, when given), in the list's order. */
function groupEvaluationsByCase(
  evaluations: readonly Evaluation[],
  only?: ReadonlySet<string>,
): Map<string, Evaluation[]> {
  const evaluationsByCase = new Map<string, Evaluation[]>();
  for (const ev of evaluations) {
    if (only !== undefined && !only.has(ev.caseId)) continue;
    const list = evaluationsByCase.get(ev.caseId);
    if (list) list.push(ev);
    else evaluationsByCase.set(ev.caseId, [ev]);
  }
  return evaluationsByCase;
}

/** The steps to hand to the slow-action rules for a case: null when the dataset has no step data. */
export function stepsOf(ds: IndexedDataset, caseId: string): readonly CaseStepInput[] | null {
  if (!ds.hasStepData) return null;
  return ds.stepsByCase.get(caseId) ?? EMPTY_STEPS;
}

const EMPTY_STEPS: readonly CaseStepInput[] = Object.freeze([]);

/**
 * The dataset as posted to a worker: structured clone copies every object on the main thread,
 * so send only what the computations read — step records reduced to the four fields the joins
 * use (caseId, step, enteredAt, leftAt), no tasks, and evaluations only when asked (the ranking
 * reads them, the dashboard model does not). Departments and items are small and kept (the model
 * carries their names).
 */
export function datasetForWorker(ds: Dataset, keep: { evaluations: boolean }): Dataset {
  return {
    departments: ds.departments,
    items: ds.items,
    cases: ds.cases,
    caseEvents: ds.caseEvents.map((e): CaseEvent => ({
      id: '',
      caseId: e.caseId,
      step: e.step,
      departmentId: '',
      handler: '',
      enteredAt: e.enteredAt,
      leftAt: e.leftAt,
      updatedAt: 0,
    })),
    evaluations: keep.evaluations ? ds.evaluations : [],
    tasks: [],
  };
}
