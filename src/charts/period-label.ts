/**
 * Period wording shared by chart subtitles, image headers and file names, so every chart says its
 * period the same way: "统计周期：2026年第3季度（2026-07-01 至 2026-09-30）" and "2026Q3".
 */
import { isoFromDay } from '../domain/calendar';
import { periodKey, periodRange, type Period } from '../domain/period/period';
import type { Translate } from '../i18n';

/** "2026年第3季度" / "Q3 2026" through the shared catalogue. */
export function periodName(p: Period, t: Translate): string {
  switch (p.kind) {
    case 'quarter':
      return t('period.quarter', { year: p.year, quarter: p.quarter });
    case 'month':
      return t('period.month', { year: p.year, month: p.month });
    case 'year':
      return t('period.year', { year: p.year });
  }
}

/** "2026-07-01 至 2026-09-30" / "2026-07-01 to 2026-09-30": the inclusive civil-day range. */
export function periodSpan(p: Period, t: Translate): string {
  const r = periodRange(p);
  return t('period.span', { from: isoFromDay(r.from), to: isoFromDay(r.to) });
}

/** The key used in exported file names: "2026Q3", "2026-07", "2026". */
export function periodFileKey(p: Period): string {
  return periodKey(p);
}
