/**
 * The tasks page's filters, kept in the URL so a copied link reproduces the view:
 * `source` (comma-separated sources), `status` (comma-separated status codes), `dept` (lead
 * department, the app-wide param), `q` (text), `scope=all` (every task instead of the period's
 * ledger) and the app-wide `period`.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DayIndex } from '../../domain/calendar/day';
import { periodRange, quarterOfDay, type Period } from '../../domain/period/period';
import {
  TASK_SOURCE_KINDS,
  TASK_STATUS_CODES,
  type TaskSourceKind,
  type TaskStatusCode,
} from '../../domain/tasks';
import type { TaskFilters } from '../../engine/tasks';
import { usePeriod, useUrlParam } from '../../state/url-state';

function parseList<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export interface TaskFilterState {
  filters: TaskFilters;
  period: Period;
  scopeAll: boolean;
  setSources: (v: readonly TaskSourceKind[]) => void;
  setStatuses: (v: readonly TaskStatusCode[]) => void;
  setDepartment: (id: string | null) => void;
  setQuery: (q: string) => void;
  setScopeAll: (all: boolean) => void;
  clear: () => void;
}

/** Reads and writes the page's filters in the URL. */
export function useTaskFilters(asOfDay: DayIndex): TaskFilterState {
  const fallback = useMemo(() => quarterOfDay(asOfDay), [asOfDay]);
  const [period] = usePeriod(fallback);
  const [sourceRaw, setSourceRaw] = useUrlParam('source');
  const [statusRaw, setStatusRaw] = useUrlParam('status');
  const [dept, setDept] = useUrlParam('dept');
  const [q, setQ] = useUrlParam('q');
  const [scope, setScope] = useUrlParam('scope');
  const scopeAll = scope === 'all';
  const [, setParams] = useSearchParams();

  const filters = useMemo<TaskFilters>(
    () => ({
      sources: parseList(sourceRaw, TASK_SOURCE_KINDS),
      statuses: parseList(statusRaw, TASK_STATUS_CODES),
      departmentId: dept,
      range: scopeAll ? null : periodRange(period),
      query: q ?? '',
    }),
    [sourceRaw, statusRaw, dept, q, scopeAll, period],
  );

  return {
    filters,
    period,
    scopeAll,
    setSources: (v) => setSourceRaw(v.join(',') || null),
    setStatuses: (v) => setStatusRaw(v.join(',') || null),
    setDepartment: setDept,
    setQuery: (v) => setQ(v || null),
    setScopeAll: (all) => setScope(all ? 'all' : null),
    // One URL update (several setters in a row would each start from the same old params).
    clear: () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const name of ['source', 'status', 'dept', 'q']) next.delete(name);
        return next;
      }),
  };
}
