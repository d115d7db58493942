/**
 * Evaluation in the service: the domain core (through the engine's computeDashboard, the same code
 * the CLI parity tests pin) runs over a source's stored records as of an instant; the results are
 * written to the derived tables (rebuildable at any time: `cli -- recompute`) and kept in memory
 * for the API. Nothing here re-implements a rule.
 */
import { computeDashboard, type DashboardModel } from '../../src/engine/dashboard';
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

/** Evaluates a source's live records and stores the derived results. */
export async function evaluateSource(
  db: Database,
  source: string,
  live: LiveDataset,
  asOfMs: number,
): Promise<EvaluatedSource> {
  const started = Date.now();
  const settings = await currentSettings(db);
  const dataset = live.dataset();
  const invalid = live.invalidStored;
  const model = computeDashboard(dataset, settings.settings, asOfMs);
  await writeDerived(db, source, model, settings.version, Date.now() - started);
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

/** Replaces the source's derived rows in one transaction (readers see the old or the new, never half). */
export async function writeDerived(
  db: Database,
  source: string,
  model: DashboardModel,
  settingsVersion: number,
  ms: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM case_eval WHERE source = $1', [source]);
    await tx.run('DELETE FROM case_flags WHERE source = $1', [source]);
    const cases = await tx.connection.createAppender('case_eval');
    for (const r of model.rows) {
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
    const rush = model.deadlineRush.flatMap((q) => q.flags);
    for (const f of [...model.flags, ...rush]) {
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
