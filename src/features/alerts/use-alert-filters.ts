/**
 * The 预警督办 page's view state, all in the URL so a copied link reproduces the view:
 * `level` (red,yellow,early-warning), `dept` (the global department param), `item`, `channel`
 * (窗口 | 网上), `q` (case-id search), `sort` (column key, "-" prefix = descending; absent = worst
 * first), `scope` (period = only cases accepted in the header's period; absent = all) and `page`
 * (the table's page; any filter or sort change goes back to page 1). `params` is the same state as
 * the service's `/alerts` query, so the page and its export ask for exactly these rows.
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
  page: number;
  setPage: (page: number) => void;
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
const PAGE_PARAMS = ['level', 'dept', 'item', 'channel', 'q', 'scope', 'page', 'card'] as const;

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
  const [pageRaw, setPageRaw] = useUrlParam('page');
  const [cardRaw] = useUrlParam('card');
  const cardState: AlertCardState = cardRaw === 'revoked' ? 'revoked' : 'active';
  const pageNumber = Number(pageRaw);
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? pageNumber : 1;
  // One URL update per change; every filter or sort change returns to the first page.
  const set = (name: string, value: string | null) =>
    setParams((prev) => {
      const copy = new URLSearchParams(prev);
      if (value === null || value === '') copy.delete(name);
      else copy.set(name, value);
      copy.delete('page');
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
    page,
    setPage: (p) => setPageRaw(p <= 1 ? null : String(p)),
    scope,
    setLevels: (levels) => set('level', levels.length > 0 ? levels.join(',') : null),
    // One URL update: a new department also drops an item of another department.
    setDept: (next) =>
      setParams((prev) => {
        const copy = new URLSearchParams(prev);
        if (next) copy.set('dept', next);
        else copy.delete('dept');
        copy.delete('item');
        copy.delete('page');
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
