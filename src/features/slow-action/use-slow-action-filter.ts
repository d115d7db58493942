/**
 * The 慢作为 page's filters, kept in the URL so a copied link reproduces the view:
 * `rule` (a SlowActionCode), `dept` (the global department param), `state` (open | completed) and
 * `scope` (period = only flags first raised in the selected period; absent = all current flags).
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SlowActionCode } from '../../domain/slow-action';
import { periodRange, type Period } from '../../domain/period/period';
import {
  parseRuleParam,
  parseStateParam,
  type FlaggedCaseState,
  type SlowActionFilter,
} from '../../engine/slow-action-view';
import { useUrlParam } from '../../state/url-state';

export type SlowActionScope = 'all' | 'period';

export interface SlowActionFilterState {
  filter: SlowActionFilter;
  scope: SlowActionScope;
  /** A `rule` value in the URL that is not a known code (shown as a notice, then ignored). */
  unknownRule: string | null;
  setRule: (rule: SlowActionCode | null) => void;
  setDept: (dept: string | null) => void;
  setState: (state: FlaggedCaseState | null) => void;
  setScope: (scope: SlowActionScope) => void;
  /** Removes every page filter in one URL update (separate setters would overwrite each other). */
  clear: () => void;
}

const FILTER_PARAMS = ['rule', 'dept', 'state', 'scope'] as const;

/** Reads and writes the page filters in the URL. */
export function useSlowActionFilter(period: Period): SlowActionFilterState {
  const [ruleRaw, setRuleRaw] = useUrlParam('rule');
  const [dept, setDept] = useUrlParam('dept');
  const [stateRaw, setStateRaw] = useUrlParam('state');
  const [scopeRaw, setScopeRaw] = useUrlParam('scope');
  const [, setParams] = useSearchParams();
  const scope: SlowActionScope = scopeRaw === 'period' ? 'period' : 'all';
  const rule = parseRuleParam(ruleRaw);
  const state = parseStateParam(stateRaw);
  const filter = useMemo<SlowActionFilter>(
    () => ({
      rule,
      departmentId: dept,
      state,
      sinceRange: scope === 'period' ? periodRange(period) : null,
    }),
    [rule, dept, state, scope, period],
  );
  return {
    filter,
    scope,
    unknownRule: ruleRaw !== null && rule === null ? ruleRaw : null,
    setRule: setRuleRaw,
    setDept,
    setState: setStateRaw,
    setScope: (s) => setScopeRaw(s === 'period' ? 'period' : null),
    clear: () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const name of FILTER_PARAMS) next.delete(name);
        return next;
      }),
  };
}
