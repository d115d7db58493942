import { Button, Input, Segmented, Select, Space, Tooltip } from 'antd';
import {
  TASK_SOURCE_KINDS,
  TASK_STATUS_CODES,
  type TaskSourceKind,
  type TaskStatusCode,
} from '../../domain/tasks';
import type { TaskFilterState } from './use-task-filters';
import { useTasksMsg } from './tasks-messages';

export interface TaskFilterBarProps {
  state: TaskFilterState;
  /** Lead departments that appear in the feed, with names. */
  departments: readonly { id: string; name: string }[];
  periodLabel: string;
}

/** Filters of the task list: source, status, lead department, text, and the period's ledger or all. */
export function TaskFilterBar({ state, departments, periodLabel }: TaskFilterBarProps) {
  const m = useTasksMsg();
  const { filters } = state;
  return (
    <Space wrap size={[8, 8]} data-testid="task-filters">
      <Select<TaskSourceKind[]>
        mode="multiple"
        allowClear
        aria-label={m('col.source')}
        placeholder={m('allSources')}
        style={{ minWidth: 180 }}
        value={[...filters.sources]}
        onChange={state.setSources}
        options={TASK_SOURCE_KINDS.map((s) => ({ value: s, label: m(`source.${s}`) }))}
        maxTagCount="responsive"
      />
      <Select<TaskStatusCode[]>
        mode="multiple"
        allowClear
        aria-label={m('col.status')}
        placeholder={m('allStatuses')}
        style={{ minWidth: 160 }}
        value={[...filters.statuses]}
        onChange={state.setStatuses}
        options={TASK_STATUS_CODES.map((s) => ({ value: s, label: m(`status.${s}`) }))}
        maxTagCount="responsive"
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={m('col.lead')}
        placeholder={m('allDepartments')}
        style={{ minWidth: 200 }}
        value={filters.departmentId ?? undefined}
        onChange={(v) => state.setDepartment(v ?? null)}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
      />
      <Input.Search
        allowClear
        aria-label={m('search')}
        placeholder={m('search')}
        style={{ width: 220 }}
        defaultValue={filters.query}
        key={filters.query}
        onSearch={state.setQuery}
      />
      <Tooltip title={m('scopeHint')}>
        <Segmented<'period' | 'all'>
          value={state.scopeAll ? 'all' : 'period'}
          onChange={(v) => state.setScopeAll(v === 'all')}
          options={[
            { value: 'period', label: m('scopePeriodOf', { period: periodLabel }) },
            { value: 'all', label: m('scopeAll') },
          ]}
        />
      </Tooltip>
      <Button onClick={state.clear}>{m('clearFilters')}</Button>
    </Space>
  );
}
