/**
 * The quarter the rankings page shows: a quarter in the URL's shared `period` param is used as
 * is; otherwise (no period, or a month / year picked on another page) the page falls back to the
 * last COMPLETE quarter as of the as-of date (a ranking is published for ended quarters) WITHOUT
 * writing it into the URL — opening 部门排名 must not change the period the other pages show
 * (issue 16 item 7). Picking a quarter in the page's own picker is an explicit choice and does
 * set the shared period.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isoFromDay, shanghaiDayOf } from '../../domain/calendar/day';
import {
  lastCompleteQuarter,
  parsePeriod,
  periodKey,
  quarterOfDay,
  previousQuarter,
} from '../../domain/period/period';
import type { Quarter } from '../../engine/ranking';
import { useServiceAsOfMs } from '../../ui/use-default-period';

export interface RankingQuarterState {
  quarter: Quarter;
  defaultQuarter: Quarter;
  /** The quarter came from the page's fallback, not from the shared period. */
  local: boolean;
  /** Quarters offered by the picker, newest first (the as-of quarter back three years). */
  choices: Quarter[];
  asOfDayIso: string;
  setQuarter: (q: Quarter) => void;
}

export function useRankingQuarter(): RankingQuarterState {
  // The service's as-of instant (today until the service has answered).
  const asOfMs = useServiceAsOfMs();
  const [params, setParams] = useSearchParams();
  const asOfDay = shanghaiDayOf(asOfMs);
  const defaultQuarter = useMemo(() => lastCompleteQuarter(asOfDay), [asOfDay]);
  const raw = params.get('period');
  const parsed = raw ? parsePeriod(raw) : null;
  const fromUrl = parsed?.kind === 'quarter' ? (parsed as Quarter) : null;
  const quarter = fromUrl ?? defaultQuarter;
  const quarterKey = periodKey(quarter);

  const choices = useMemo(() => {
    const list: Quarter[] = [quarterOfDay(asOfDay)];
    while (list.length < 12) list.push(previousQuarter(list[list.length - 1] as Quarter));
    // A quarter from a copied link outside the list stays selectable.
    if (!list.some((q) => periodKey(q) === quarterKey)) list.unshift(quarter);
    return list;
  }, [asOfDay, quarter, quarterKey]);

  const setQuarter = (q: Quarter) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('period', periodKey(q));
      next.delete('drill');
      next.delete('edition');
      return next;
    });

  return {
    quarter,
    defaultQuarter,
    local: fromUrl === null,
    choices,
    asOfDayIso: isoFromDay(asOfDay),
    setQuarter,
  };
}
