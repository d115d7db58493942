/**
 * The alert list as the API serves it: the engine's filter and sort (the same functions the
 * department page uses, applied through a per-model index), then rows in the contract's shape. The page, the CSV and the XLSX export
 * all come from `selectAlerts`, so they cannot disagree.
 */
import { isoFromDay } from '../../src/domain/calendar';
import { periodRange } from '../../src/domain/period/period';
import { parsePeriod } from '../../src/domain/period/period';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import type { AlertItem, AlertsQuery } from '../../src/contract/alerts';
import {
  alertReason,
  parseAlertLevels,
  parseAlertSort,
  type AlertCounts,
  type AlertFilter,
} from '../../src/engine/alerts';
import type { CaseStatusRow, DashboardModel } from '../../src/engine/dashboard';
import { badRequest } from '../http/route';
import { alertPage } from './alert-index';

export type AlertFilterQuery = Omit<AlertsQuery, 'page' | 'pageSize'>;

export interface SelectedAlerts {
  rows: CaseStatusRow[];
  counts: AlertCounts;
}

/** The engine's filter of a query (400 on a period that does not parse). */
export function alertFilterOf(q: AlertFilterQuery): AlertFilter {
  let accepted = null;
  if (q.period !== undefined && q.period !== '') {
    const p = parsePeriod(q.period);
    if (p === null) throw badRequest(`period 无效 (not a period: ${q.period})`);
    accepted = periodRange(p);
  }
  return {
    levels: parseAlertLevels(q.level ?? null),
    departmentId: q.dept ?? null,
    itemCode: q.item ?? null,
    channel: q.channel ?? null,
    query: q.q ?? '',
    accepted,
  };
}

/**
 * The alerts of a query from row `start` (0-based), at most `count` of them (all by default), and
 * the count line of all that pass — from the model's alert index (server/views/alert-index.ts).
 */
export function selectAlerts(
  model: DashboardModel,
  q: AlertFilterQuery,
  start = 0,
  count = Number.POSITIVE_INFINITY,
): SelectedAlerts {
  const filter = alertFilterOf(q);
  const sort = parseAlertSort(q.sort ?? null);
  return alertPage(model, namesOf(model), filter, sort, start, count);
}

export interface Names {
  department: (id: string) => string;
  item: (code: string) => string;
}

const namesCache = new WeakMap<DashboardModel, Names>();

export function namesOf(model: DashboardModel): Names {
  const hit = namesCache.get(model);
  if (hit) return hit;
  const departments = new Map(model.departments.map((d) => [d.id, d.name]));
  const items = new Map(model.items.map((i) => [i.code, i.name]));
  const names: Names = {
    department: (id) => departments.get(id) ?? id,
    item: (code) => items.get(code) ?? code,
  };
  namesCache.set(model, names);
  return names;
}

export function alertItemOf(r: CaseStatusRow, names: Names): AlertItem {
  if (r.level === 'normal') throw new Error('not an alert');
  return {
    caseId: r.id,
    departmentId: r.departmentId,
    departmentName: names.department(r.departmentId),
    itemCode: r.itemCode,
    itemName: names.item(r.itemCode),
    channel: r.channel,
    level: r.level,
    acceptedAt: formatShanghaiIso(r.acceptedAt),
    committedDue: isoFromDay(r.committedDue),
    statutoryDue: isoFromDay(r.statutoryDue),
    committedLimitDays: r.committedLimitDays,
    statutoryLimitDays: r.statutoryLimitDays,
    elapsedDays: r.elapsedDays,
    remainingDays: r.remainingDays,
    statutoryRemainingDays: r.statutoryRemainingDays,
    suspendedDays: r.suspendedDays,
    overdueDays: r.overdueDays,
    suspensionOverrunDays: r.suspensionOverrunDays,
    levelSince: r.levelSince === null ? null : isoFromDay(r.levelSince),
    flagCodes: [...r.flagCodes],
    reason: alertReason(r),
  };
}
