/**
 * The 预警督办 page's view state, all in the URL so a copied link reproduces the view:
 * `level` (red,yellow,early-warning), `dept` (the global department param), `item`, `channel`
 * (窗口 | 网上), `q` (case-id search), `sort` (column key, "-" prefix = descending; absent = worst
 * first) and `scope` (period = only cases accepted in the header's period; absent = all). The table
 * scrolls through every row, so there is no page in the URL. `params` is the same state as the
 * service's `/alerts` query, so the table and its export ask for exactly these rows.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AlertsParams } from '../../api/alerts';
import { periodKey, periodRange, type Period } from '../../domain/period/period';
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
export type AlertCardState = 'active' | 'revoked';

export interface AlertFilterState {
  filter: AlertFilter;
  /** The service query of these filters and sort (no page). */
  params: AlertsParams;
  sort: AlertSort;
  scope: AlertScope;
  setLevels: (levels: readonly AlertLevel[]) => void;
  setDept: (dept: string | null) => void;
  setItem: (item: string | null) => void;
  setChannel: (channel: CaseChannel | null) => void;
  setQuery: (q: string) => void;
  setSort: (sort: AlertSort) => void;
  setScope: (scope: AlertScope) => void;
  /** 有效 (default: revoked cards left out, as in every figure) or 已撤销 (only those). */
  cardState: AlertCardState;
  setCardState: (s: AlertCardState) => void;
  /** Clears every page filter (keeps period and sort). */
  reset: () => void;
}

/** The page's own params (the global `dept` included: it is a filter here). */
const PAGE_PARAMS = ['level', 'dept', 'item', 'channel', 'q', 'scope', 'card'] as const;

function parseChannel(raw: string | null): CaseChannel | null {
  return CASE_CHANNELS.find((c) => c === raw) ?? null;
}

/** Reads and writes the page's filters and sort in the URL. */
export function useAlertFilters(period: Period): AlertFilterState {
  const [, setParams] = useSearchParams();
  const [levelRaw] = useUrlParam('level');
  const [dept] = useUrlParam('dept');
  const [item] = useUrlParam('item');
  const [channelRaw] = useUrlParam('channel');
  const [q] = useUrlParam('q');
  const [sortRaw] = useUrlParam('sort');
  const [scopeRaw] = useUrlParam('scope');
  const [cardRaw] = useUrlParam('card');
  const cardState: AlertCardState = cardRaw === 'revoked' ? 'revoked' : 'active';
  // One URL update per change.
  const set = (name: string, value: string | null) =>
    setParams((prev) => {
      const copy = new URLSearchParams(prev);
      if (value === null || value === '') copy.delete(name);
      else copy.set(name, value);
      return copy;
    });
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
  const sortKey = alertSortParam(sort);
  const periodText = scope === 'period' ? periodKey(period) : null;
  const params = useMemo<AlertsParams>(
    () => ({
      level: levelKey === '' ? null : levelKey,
      dept,
      item,
      channel,
      q: q === null || q.trim() === '' ? null : q.trim(),
      period: periodText,
      sort: sortKey,
      revoked: cardState === 'revoked' ? 'only' : null,
    }),
    [levelKey, dept, item, channel, q, periodText, sortKey, cardState],
  );
  return {
    filter,
    params,
    sort,
    scope,
    setLevels: (levels) => set('level', levels.length > 0 ? levels.join(',') : null),
    // One URL update: a new department also drops an item of another department.
    setDept: (next) =>
      setParams((prev) => {
        const copy = new URLSearchParams(prev);
        if (next) copy.set('dept', next);
        else copy.delete('dept');
        copy.delete('item');
        return copy;
      }),
    setItem: (value) => set('item', value),
    setChannel: (value) => set('channel', value),
    setQuery: (text) => set('q', text.trim() === '' ? null : text.trim()),
    setSort: (s) => set('sort', alertSortParam(s)),
    setScope: (s) => set('scope', s === 'period' ? 'period' : null),
    cardState,
    setCardState: (s) => set('card', s === 'revoked' ? 'revoked' : null),
    reset: () =>
      setParams((prev) => {
        const copy = new URLSearchParams(prev);
        for (const p of PAGE_PARAMS) copy.delete(p);
        return copy;
      }),
  };
}
