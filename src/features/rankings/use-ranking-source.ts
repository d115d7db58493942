/**
 * Which figures the rankings page shows: the quarter's latest PUBLISHED edition by default when
 * one exists (a published ranking is what the office defends), an older edition or the live
 * figures when picked (`?edition=2`, `?edition=live`). The live ranking is always read too, for
 * the drill-downs and for a quarter nobody has published yet.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useEdition, useEditions } from '../../api/editions';
import { CITY_SOURCE, useSource } from '../../api/source-choice';
import { periodKey } from '../../domain/period/period';
import type { Quarter } from '../../engine/ranking';
import { useQuarterRanking } from './use-ranking';

export type EditionChoice = number | 'live';

/** The `edition` search param: a positive edition number, `live`, or absent (null). */
export function parseEditionParam(raw: string | null): EditionChoice | null {
  if (raw === 'live') return 'live';
  if (raw !== null && /^[1-9]\d{0,6}$/.test(raw)) return Number(raw);
  return null;
}

export function useRankingSource(quarter: Quarter) {
  const key = periodKey(quarter);
  const [params, setParams] = useSearchParams();
  const live = useQuarterRanking(quarter);
  // Editions are published from the city feed: with an imported dataset chosen as the source the
  // page shows that dataset's live ranking only, never the city's editions beside it.
  const cityFeed = useSource() === CITY_SOURCE;
  const editions = useEditions(key, cityFeed);
  const items = cityFeed && editions.data?.quarter === key ? editions.data.items : [];
  const latest = items.at(-1)?.edition ?? null;
  const asked = parseEditionParam(params.get('edition'));
  // An edition number the list does not have (a stale link) falls back to the default.
  const known = asked === 'live' || items.some((i) => i.edition === asked);
  const selected: EditionChoice = asked !== null && known ? asked : (latest ?? 'live');
  const edition = useEdition(key, selected === 'live' ? null : selected);
  // Wait for the list (or its failure) so the page never flashes live figures, then the edition.
  const listSettled = !cityFeed || editions.isSuccess || editions.isError;
  const select = useCallback(
    (choice: EditionChoice) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('edition', String(choice));
        next.delete('drill');
        return next;
      }),
    [setParams],
  );
  // What the page renders: the edition's stored ranking, or the live one.
  const query = selected === 'live' ? live : edition;
  const ranking = !listSettled
    ? undefined
    : selected === 'live'
      ? live.data
      : edition.data?.ranking;
  const shown = {
    ranking,
    edition: selected === 'live' ? null : (edition.data ?? null),
    placeholder: query.isPlaceholderData,
    isError: query.isError,
    error: query.error,
    refetch: () => void query.refetch(),
  };
  return {
    key,
    cityFeed,
    live,
    editions,
    items,
    latest,
    selected,
    edition,
    listSettled,
    select,
    shown,
  };
}

export type RankingSource = ReturnType<typeof useRankingSource>;
