/**
 * Formatting helpers used everywhere a person reads a number or a time: zh-CN by default and
 * always in Asia/Shanghai, whatever the browser's zone.
 */
import { shanghaiDayOf } from '../domain/calendar/day';

const TIME_ZONE = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "14:05" in Asia/Shanghai. */
export function formatClock(ms: number, locale = 'zh-CN'): string {
  return dtf(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "2026/11/22 14:05" in Asia/Shanghai. */
export function formatDateTime(ms: number, locale = 'zh-CN'): string {
  return dtf(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/** True when both instants fall on the same civil day in Asia/Shanghai. */
export function sameShanghaiDay(a: number, b: number): boolean {
  return shanghaiDayOf(a) === shanghaiDayOf(b);
}

/** Integer with zh-CN grouping: 12,345. */
export function formatCount(n: number, locale = 'zh-CN'): string {
  return n.toLocaleString(locale);
}

/** A rate 0..1 as a percentage with one decimal: 93.4%. */
export function formatPercent(rate: number | null, locale = 'zh-CN'): string {
  if (rate === null || Number.isNaN(rate)) return '—';
  return rate.toLocaleString(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
