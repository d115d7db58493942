/**
 * 预警督办: the open cases that carry a warning (预警 / 黄牌 / 红牌), filtered and sorted for the
 * supervisor's list — pure functions, so the table, the count line and the exports all come from
 * the same rows. Counts reuse {@link openCounts} (one definition of "open case by level").
 */
import { shanghaiDayOf, shanghaiStartOfDay } from '../domain/calendar';
import type { WarningLevel } from '../domain/time-limit';
import type { CaseChannel } from '../feeds/schemas/case';
import type { CaseStatusRow } from './dashboard';
import { openCounts, type DayRange } from './summaries';

/** The three warning levels an alert can have. */
export type AlertLevel = Exclude<WarningLevel, 'normal'>;

/** Alert levels from worst to mildest (the default order of the list). */
export const ALERT_LEVELS: readonly AlertLevel[] = ['red', 'yellow', 'early-warning'];

const SEVERITY: Record<WarningLevel, number> = {
  red: 3,
  yellow: 2,
  'early-warning': 1,
  normal: 0,
};

/** Page filters (all from the URL). Empty / null means "no restriction". */
export interface AlertFilter {
  levels: readonly AlertLevel[];
  departmentId: string | null;
  itemCode: string | null;
  channel: CaseChannel | null;
  /** Case-id search: case-insensitive substring. */
  query: string;
  /** Restrict to cases accepted within this civil-day range (the header's period), if set. */
  accepted: DayRange | null;
}

export const NO_ALERT_FILTER: AlertFilter = {
  levels: [],
  departmentId: null,
  itemCode: null,
  channel: null,
  query: '',
  accepted: null,
};

/** Sortable columns of the alert list. `severity` is the default (worst first). */
export type AlertSortKey =
  | 'severity'
  | 'id'
  | 'department'
  | 'item'
  | 'accepted'
  | 'committedDue'
  | 'statutoryDue'
  | 'elapsed'
  | 'remaining'
  | 'suspended';

export const ALERT_SORT_KEYS: readonly AlertSortKey[] = [
  'severity',
  'id',
  'department',
  'item',
  'accepted',
  'committedDue',
  'statutoryDue',
  'elapsed',
  'remaining',
  'suspended',
];

export interface AlertSort {
  key: AlertSortKey;
  order: 'asc' | 'desc';
}

/** The default order: worst level first, then most overdue / least remaining. */
export const DEFAULT_ALERT_SORT: AlertSort = { key: 'severity', order: 'desc' };

/** True for an open case with a warning: what the alert list shows. */
export function isAlert(r: CaseStatusRow): boolean {
  return !r.completed && r.level !== 'normal';
}

/** Parses the `level` URL param ("red,yellow"): unknown parts are ignored, order normalised. */
export function parseAlertLevels(raw: string | null): AlertLevel[] {
  if (!raw) return [];
  const parts = new Set(raw.split(',').map((s) => s.trim()));
  return ALERT_LEVELS.filter((l) => parts.has(l));
}

/** Parses the `sort` URL param ("remaining" = ascending, "-remaining" = descending). */
export function parseAlertSort(raw: string | null): AlertSort {
  if (!raw) return DEFAULT_ALERT_SORT;
  const desc = raw.startsWith('-');
  const key = (desc ? raw.slice(1) : raw) as AlertSortKey;
  if (!ALERT_SORT_KEYS.includes(key)) return DEFAULT_ALERT_SORT;
  return { key, order: desc ? 'desc' : 'asc' };
}

/** The `sort` URL param of a sort; null for the default (kept out of the URL). */
export function alertSortParam(sort: AlertSort): string | null {
  if (sort.key === DEFAULT_ALERT_SORT.key && sort.order === DEFAULT_ALERT_SORT.order) return null;
  return sort.order === 'desc' ? `-${sort.key}` : sort.key;
}

/**
 * The test of {@link filterAlerts} for one row, built once per filter: the service's alert index
 * applies exactly this predicate (one definition of "passes the filter").
 */
export function alertMatcher(f: AlertFilter): (r: CaseStatusRow) => boolean {
  const levels = f.levels.length > 0 ? new Set<WarningLevel>(f.levels) : null;
  const q = f.query.trim().toLowerCase();
  const accepted = f.accepted;
  return (r) => {
    if (r.completed || r.level === 'normal') return false;
    if (levels && !levels.has(r.level)) return false;
    if (f.departmentId !== null && r.departmentId !== f.departmentId) return false;
    if (f.itemCode !== null && r.itemCode !== f.itemCode) return false;
    if (f.channel !== null && r.channel !== f.channel) return false;
    if (accepted) {
      const day = shanghaiDayOf(r.acceptedAt);
      if (day < accepted.from || day > accepted.to) return false;
    }
    if (q && !r.id.toLowerCase().includes(q)) return false;
    return true;
  };
}

/** The open alerts that pass the filter (in input order). */
export function filterAlerts(rows: readonly CaseStatusRow[], f: AlertFilter): CaseStatusRow[] {
  const passes = alertMatcher(f);
  const out: CaseStatusRow[] = [];
  for (const r of rows) if (passes(r)) out.push(r);
  return out;
}

/**
 * How far a case is from (or past) the deadline that matters for its level: the statutory one
 * for a red card, the committed one otherwise. Smaller = more urgent.
 */
export function urgency(r: CaseStatusRow): number {
  return r.level === 'red' ? r.statutoryRemainingDays : r.remainingDays;
}

/** Worst first: level, then most overdue / least remaining, then the due instant, then id. */
export function compareSeverity(a: CaseStatusRow, b: CaseStatusRow): number {
  return (
    SEVERITY[b.level] - SEVERITY[a.level] ||
    urgency(a) - urgency(b) ||
    a.remainingDays - b.remainingDays ||
    dueInstant(a) - dueInstant(b) ||
    a.acceptedAt - b.acceptedAt ||
    compareText(a.id, b.id)
  );
}

/** The committed deadline as an instant: `dueAt`, else 24:00 of the deadline day. */
function dueInstant(r: CaseStatusRow): number {
  return r.committedDueAt ?? shanghaiStartOfDay(r.committedDue + 1);
}

/** The statutory deadline as an instant. */
function statutoryInstant(r: CaseStatusRow): number {
  return r.statutoryDueAt ?? shanghaiStartOfDay(r.statutoryDue + 1);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names used when sorting by department or item (the shown names, not the codes). */
export interface AlertNames {
  department: (id: string) => string;
  item: (code: string) => string;
}

/**
 * Sorts alerts (a new array). Ties under any key fall back to the severity order, so the result
 * is deterministic and the export equals the screen.
 */
export function sortAlerts(
  rows: readonly CaseStatusRow[],
  sort: AlertSort,
  names: AlertNames,
): CaseStatusRow[] {
  return [...rows].sort(alertComparator(sort, names, rows));
}

/**
 * The comparison {@link sortAlerts} sorts by. Names are ranked over `rows`; ranking a superset of
 * the rows later compared gives the same order (the ranks are a total order of the names).
 */
export function alertComparator(
  sort: AlertSort,
  names: AlertNames,
  rows: readonly CaseStatusRow[],
): (a: CaseStatusRow, b: CaseStatusRow) => number {
  const sign = sort.order === 'asc' ? 1 : -1;
  if (sort.key === 'severity') return (a, b) => -sign * compareSeverity(a, b);
  const byKey = keyComparator(sort.key, names, rows);
  return (a, b) => sign * byKey(a, b) || compareSeverity(a, b);
}

/**
 * Ranks the distinct codes of the rows by their shown names in zh-CN collation once, so sorting
 * 100k rows compares integers instead of calling localeCompare per comparison.
 */
function nameRanks(
  rows: readonly CaseStatusRow[],
  code: (r: CaseStatusRow) => string,
  name: (code: string) => string,
): Map<string, number> {
  const codes = [...new Set(rows.map(code))];
  const collator = new Intl.Collator('zh-CN');
  codes.sort((a, b) => collator.compare(name(a), name(b)) || compareText(a, b));
  return new Map(codes.map((c, i) => [c, i]));
}

function keyComparator(
  key: AlertSortKey,
  names: AlertNames,
  rows: readonly CaseStatusRow[],
): (a: CaseStatusRow, b: CaseStatusRow) => number {
  switch (key) {
    case 'severity':
      return compareSeverity;
    case 'id':
      return (a, b) => compareText(a.id, b.id);
    case 'department': {
      const rank = nameRanks(rows, (r) => r.departmentId, names.department);
      return (a, b) => (rank.get(a.departmentId) ?? 0) - (rank.get(b.departmentId) ?? 0);
    }
    case 'item': {
      const rank = nameRanks(rows, (r) => r.itemCode, names.item);
      return (a, b) => (rank.get(a.itemCode) ?? 0) - (rank.get(b.itemCode) ?? 0);
    }
    case 'accepted':
      return (a, b) => a.acceptedAt - b.acceptedAt;
    case 'committedDue':
      return (a, b) => dueInstant(a) - dueInstant(b);
    case 'statutoryDue':
      return (a, b) => statutoryInstant(a) - statutoryInstant(b);
    case 'elapsed':
      return (a, b) => a.elapsedDays - b.elapsedDays;
    case 'remaining':
      return (a, b) => a.remainingDays - b.remainingDays;
    case 'suspended':
      return (a, b) => a.suspendedDays - b.suspendedDays;
  }
}

/** The count line: total and per level of the given (already filtered) alerts. */
export interface AlertCounts {
  total: number;
  red: number;
  yellow: number;
  earlyWarning: number;
}

/** Counts the shown alerts by level (via {@link openCounts}, the one open-by-level count). */
export function alertCounts(alerts: readonly CaseStatusRow[]): AlertCounts {
  const { levels } = openCounts(alerts);
  return {
    total: levels.red + levels.yellow + levels['early-warning'],
    red: levels.red,
    yellow: levels.yellow,
    earlyWarning: levels['early-warning'],
  };
}

/**
 * Why a case is flagged, in one short Chinese phrase, e.g. "已超承诺期限 3 个工作日，距法定期限还剩
 * 2 个工作日" — the 原因 column of the service's export. The SPA does not show this text: it
 * renders the reason from the same figures in the UI language (features/alerts/alert-reason.ts).
 */
export function alertReason(r: CaseStatusRow): string {
  const parts: string[] = [];
  if (r.level === 'red') {
    const s = r.statutoryOverdueDays;
    parts.push(s > 0 ? `已超法定期限 ${s} 个工作日` : '已过法定期限（不足 1 个工作日）');
  } else if (r.level === 'yellow') {
    const o = r.overdueDays;
    parts.push(o > 0 ? `已超承诺期限 ${o} 个工作日` : '已过承诺期限（不足 1 个工作日）');
    const left = r.statutoryRemainingDays;
    parts.push(left > 0 ? `距法定期限还剩 ${left} 个工作日` : '法定期限今日届满');
  } else if (r.level === 'early-warning') {
    const left = r.remainingDays;
    parts.push(left > 0 ? `距承诺期限剩余 ${left} 个工作日` : '承诺期限今日届满');
  }
  if (r.suspensionOverrunDays > 0) {
    parts.push(`暂停超出申请天数 ${r.suspensionOverrunDays} 个工作日`);
  }
  return parts.join('，');
}
