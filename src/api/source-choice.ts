/**
 * Which data source the pages read: `?source=` in the URL (so a copied link shows the same
 * dataset), checked against the service's list of sources. A source that is malformed or no longer
 * listed (deleted, perhaps in another tab) is not sent: the pages read the city feed and the
 * shell says why, instead of every page failing with a 404.
 */
import { useSearchParams } from 'react-router';
import { SOURCE_ID_PATTERN } from '../contract/source-id';
import { useSources } from './sources';

export const CITY_SOURCE = 'city';
/** The URL search param that carries the source. */
export const SOURCE_PARAM = 'source';

export interface SourceChoice {
  /** The source every read sends as `?source=`. */
  source: string;
  /** The source the URL asked for (null when it asks for none). */
  requested: string | null;
  /** The URL asked for a source that is malformed or not in the service's list. */
  fallback: boolean;
  /** The list is still loading: the choice is not settled yet (the shell waits). */
  pending: boolean;
}

/**
 * The decision itself, pure: `listed` is the service's list of source ids (null while unknown).
 * Exported for the unit test.
 */
export function chooseSource(
  requested: string | null,
  listed: readonly string[] | null,
): SourceChoice {
  if (requested === null || requested === '' || requested === CITY_SOURCE) {
    return { source: CITY_SOURCE, requested: null, fallback: false, pending: false };
  }
  if (!SOURCE_ID_PATTERN.test(requested)) {
    return { source: CITY_SOURCE, requested, fallback: true, pending: false };
  }
  if (listed === null) return { source: requested, requested, fallback: false, pending: true };
  return listed.includes(requested)
    ? { source: requested, requested, fallback: false, pending: false }
    : { source: CITY_SOURCE, requested, fallback: true, pending: false };
}

/** The source chosen in the URL, validated against `GET /sources`. */
export function useSourceChoice(): SourceChoice {
  const [params] = useSearchParams();
  const requested = params.get(SOURCE_PARAM);
  const wantsImport =
    requested !== null && requested !== CITY_SOURCE && SOURCE_ID_PATTERN.test(requested);
  // The city feed needs no check, so pages without an imported source never wait for the list.
  const sources = useSources(wantsImport);
  let listed: string[] | null = null;
  if (sources.data) listed = sources.data.items.map((s) => s.id);
  // The list failing must not hide every page: read the city feed and say so.
  else if (sources.isError) listed = [CITY_SOURCE];
  return chooseSource(requested, listed);
}

/** Only the source id, for the data hooks. */
export const useSource = (): string => useSourceChoice().source;
