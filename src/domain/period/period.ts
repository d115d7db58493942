/**
 * Reporting periods (统计周期): calendar quarters (default), months and years, as civil dates in
 * Asia/Shanghai. A period has a stable text key used in URLs and file names: `2026Q3`, `2026-07`, `2026`.
 */
import { dayFromIso, isoFromDay, type DayIndex } from '../calendar/day';

export type Period =
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'year'; readonly year: number };

export type PeriodKind = Period['kind'];

const QUARTER_RE = /^(\d{4})Q([1-4])$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_RE = /^(\d{4})$/;

/** Parses a period key (`2026Q3`, `2026-07`, `2026`); returns null for anything else. */
export function parsePeriod(key: string): Period | null {
  const q = QUARTER_RE.exec(key);
  if (q) return { kind: 'quarter', year: Number(q[1]), quarter: Number(q[2]) as 1 | 2 | 3 | 4 };
  const m = MONTH_RE.exec(key);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  const y = YEAR_RE.exec(key);
  if (y) return { kind: 'year', year: Number(y[1]) };
  return null;
}

/** The text key of a period, the inverse of {@link parsePeriod}. */
export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `${p.year}Q${p.quarter}`;
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
    case 'year':
      return String(p.year);
  }
}

/** First and last civil day (inclusive) of a period. */
export function periodRange(p: Period): { from: DayIndex; to: DayIndex } {
  const pad = (n: number) => String(n).padStart(2, '0');
  let firstMonth: number;
  let months: number;
  switch (p.kind) {
    case 'quarter':
      firstMonth = (p.quarter - 1) * 3 + 1;
      months = 3;
      break;
    case 'month':
      firstMonth = p.month;
      months = 1;
      break;
    case 'year':
      firstMonth = 1;
      months = 12;
      break;
  }
  const from = dayFromIso(`${p.year}-${pad(firstMonth)}-01`);
  const endMonth = firstMonth + months; // first month after the period, may be 13
  const nextStart =
    endMonth > 12 ? dayFromIso(`${p.year + 1}-01-01`) : dayFromIso(`${p.year}-${pad(endMonth)}-01`);
  return { from, to: nextStart - 1 };
}

/** The quarter containing a civil day. */
export function quarterOfDay(day: DayIndex): Period & { kind: 'quarter' } {
  const iso = isoFromDay(day);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return { kind: 'quarter', year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** The quarter before the given one (2026Q1 → 2025Q4). */
export function previousQuarter(p: Period & { kind: 'quarter' }): Period & { kind: 'quarter' } {
  return p.quarter === 1
    ? { kind: 'quarter', year: p.year - 1, quarter: 4 }
    : { kind: 'quarter', year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };
}

/** The last quarter that has fully ended on or before `day` (评比排队 defaults to it). */
export function lastCompleteQuarter(day: DayIndex): Period & { kind: 'quarter' } {
  const current = quarterOfDay(day);
  return periodRange(current).to === day ? current : previousQuarter(current);
}
