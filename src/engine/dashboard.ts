/**
 * The supervisor views' model: every case evaluated (deadlines, warning level) and flagged (slow
 * action) as of one instant, computed once per data or settings change — in the engine worker for
 * real data — and then sliced by the pages with the pure functions in summaries.ts. The same rows
 * feed every chart, table and export, so they cannot disagree.
 */
import { isoFromDay, shanghaiDayOf, type DayIndex } from '../domain/calendar';
import { periodKey, periodRange, quarterOfDay, type Period } from '../domain/period/period';
import {
  flagCase,
  flagDeadlineRushByDepartment,
  settledAsOf,
  type RushInput,
  type SlowActionCode,
  type SlowActionFlag,
} from '../domain/slow-action';
import { evaluateCase, type CaseEvaluation } from '../domain/time-limit';
import type { CaseChannel, CaseStatus } from '../feeds/schemas/case';
import type { DepartmentKind } from '../feeds/schemas/department';
import type { ItemKind } from '../feeds/schemas/service-item';
import { stepsOf, type IndexedDataset } from './dataset';
import { calendarFor, type EngineSettings } from './settings';

/** The evaluation fields every supervisor view shows (documented on CaseEvaluation). */
type RowEvaluationField =
  | 'completed'
  | 'committedLimitDays'
  | 'statutoryLimitDays'
  | 'committedDue'
  | 'committedDueAt'
  | 'statutoryDue'
  | 'statutoryDueAt'
  | 'elapsedDays'
  | 'remainingDays'
  | 'statutoryRemainingDays'
  | 'suspendedDays'
  | 'overdue'
  | 'overdueDays'
  | 'statutoryOverdueDays'
  | 'onTime'
  | 'early'
  | 'late'
  | 'level'
  | 'levelSince'
  | 'yellowSince'
  | 'redSince'
  | 'suspensionOverrunDays'
  | 'usesUncoveredDates';

/** One case as every supervisor view shows it. Days are Asia/Shanghai civil days (DayIndex). */
export interface CaseStatusRow extends Pick<CaseEvaluation, RowEvaluationField> {
  id: string;
  departmentId: string;
  itemCode: string;
  /** Null for imported files without a channel column. */
  channel: CaseChannel | null;
  status: CaseStatus;
  acceptedAt: number;
  completedAt: number | null;
  /** Codes of the case-level slow-action flags (details in `DashboardModel.flags`). */
  flagCodes: readonly SlowActionCode[];
}

export interface DepartmentInfo {
  id: string;
  name: string;
  kind: DepartmentKind | null;
  parentId: string | null;
}

export interface ItemInfo {
  code: string;
  name: string;
  departmentId: string;
  kind: ItemKind;
  committedLimitDays: number;
  statutoryLimitDays: number;
}

/** 临期突击 flags of one quarter (department level). */
export interface QuarterDeadlineRush {
  quarter: string;
  flags: SlowActionFlag[];
}

export interface DashboardModel {
  asOfMs: number;
  asOfDay: DayIndex;
  rows: CaseStatusRow[];
  /** Case-level slow-action flags of all cases, with evidence. */
  flags: SlowActionFlag[];
  /** Department-level 临期突击 per quarter, from the first quarter with data to the as-of quarter. */
  deadlineRush: QuarterDeadlineRush[];
  /**
   * Department-level 逾期未反馈 flags of the 督办 record (one per overdue notice). The engine knows
   * no notices: empty here, filled by the service (server/duban/figures.ts).
   */
  noticeFlags: readonly SlowActionFlag[];
  departments: DepartmentInfo[];
  items: ItemInfo[];
  calendar: { coveredFrom: string; coveredTo: string; casesOutsideCalendar: number };
  /** Milliseconds the computation took (for the performance note). */
  computeMs: number;
  /** What a later computation may reuse; only when asked for (`Reevaluation.keep`). */
  reuse?: DashboardReuse;
}

/**
 * Per row, what a later `computeDashboard` needs to take the row over instead of evaluating the
 * case again (the service: incremental syncs and the daily re-evaluation, issue 17).
 */
export interface DashboardReuse {
  /** The settings the rows were computed with (JSON: the service reads a new object each time). */
  settingsKey: string;
  hasStepData: boolean;
  /** Row i's case-level flags are `flags[flagEnd[i − 1] ?? 0 … flagEnd[i])`. */
  flagEnd: Int32Array;
  /** Per row, what 临期突击 reads (its quarters are recomputed every time). */
  rush: RushInput[];
  /** Ids of the rows evaluated this time (all rows when `full`), and of rows gone since. */
  recomputedIds: string[];
  /** Positions in `rows` of the rows evaluated this time, in the order of `recomputedIds`. */
  recomputedRows: number[];
  removedIds: string[];
  full: boolean;
}

/**
 * How to re-evaluate: `keep` keeps `model.reuse`; `previous` (a model computed with `keep`) lends
 * its rows for every case not in `changedCaseIds` when they cannot differ — the same as-of, or a
 * later one and the case settled (`settledAsOf`: completed, nothing left to age). Same settings
 * and same step-data presence, else everything is evaluated.
 */
export interface Reevaluation {
  keep: boolean;
  previous?: { model: DashboardModel; changedCaseIds: ReadonlySet<string> };
}

export type ProgressCallback = (done: number, total: number) => void;

const PROGRESS_STEP = 20_000;

/** Evaluates and flags every case of the dataset as of `asOfMs`. */
export function computeDashboard(
  ds: IndexedDataset,
  settings: EngineSettings,
  asOfMs: number,
  onProgress?: ProgressCallback,
  reevaluation?: Reevaluation,
): DashboardModel {
  const started = Date.now();
  const cal = calendarFor(settings);
  const total = ds.cases.length;
  const rows: CaseStatusRow[] = new Array<CaseStatusRow>(total);
  const rush: RushInput[] = new Array<RushInput>(total);
  const flags: SlowActionFlag[] = [];
  const keep = reevaluation?.keep === true;
  const flagEnd = keep ? new Int32Array(total) : null;
  const settingsKey = keep ? JSON.stringify(settings) : '';
  const prevModel = reevaluation?.previous?.model;
  const prev =
    prevModel?.reuse !== undefined &&
    prevModel.reuse.settingsKey === settingsKey &&
    prevModel.reuse.hasStepData === ds.hasStepData &&
    prevModel.asOfMs <= asOfMs
      ? prevModel.reuse
      : null;
  const prevRows = prevModel?.rows ?? [];
  const prevFlags = prevModel?.flags ?? [];
  const prevAsOf = prevModel?.asOfMs ?? asOfMs;
  const changed = reevaluation?.previous?.changedCaseIds ?? new Set<string>();
  const recomputedIds: string[] = [];
  const recomputedRows: number[] = [];
  const removedIds: string[] = [];
  let outside = 0;
  let j = 0;
  for (let i = 0; i < total; i++) {
    const c = ds.cases[i]!;
    if (prev !== null) {
      // Both lists are sorted by id (code-unit order); an id found only in the old one is gone.
      while (j < prevRows.length && prevRows[j]!.id < c.id) removedIds.push(prevRows[j++]!.id);
      const old = prevRows[j];
      if (
        old !== undefined &&
        old.id === c.id &&
        !changed.has(c.id) &&
        (prevAsOf === asOfMs || settledAsOf(c, prevAsOf))
      ) {
        rows[i] = old;
        rush[i] = prev.rush[j]!;
        for (let f = j === 0 ? 0 : prev.flagEnd[j - 1]!; f < prev.flagEnd[j]!; f++) {
          flags.push(prevFlags[f]!);
        }
        if (flagEnd !== null) flagEnd[i] = flags.length;
        if (old.usesUncoveredDates) outside += 1;
        j++;
        continue;
      }
      if (old !== undefined && old.id === c.id) j++;
    }
    const ev = evaluateCase(c, asOfMs, cal, settings.warning);
    const caseFlags = flagCase(c, ev, stepsOf(ds, c.id), asOfMs, cal, settings.slowAction);
    for (const f of caseFlags) flags.push(f);
    if (flagEnd !== null) flagEnd[i] = flags.length;
    if (keep) {
      recomputedIds.push(c.id);
      recomputedRows.push(i);
    }
    if (ev.usesUncoveredDates) outside += 1;
    rush[i] = {
      c: { departmentId: c.departmentId },
      ev: {
        completed: ev.completed,
        committedLimitDays: ev.committedLimitDays,
        endDay: ev.endDay,
        committedDue: ev.committedDue,
        acceptedDay: ev.acceptedDay,
      },
    };
    rows[i] = {
      id: c.id,
      departmentId: c.departmentId,
      itemCode: c.itemCode,
      channel: c.channel,
      status: c.status,
      acceptedAt: c.acceptedAt,
      completedAt: c.completedAt,
      completed: ev.completed,
      committedLimitDays: ev.committedLimitDays,
      statutoryLimitDays: ev.statutoryLimitDays,
      committedDue: ev.committedDue,
      committedDueAt: ev.committedDueAt,
      statutoryDue: ev.statutoryDue,
      statutoryDueAt: ev.statutoryDueAt,
      elapsedDays: ev.elapsedDays,
      remainingDays: ev.remainingDays,
      statutoryRemainingDays: ev.statutoryRemainingDays,
      suspendedDays: ev.suspendedDays,
      overdue: ev.overdue,
      overdueDays: ev.overdueDays,
      statutoryOverdueDays: ev.statutoryOverdueDays,
      onTime: ev.onTime,
      early: ev.early,
      late: ev.late,
      level: ev.level,
      levelSince: ev.levelSince,
      yellowSince: ev.yellowSince,
      redSince: ev.redSince,
      suspensionOverrunDays: ev.suspensionOverrunDays,
      flagCodes: caseFlags.length === 0 ? NO_CODES : caseFlags.map((f) => f.code),
      usesUncoveredDates: ev.usesUncoveredDates,
    };
    if (onProgress && (i + 1) % PROGRESS_STEP === 0) onProgress(i + 1, total);
  }
  if (prev !== null) while (j < prevRows.length) removedIds.push(prevRows[j++]!.id);
  onProgress?.(total, total);
  const asOfDay = shanghaiDayOf(asOfMs);
  return {
    asOfMs,
    asOfDay,
    rows,
    flags,
    deadlineRush: deadlineRushByQuarter(rush, asOfDay, settings),
    noticeFlags: [],
    departments: ds.departments.map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.kind,
      parentId: d.parentId,
    })),
    items: ds.items.map((i) => ({
      code: i.code,
      name: i.name,
      departmentId: i.departmentId,
      kind: i.kind,
      committedLimitDays: i.committedLimitDays,
      statutoryLimitDays: i.statutoryLimitDays,
    })),
    calendar: {
      coveredFrom: isoFromDay(cal.coveredFrom),
      coveredTo: isoFromDay(cal.coveredTo),
      casesOutsideCalendar: outside,
    },
    computeMs: Date.now() - started,
    ...(flagEnd === null
      ? {}
      : {
          reuse: {
            settingsKey,
            hasStepData: ds.hasStepData,
            flagEnd,
            rush,
            recomputedIds,
            recomputedRows,
            removedIds,
            full: prev === null,
          },
        }),
  };
}

const NO_CODES: readonly SlowActionCode[] = Object.freeze([]);

/**
 * 临期突击 of every quarter from the first accepted case's to the as-of's. Each quarter's rule runs
 * over the cases completed inside it (the only ones it can count), picked in one pass instead of
 * scanning every case once per quarter; its flags are then put back in the rule's order over all
 * cases (each department's first appearance).
 */
function deadlineRushByQuarter(
  evaluated: readonly RushInput[],
  asOfDay: DayIndex,
  settings: EngineSettings,
): QuarterDeadlineRush[] {
  if (evaluated.length === 0) return [];
  let first = asOfDay;
  for (const e of evaluated) if (e.ev.acceptedDay < first) first = e.ev.acceptedDay;
  const quarters: { key: string; range: { from: DayIndex; to: DayIndex } }[] = [];
  let q: Period = quarterOfDay(first);
  const last = periodKey(quarterOfDay(asOfDay));
  for (let guard = 0; guard < 200; guard++) {
    const range = periodRange(q);
    quarters.push({ key: periodKey(q), range });
    if (periodKey(q) === last) break;
    q = quarterOfDay(range.to + 1);
  }
  const firstSeen = new Map<string, number>();
  const completedIn: RushInput[][] = quarters.map(() => []);
  for (const e of evaluated) {
    if (!firstSeen.has(e.c.departmentId)) firstSeen.set(e.c.departmentId, firstSeen.size);
    if (!e.ev.completed) continue;
    const k = quarterContaining(quarters, e.ev.endDay);
    if (k >= 0) completedIn[k]!.push(e);
  }
  const order = (departmentId: string): number => firstSeen.get(departmentId) ?? 0;
  return quarters.map(({ key, range }, k) => ({
    quarter: key,
    flags: flagDeadlineRushByDepartment(completedIn[k]!, range, settings.slowAction).sort(
      (a, b) => order(a.departmentId) - order(b.departmentId),
    ),
  }));
}

/** Index of the quarter (consecutive, ascending) whose range holds `day`, or −1. */
function quarterContaining(
  quarters: readonly { range: { from: DayIndex; to: DayIndex } }[],
  day: DayIndex,
): number {
  let lo = 0;
  let hi = quarters.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = quarters[mid]!.range;
    if (day < r.from) hi = mid - 1;
    else if (day > r.to) lo = mid + 1;
    else return mid;
  }
  return -1;
}
