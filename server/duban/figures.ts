/**
 * How the 督办 record changes the figures (docs/duban.md, "The figures follow"):
 * - a case with a revoked card leaves the model the overview, alerts, slow-action list and their
 *   exports are built from, and leaves the case scan of every ranking (time-limit indicators and
 *   its slow-action flags);
 * - a flag of a revoked notice (case + rule) leaves the slow-action list, the department flag
 *   counts and the case's flag codes, and no longer adds to the ranking's 慢作为率 — the case itself
 *   still counts everywhere;
 * - a notice that was 逾期未反馈 is one slow-action flag of its department, in the quarter of the
 *   first overdue day.
 * The service applies this to each evaluation (and again after each decision) to produce the
 * EvaluatedSource every route answers from, so no route can forget it.
 */
import { shanghaiDayOf, type DayIndex } from '../../src/domain/calendar';
import {
  caseFlagKey,
  isRevokedFlag,
  noticeOverdueFlag,
  type SlowActionFlag,
} from '../../src/domain/slow-action';
import type { DashboardModel } from '../../src/engine/dashboard';
import type { Quarter, RankingOptions } from '../../src/engine/ranking';
import { calendarFor } from '../../src/engine/settings';
import { periodRange } from '../../src/domain/period/period';
import { quarterSupervision, type QuarterSupervision } from '../../src/engine/quarter-supervision';
import type { EvaluatedSource } from '../jobs/evaluate';
import type { Database } from '../store/database';
import { revokedCaseIds } from './cards';
import { overdueSpan } from './notice-machine';
import { loadNotices } from './notice-store';

export interface DubanFigures {
  revokedCaseIds: ReadonlySet<string>;
  /** The flags of revoked notices, as `caseFlagKey`s. */
  revokedFlags: ReadonlySet<string>;
  /** One 逾期未反馈 flag per notice that was overdue (department level, not revoked). */
  noticeFlags: readonly SlowActionFlag[];
}

export async function loadDubanFigures(db: Database, base: EvaluatedSource): Promise<DubanFigures> {
  const revoked = await revokedCaseIds(db, base.source);
  const asOfDay = shanghaiDayOf(base.asOfMs);
  const cal = calendarFor(base.settings.settings);
  const flags: SlowActionFlag[] = [];
  const revokedFlags = new Set<string>();
  for (const n of await loadNotices(db, base.source)) {
    if (n.snapshot.state === 'revoked')
      for (const f of n.flags) revokedFlags.add(caseFlagKey(f.caseId, f.code));
    const span = overdueSpan(n.snapshot, n.events, asOfDay);
    if (span === null) continue;
    flags.push(
      noticeOverdueFlag(
        {
          noticeId: n.id,
          number: n.number,
          departmentId: n.departmentId,
          dueDay: span.dueDay,
          overdueUntil: span.until,
          caseIds: n.caseIds,
        },
        cal,
      ),
    );
  }
  return { revokedCaseIds: revoked, revokedFlags, noticeFlags: flags };
}

/** Department id → the days its notices became 逾期未反馈: the ranking's extra 慢作为 flags. */
function flagDaysByDepartment(
  flags: readonly SlowActionFlag[],
): ReadonlyMap<string, readonly DayIndex[]> {
  const days = new Map<string, DayIndex[]>();
  for (const f of flags)
    days.set(f.departmentId, [...(days.get(f.departmentId) ?? []), f.sinceDay]);
  return days;
}

function withoutCases(model: DashboardModel, ids: ReadonlySet<string>): DashboardModel {
  if (ids.size === 0) return model;
  return {
    ...model,
    rows: model.rows.filter((r) => !ids.has(r.id)),
    flags: model.flags.filter((f) => f.caseId === null || !ids.has(f.caseId)),
  };
}

/** The model without the revoked flags: gone from the flag list and from their case's codes. */
function withoutFlags(model: DashboardModel, revoked: ReadonlySet<string>): DashboardModel {
  if (revoked.size === 0) return model;
  return {
    ...model,
    rows: model.rows.map((r) => {
      const codes = r.flagCodes.filter((c) => !revoked.has(caseFlagKey(r.id, c)));
      return codes.length === r.flagCodes.length ? r : { ...r, flagCodes: codes };
    }),
    flags: model.flags.filter((f) => !isRevokedFlag(f, revoked)),
  };
}

/**
 * The evaluation as the routes serve it: revoked cards' cases and revoked flags left out of the
 * figures, the overdue notices' flags beside the case flags.
 */
export function withDuban(base: EvaluatedSource, f: DubanFigures): EvaluatedSource {
  const model = withoutFlags(withoutCases(base.evaluatedModel, f.revokedCaseIds), f.revokedFlags);
  return {
    ...base,
    model: { ...model, noticeFlags: f.noticeFlags },
    revokedCaseIds: f.revokedCaseIds,
    revokedFlags: f.revokedFlags,
    noticeFlagDays: flagDaysByDepartment(f.noticeFlags),
  };
}

/** The ranking options that carry the 督办 record into `rankQuarter` / `rankHistory`. */
export function dubanRankingOptions(
  e: EvaluatedSource,
): Pick<RankingOptions, 'excludedCaseIds' | 'excludedFlags' | 'extraSlowActionFlags'> {
  return {
    excludedCaseIds: e.revokedCaseIds,
    excludedFlags: e.revokedFlags,
    extraSlowActionFlags: e.noticeFlagDays,
  };
}

/**
 * The model an alert list is selected from: the figures' model, or — when the filter asks for
 * 已撤销 — only the revoked cards' cases, so a supervisor can still find and export them.
 */
export function alertSourceModel(e: EvaluatedSource, revoked: 'only' | undefined): DashboardModel {
  if (revoked === undefined) return e.model;
  // One model per evaluation, so its alert index and scoped copies are cached with it.
  const hit = revokedModels.get(e);
  if (hit) return hit;
  const ids = e.revokedCaseIds;
  const model = { ...e.evaluatedModel, rows: e.evaluatedModel.rows.filter((r) => ids.has(r.id)) };
  revokedModels.set(e, model);
  return model;
}

const revokedModels = new WeakMap<EvaluatedSource, DashboardModel>();

/**
 * The quarter's red cards and overdue notices as the served figures count them (revoked cards
 * left out; a notice counts in the quarter of its first overdue day), up to the as-of day.
 */
export function quarterSupervisionOf(e: EvaluatedSource, quarter: Quarter): QuarterSupervision {
  const range = periodRange(quarter);
  const asOfDay = shanghaiDayOf(e.asOfMs);
  return quarterSupervision(e.model.rows, e.noticeFlagDays, {
    from: range.from,
    to: Math.min(range.to, asOfDay),
  });
}

/**
 * The model a slow-action list is built from when it asks for 已撤销 (`revoked=only`): only the
 * revoked flags, so a supervisor can still find them — the way the alerts list shows revoked cards.
 */
export function revokedFlagModel(e: EvaluatedSource): DashboardModel {
  const hit = revokedFlagModels.get(e);
  if (hit) return hit;
  const model: DashboardModel = {
    ...e.evaluatedModel,
    flags: e.evaluatedModel.flags.filter((f) => isRevokedFlag(f, e.revokedFlags)),
    noticeFlags: [],
    deadlineRush: [],
  };
  revokedFlagModels.set(e, model);
  return model;
}

const revokedFlagModels = new WeakMap<EvaluatedSource, DashboardModel>();
