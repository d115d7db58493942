import { Button, Input, Segmented, Select, Space, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { ALERT_LEVELS, type AlertLevel } from '../../engine/alerts';
import type { DepartmentInfo, ItemInfo } from '../../engine/dashboard';
import { CASE_CHANNELS, type CaseChannel } from '../../feeds/schemas/case';
import type { AlertsMsg } from './alerts-messages';
import type { AlertFilterState } from './use-alert-filters';

/** Case-insensitive option search on the label. */
function matchLabel(input: string, option?: { label?: unknown }): boolean {
  return String(option?.label ?? '')
    .toLowerCase()
    .includes(input.toLowerCase());
}

/**
 * The filter bar: level (multi), department, item (of the chosen department), channel, case-id
 * search and the period scope. Every control writes the URL; nothing is local state except the
 * text being typed into the search box.
 */
export function AlertFilterBar({
  state,
  departments,
  items,
  periodLabel,
  m,
}: {
  state: AlertFilterState;
  departments: readonly DepartmentInfo[];
  items: readonly ItemInfo[];
  periodLabel: string;
  m: AlertsMsg;
}) {
  const { filter } = state;
  const deptOptions = useMemo(
    () => departments.map((d) => ({ value: d.id, label: d.name })),
    [departments],
  );
  const itemOptions = useMemo(
    () =>
      items
        .filter((i) => filter.departmentId === null || i.departmentId === filter.departmentId)
        .map((i) => ({ value: i.code, label: i.name })),
    [items, filter.departmentId],
  );
  const hasFilter =
    filter.levels.length > 0 ||
    filter.departmentId !== null ||
    filter.itemCode !== null ||
    filter.channel !== null ||
    filter.query !== '' ||
    state.scope === 'period' ||
    state.cardState === 'revoked';
  return (
    <Space wrap size={[8, 8]} data-testid="alert-filters">
      <Select<AlertLevel[]>
        mode="multiple"
        aria-label={m('level')}
        placeholder={m('levelAll')}
        allowClear
        style={{ minWidth: 200 }}
        value={[...filter.levels]}
        onChange={(v) => state.setLevels(v)}
        options={ALERT_LEVELS.map((l) => ({ value: l, label: m(`level.${l}`) }))}
      />
      <Select<string>
        aria-label={m('dept')}
        placeholder={m('deptAll')}
        allowClear
        showSearch={{ filterOption: matchLabel }}
        style={{ width: 200 }}
        value={filter.departmentId ?? undefined}
        onChange={(v) => state.setDept(v ?? null)}
        options={deptOptions}
      />
      <Select<string>
        aria-label={m('item')}
        placeholder={m('itemAll')}
        allowClear
        showSearch={{ filterOption: matchLabel }}
        style={{ width: 240 }}
        value={filter.itemCode ?? undefined}
        onChange={(v) => state.setItem(v ?? null)}
        options={itemOptions}
      />
      <Select<CaseChannel>
        aria-label={m('channel')}
        placeholder={m('channelAll')}
        allowClear
        style={{ width: 120 }}
        value={filter.channel ?? undefined}
        onChange={(v) => state.setChannel(v ?? null)}
        options={CASE_CHANNELS.map((c) => ({ value: c, label: c }))}
      />
      {/* Keyed by the URL value: a change from outside (back button, a link) resets the box. */}
      <CaseSearch key={filter.query} initial={filter.query} onSearch={state.setQuery} m={m} />
      <Tooltip title={m('scopeHint')}>
        <Segmented<'all' | 'period'>
          aria-label={m('scopeHint')}
          value={state.scope}
          onChange={(v) => state.setScope(v)}
          options={[
            { value: 'all', label: m('scopeAll') },
            { value: 'period', label: m('scopePeriod', { period: periodLabel }) },
          ]}
        />
      </Tooltip>
      <Select<'active' | 'revoked'>
        aria-label={m('cardState')}
        style={{ width: 150 }}
        value={state.cardState}
        onChange={(v) => state.setCardState(v)}
        data-testid="alert-card-state"
        options={[
          { value: 'active', label: m('cardState.active') },
          { value: 'revoked', label: m('cardState.revoked') },
        ]}
      />
      {hasFilter ? (
        <Button type="link" onClick={state.reset}>
          {m('reset')}
        </Button>
      ) : null}
    </Space>
  );
}

/** The case-id search box: typed text is local until Enter / the search button writes the URL. */
function CaseSearch({
  initial,
  onSearch,
  m,
}: {
  initial: string;
  onSearch: (q: string) => void;
  m: AlertsMsg;
}) {
  const [text, setText] = useState(initial);
  return (
    <Input.Search
      aria-label={m('search')}
      placeholder={m('search')}
      allowClear
      style={{ width: 220 }}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v)}
    />
  );
}
