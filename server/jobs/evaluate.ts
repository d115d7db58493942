/**
 * Evaluation in the service: the domain core (through the engine's computeDashboard, the same code
 * the CLI parity tests pin) runs over a source's stored records as of an instant; the results are
 * written to the derived tables (rebuildable at any time: `cli -- recompute`) and kept in memory
 * for the API. Nothing here re-implements a rule.
 */
import type { SlowActionFlag } from '../../src/domain/slow-action';
import {
  computeDashboard,
  type CaseStatusRow,
  type DashboardModel,
} from '../../src/engine/dashboard';
import type { DayIndex } from '../../src/domain/calendar';
import type { IndexedDataset } from '../../src/engine/dataset';
import type { Database } from '../store/database';
import type { LiveDataset } from './live-dataset';
import { currentSettings, type SettingsVersion } from './settings';

/** Everything the API answers from, for one source, as of one instant. */
export interface EvaluatedSource {
  source: string;
  dataset: IndexedDataset;
  /** The model the figures are built from: revoked cards' cases left out (server/duban/figures.ts). */
  model: DashboardModel;
  /** Every case as evaluated (the case page, the card record). */
  evaluatedModel: DashboardModel;
  /** Cases whose card was revoked on appeal. */
  revokedCaseIds: ReadonlySet<string>;
  /** Case-level slow-action flags revoked on appeal, as `caseFlagKey`s (server/duban/figures.ts). */
  revokedFlags: ReadonlySet<string>;
  /** Department id → days its 督办 notices became overdue (slow-action flags). */
  noticeFlagDays: ReadonlyMap<string, readonly DayIndex[]>;
  settings: SettingsVersion;
  asOfMs: number;
  /** Stored records that failed re-validation. */
  invalidStored: number;
  evaluatedAt: number;
  /** Load + evaluate + store, in milliseconds. */
  evaluateMs: number;
}

/**
 * Evaluates a source's live records and stores the derived results. With `previous` (the last
 * model computed from the same `live`), only the cases changed since and those whose figures move
 * with the as-of are evaluated and rewritten (issue 17: an incremental sync of 10k cases and the
 * daily re-evaluation re-did all 1M); the rest is taken over (`computeDashboard`'s reuse).
 */
export async function evaluateSource(
  db: Database,
  source: string,
  live: LiveDataset,
  asOfMs: number,
  previous: DashboardModel | null = null,
): Promise<EvaluatedSource> {
  const started = Date.now();
  const settings = await currentSettings(db);
  const changedCaseIds = live.takeChangedCases();
  const dataset = live.dataset();
  const invalid = live.invalidStored;
  let model: DashboardModel;
  try {
    model = computeDashboard(dataset, settings.settings, asOfMs, undefined, {
      keep: true,
      ...(previous === null ? {} : { previous: { model: previous, changedCaseIds } }),
    });
    await writeDerived(db, source, model, settings.version, Date.now() - started);
  } catch (e) {
    // The next evaluation must still see these cases as changed.
    live.restoreChangedCases(changedCaseIds);
    throw e;
  }
  return {
    source,
    dataset,
    model,
    evaluatedModel: model,
    revokedCaseIds: new Set(),
    revokedFlags: new Set(),
    noticeFlagDays: new Map(),
    settings,
    asOfMs,
    invalidStored: invalid,
    evaluatedAt: Date.now(),
    evaluateMs: Date.now() - started,
  };
}

function nullableInt(v: number | null): number | null {
  return v === null ? null : v;
}

/** The cases an evaluation evaluated again or saw gone, when it took the rest over unchanged. */
export interface EvaluationDelta {
  recomputedIds: readonly string[];
  /** Their rows' positions in the model (the order of `recomputedIds`). */
  recomputedRows: readonly number[];
  removedIds: readonly string[];
  /** Row i's case-level flags are `model.flags[flagEnd[i − 1] ?? 0 … flagEnd[i])`. */
  flagEnd: Int32Array;
}

/**
 * What changed in `model` against the model it reused, or null when everything is to be treated
 * as new: no reuse, a full evaluation, or so many cases evaluated again that handling the whole
 * source at once is cheaper than picking cases by id (the first sync into an empty store reuses
 * an empty model). The derived rows and the card record follow the same choice.
 */
export function evaluationDelta(model: DashboardModel): EvaluationDelta | null {
  const reuse = model.reuse;
  return reuse !== undefined &&
    !reuse.full &&
    reuse.recomputedIds.length + reuse.removedIds.length <= model.rows.length / 4
    ? reuse
    : null;
}

/** The rows to write: every row, or only those evaluated again. */
function rowsToWrite(model: DashboardModel, delta: EvaluationDelta | null): CaseStatusRow[] {
  if (delta === null) return model.rows;
  return delta.recomputedRows.map((i) => model.rows[i]!);
}

/**
 * The flags to write: the case-level flags of every row (or only of the rows evaluated again: read
 * by position, not by a pass over the city's flags — issue 17, 5M), then every department-level
 * one (临期突击, recomputed every time).
 */
function* flagsToWrite(
  model: DashboardModel,
  delta: EvaluationDelta | null,
): Generator<SlowActionFlag> {
  if (delta === null) yield* model.flags;
  else {
    for (const i of delta.recomputedRows) {
      for (let f = i === 0 ? 0 : delta.flagEnd[i - 1]!; f < delta.flagEnd[i]!; f++) {
        yield model.flags[f]!;
      }
    }
  }
  for (const q of model.deadlineRush) yield* q.flags;
}

/**
 * Replaces the source's derived rows in one transaction (readers see the old or the new, never
 * half): all of them, or — when the model reused an earlier one's rows (`model.reuse`, not full)
 * — only the rows of the cases evaluated again or gone, and the department-level flags.
 */
export async function writeDerived(
  db: Database,
  source: string,
  model: DashboardModel,
  settingsVersion: number,
  ms: number,
): Promise<void> {
  const delta = evaluationDelta(model);
  await db.transaction(async (tx) => {
    if (delta === null) {
      await tx.run('DELETE FROM case_eval WHERE source = $1', [source]);
      await tx.run('DELETE FROM case_flags WHERE source = $1', [source]);
    } else {
      const ids = [...delta.recomputedIds, ...delta.removedIds];
      // The department-level flags (临期突击) are recomputed every time.
      await tx.run('DELETE FROM case_flags WHERE source = $1 AND case_id IS NULL', [source]);
      // An empty list cannot be bound (DuckDB cannot type it); nothing to delete then.
      if (ids.length > 0) {
        await tx.run(
          'DELETE FROM case_eval WHERE source = $1 AND case_id IN (SELECT unnest($2::VARCHAR[]))',
          [source, ids],
        );
        await tx.run(
          'DELETE FROM case_flags WHERE source = $1 AND case_id IN (SELECT unnest($2::VARCHAR[]))',
          [source, ids],
        );
      }
    }
    const cases = await tx.connection.createAppender('case_eval');
    for (const r of rowsToWrite(model, delta)) {
      cases.appendVarchar(source);
      cases.appendVarchar(r.id);
      cases.appendVarchar(r.departmentId);
      cases.appendVarchar(r.itemCode);
      cases.appendVarchar(r.status);
      cases.appendBoolean(r.completed);
      cases.appendVarchar(r.level);
      cases.appendInteger(r.committedDue);
      cases.appendInteger(r.statutoryDue);
      cases.appendInteger(r.elapsedDays);
      cases.appendInteger(r.remainingDays);
      cases.appendInteger(r.suspendedDays);
      cases.appendInteger(r.overdueDays);
      appendNullableBool(cases, r.onTime);
      appendNullableBool(cases, r.early);
      appendNullableBool(cases, r.late);
      appendNullableIntValue(cases, nullableInt(r.levelSince));
      appendNullableIntValue(cases, nullableInt(r.yellowSince));
      appendNullableIntValue(cases, nullableInt(r.redSince));
      cases.appendVarchar(r.flagCodes.join(','));
      cases.endRow();
    }
    cases.closeSync();
    const flags = await tx.connection.createAppender('case_flags');
    for (const f of flagsToWrite(model, delta)) {
      flags.appendVarchar(source);
      if (f.caseId === null) flags.appendNull();
      else flags.appendVarchar(f.caseId);
      flags.appendVarchar(f.departmentId);
      flags.appendVarchar(f.code);
      flags.appendVarchar(JSON.stringify({ sinceDay: f.sinceDay, evidence: f.evidence }));
      flags.endRow();
    }
    flags.closeSync();
    await tx.run(
      `INSERT INTO derived_meta VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source) DO UPDATE SET as_of = excluded.as_of, settings_version = excluded.settings_version,
         computed_at = excluded.computed_at, cases = excluded.cases, ms = excluded.ms`,
      [source, model.asOfMs, settingsVersion, Date.now(), model.rows.length, ms],
    );
  });
}

interface NullableAppender {
  appendNull(): void;
  appendBoolean(v: boolean): void;
  appendInteger(v: number): void;
}

function appendNullableBool(a: NullableAppender, v: boolean | null): void {
  if (v === null) a.appendNull();
  else a.appendBoolean(v);
}

function appendNullableIntValue(a: NullableAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendInteger(v);
}
