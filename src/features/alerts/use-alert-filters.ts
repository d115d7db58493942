/**
 * The 预警督办 page's view state, all in the URL so a copied link reproduces the view:
 * `level` (red,yellow,early-warning), `dept` (the global department param), `item`, `channel`
 * (窗口 | 网上), `q` (case-id search), `sort` (column key, "-" prefix = descending; absent = worst
 * first) and `scope` (period = only cases accepted in the header's period; absent = all).
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { periodRange, type Period } from '../../domain/period/period';
import {
  alertSortParam,
  parseAlertLevels,
  parseAlertSort,
  type AlertFilter,
  type AlertLevel,
  type AlertSort,
} from '../../engine/alerts';
import { CASE_CHANNELS, type CaseChannel } from '../../feeds/schemas/case';
import { useUrlParam } from '../../state/url-state';

export type AlertScope = 'all' | 'period';

export interface AlertFilterState {
  filter: AlertFilter;
  sort: AlertSort;
  scope: AlertScope;
  setLevels: (levels: readonly AlertLevel[]) => void;
  setDept: (dept: string | null) => void;
  setItem: (item: string | null) => void;
  setChannel: (channel: CaseChannel | null) => void;
  setQuery: (q: string) => void;
  setSort: (sort: AlertSort) => void;
  setScope: (scope: AlertScope) => void;
  /** Clears every page filter (keeps period and sort). */
  reset: () => void;
}

/** The page's own params (the global `dept` included: it is a filter here). */
const PAGE_PARAMS = ['level', 'dept', 'item', 'channel', 'q', 'scope'] as const;

function parseChannel(raw: string | null): CaseChannel | null {
  return CASE_CHANNELS.find((c) => c === raw) ?? null;
}

/** Reads and writes the page's filters and sort in the URL. */
export function useAlertFilters(period: Period): AlertFilterState {
  const [, setParams] = useSearchParams();
  const [levelRaw, setLevelRaw] = useUrlParam('level');
  const [dept] = useUrlParam('dept');
  const [item, setItem] = useUrlParam('item');
  const [channelRaw, setChannelRaw] = useUrlParam('channel');
  const [q, setQ] = useUrlParam('q');
  const [sortRaw, setSortRaw] = useUrlParam('sort');
  const [scopeRaw, setScopeRaw] = useUrlParam('scope');
  const scope: AlertScope = scopeRaw === 'period' ? 'period' : 'all';
  const levelKey = parseAlertLevels(levelRaw).join(',');
  const channel = parseChannel(channelRaw);
  const filter = useMemo<AlertFilter>(
    () => ({
      levels: parseAlertLevels(levelKey),
      departmentId: dept,
      itemCode: item,
      channel,
      query: q ?? '',
      accepted: scope === 'period' ? periodRange(period) : null,
    }),
    [levelKey, dept, item, channel, q, scope, period],
  );
  const sort = useMemo(() => parseAlertSort(sortRaw), [sortRaw]);
  return {
    filter,
    sort,
    scope,
    setLevels: (levels) => setLevelRaw(levels.length > 0 ? levels.join(',') : null),
    // One URL update: a new department also drops an item of another department.
    setDept: (next) =>
      setParams((prev) => {
        const copy = new URLSearchParams(prev);
        if (next) copy.set('dept', next);
        else copy.delete('dept');
        copy.delete('item');
        return copy;
      }),
    setItem,
    setChannel: setChannelRaw,
    setQuery: (text) => setQ(text.trim() === '' ? null : text.trim()),
    setSort: (s) => setSortRaw(alertSortParam(s)),
    setScope: (s) => setScopeRaw(s === 'period' ? 'period' : null),
    reset: () =>
      setParams((prev) => {
        const copy = new URLSearchParams(prev);
        for (const p of PAGE_PARAMS) copy.delete(p);
        return copy;
      }),
  };
}
