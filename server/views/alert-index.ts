/**
 * The alert list of one evaluated model, indexed so a request does not filter and sort every row
 * (issue 17: at 1M cases each request spent ≈ 40 ms of CPU on it, 20 clients queued ≈ 0.8 s).
 *
 * Per model (an evaluation, or one viewer's scoped copy of it), built lazily and reused by every
 * request until the next evaluation replaces the model:
 * - the open alerts (the only rows the list can show), in model order;
 * - per sort parameter, the alerts' positions in that order (sorted once with the engine's own
 *   comparator: `alertComparator`);
 * - per filter (a small LRU), which alerts pass (`alertMatcher`, the engine's own predicate) and
 *   the count line.
 * A page walks the sorted positions, skipping those that do not pass, until it is filled. The
 * result equals `sortAlerts(filterAlerts(rows))` sliced (stable sorts of the same input order by
 * the same total order; tests/unit/engine/alert-index.test.ts checks it on random filters).
 */
import {
  alertComparator,
  alertCounts,
  alertMatcher,
  isAlert,
  type AlertCounts,
  type AlertFilter,
  type AlertNames,
  type AlertSort,
} from '../../src/engine/alerts';
import type { CaseStatusRow, DashboardModel } from '../../src/engine/dashboard';

/** Distinct filters whose match sets are kept per model (each: one byte per alert). */
const MATCH_CACHE_SIZE = 64;

interface Match {
  /** 1 where the alert at that position passes; null when every alert passes. */
  passes: Uint8Array | null;
  counts: AlertCounts;
}

interface AlertIndex {
  alerts: CaseStatusRow[];
  names: AlertNames;
  orders: Map<string, Uint32Array>;
  matches: Map<string, Match>;
}

export interface AlertPage {
  counts: AlertCounts;
  /** The rows from `start` (0-based, in sort order), at most `count` of them. */
  rows: CaseStatusRow[];
}

const indexes = new WeakMap<DashboardModel, AlertIndex>();

function indexOf(model: DashboardModel, names: AlertNames): AlertIndex {
  const hit = indexes.get(model);
  if (hit) return hit;
  const index: AlertIndex = {
    alerts: model.rows.filter(isAlert),
    names,
    orders: new Map(),
    matches: new Map(),
  };
  indexes.set(model, index);
  return index;
}

function orderOf(index: AlertIndex, sort: AlertSort): Uint32Array {
  const key = `${sort.order}:${sort.key}`;
  const hit = index.orders.get(key);
  if (hit) return hit;
  const { alerts } = index;
  const compare = alertComparator(sort, index.names, alerts);
  const positions = Array.from({ length: alerts.length }, (_, i) => i);
  // Array.prototype.sort is stable: ties keep model order, as sorting the filtered rows does.
  positions.sort((i, j) => compare(alerts[i]!, alerts[j]!));
  const order = Uint32Array.from(positions);
  index.orders.set(key, order);
  return order;
}

function filterKey(f: AlertFilter): string {
  return JSON.stringify([
    f.levels,
    f.departmentId,
    f.itemCode,
    f.channel,
    f.query.trim().toLowerCase(),
    f.accepted?.from ?? null,
    f.accepted?.to ?? null,
  ]);
}

function isUnfiltered(f: AlertFilter): boolean {
  return (
    f.levels.length === 0 &&
    f.departmentId === null &&
    f.itemCode === null &&
    f.channel === null &&
    f.query.trim() === '' &&
    f.accepted === null
  );
}

function matchOf(index: AlertIndex, f: AlertFilter): Match {
  const key = filterKey(f);
  const hit = index.matches.get(key);
  if (hit) {
    // Refresh its place in the LRU order (a Map iterates in insertion order).
    index.matches.delete(key);
    index.matches.set(key, hit);
    return hit;
  }
  const { alerts } = index;
  let match: Match;
  if (isUnfiltered(f)) {
    match = { passes: null, counts: alertCounts(alerts) };
  } else {
    const test = alertMatcher(f);
    const passes = new Uint8Array(alerts.length);
    const passed: CaseStatusRow[] = [];
    for (let i = 0; i < alerts.length; i++) {
      const r = alerts[i]!;
      if (test(r)) {
        passes[i] = 1;
        passed.push(r);
      }
    }
    match = { passes, counts: alertCounts(passed) };
  }
  index.matches.set(key, match);
  if (index.matches.size > MATCH_CACHE_SIZE) {
    const oldest = index.matches.keys().next().value;
    if (oldest !== undefined) index.matches.delete(oldest);
  }
  return match;
}

/**
 * The alerts of `model` that pass `f`, in `sort` order, from `start` (0-based), at most `count`
 * (Infinity for all, as the exports take them), and the count line of all that pass.
 */
export function alertPage(
  model: DashboardModel,
  names: AlertNames,
  f: AlertFilter,
  sort: AlertSort,
  start: number,
  count: number,
): AlertPage {
  const index = indexOf(model, names);
  const { passes, counts } = matchOf(index, f);
  const rows: CaseStatusRow[] = [];
  if (count <= 0 || start >= counts.total) return { counts, rows };
  const order = orderOf(index, sort);
  const { alerts } = index;
  if (passes === null) {
    const end = Math.min(order.length, start + count);
    for (let k = start; k < end; k++) rows.push(alerts[order[k]!]!);
    return { counts, rows };
  }
  let skip = start;
  for (let k = 0; k < order.length && rows.length < count; k++) {
    const i = order[k]!;
    if (passes[i] !== 1) continue;
    if (skip > 0) skip--;
    else rows.push(alerts[i]!);
  }
  return { counts, rows };
}
