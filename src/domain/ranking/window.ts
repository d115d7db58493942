/**
 * The time window a quarterly ranking looks at: the quarter's civil days in Asia/Shanghai and the
 * instant everything is judged at (the quarter's last millisecond, or an earlier as-of instant
 * while the quarter is still running).
 */
import { shanghaiDayOf, shanghaiStartOfDay, type DayIndex } from '../calendar/day';
import { periodRange, type Period } from '../period/period';

/** A ranking period resolved to days and the judging instant. */
export interface RankingWindow {
  /** First civil day of the period (inclusive). */
  from: DayIndex;
  /** Last civil day of the period (inclusive). */
  to: DayIndex;
  /**
   * The instant cases, flags and evaluations are judged at: the end of the period
   * (`to` 23:59:59.999 Asia/Shanghai), or the requested as-of instant when that is earlier.
   * Later events are not known yet, so a published quarter's figures never change afterwards.
   */
  asOfMs: number;
  /** The period's last millisecond, whatever the as-of. */
  periodEndMs: number;
  /** True when `asOfMs` is before the period's end (the quarter is still running). */
  partial: boolean;
}

/**
 * Resolve a period (normally a quarter) to its ranking window.
 *
 * @param period the period (civil dates in Asia/Shanghai)
 * @param asOfMs optional as-of instant; only used when earlier than the period's end
 */
export function rankingWindow(period: Period, asOfMs?: number): RankingWindow {
  const { from, to } = periodRange(period);
  const periodEndMs = shanghaiStartOfDay(to + 1) - 1;
  const at = asOfMs !== undefined && asOfMs < periodEndMs ? asOfMs : periodEndMs;
  return { from, to, asOfMs: at, periodEndMs, partial: at < periodEndMs };
}

/** Whether an instant's Shanghai civil day lies in the window and the instant is known by its as-of. */
export function instantInWindow(ms: number, w: RankingWindow): boolean {
  if (ms > w.asOfMs) return false;
  const d = shanghaiDayOf(ms);
  return d >= w.from && d <= w.to;
}
