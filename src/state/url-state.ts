/**
 * View state that a copied link must reproduce lives in the URL search params: the period
 * (`period=2026Q3`), the department (`dept=…`) and each page's filters. These hooks are the only
 * way components read or write it, so the URL stays the single source of truth.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parsePeriod, periodKey, type Period } from '../domain/period/period';

/**
 * Params that travel with the user from page to page: the period, the department and the data
 * source (`city` or an imported dataset; every page reads the same one).
 */
export const GLOBAL_PARAMS = ['period', 'dept', 'source'] as const;

/** One search param as a string (null when absent) and a setter that keeps the other params. */
export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const setValue = useCallback(
    (next: string | null) => {
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          if (next === null || next === '') copy.delete(name);
          else copy.set(name, next);
          return copy;
        },
        { replace: false },
      );
    },
    [name, setParams],
  );
  return [value, setValue];
}

/**
 * The selected period from `?period=`; falls back to `fallback` when absent or malformed
 * (a malformed value is ignored rather than breaking the page).
 */
export function usePeriod(fallback: Period): [Period, (p: Period) => void] {
  const [raw, setRaw] = useUrlParam('period');
  const period = useMemo(() => (raw ? parsePeriod(raw) : null) ?? fallback, [raw, fallback]);
  const setPeriod = useCallback((p: Period) => setRaw(periodKey(p)), [setRaw]);
  return [period, setPeriod];
}

/** The query string carrying only the global params, for links between pages. */
export function useGlobalSearch(): string {
  const [params] = useSearchParams();
  return useMemo(() => {
    const kept = new URLSearchParams();
    for (const name of GLOBAL_PARAMS) {
      const v = params.get(name);
      if (v) kept.set(name, v);
    }
    const s = kept.toString();
    return s ? `?${s}` : '';
  }, [params]);
}
