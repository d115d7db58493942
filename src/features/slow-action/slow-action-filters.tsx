import { Button, Segmented, Select, Space, Typography } from 'antd';
import { SLOW_ACTION_CODES, type SlowActionCode } from '../../domain/slow-action';
import type { DepartmentInfo } from '../../engine/dashboard';
import type { FlaggedCaseState } from '../../engine/slow-action-view';
import { useSlowActionText } from '../../ui/slow-action-text';
import { useSlowActionMsg } from './slow-action-messages';
import type { SlowActionFilterState } from './use-slow-action-filter';

type StateOption = 'all' | FlaggedCaseState;

/** The filter bar: rule, department, case state and scope (all current flags / new in period). */
export function SlowActionFilters({
  f,
  departments,
  scopeNote,
}: {
  f: SlowActionFilterState;
  departments: readonly DepartmentInfo[];
  scopeNote: string;
}) {
  const m = useSlowActionMsg();
  const w = useSlowActionText();
  const filtered =
    f.filter.rule !== null ||
    f.filter.departmentId !== null ||
    f.filter.state !== null ||
    f.scope !== 'all';
  return (
    <Space
      orientation="vertical"
      size={4}
      style={{ width: '100%' }}
      data-testid="slow-action-filters"
    >
      <Space wrap size="middle">
        <Select<SlowActionCode | ''>
          aria-label={m('filterRule')}
          data-testid="filter-rule"
          style={{ width: 180 }}
          value={f.filter.rule ?? ''}
          onChange={(v) => f.setRule(v === '' ? null : v)}
          options={[
            { value: '', label: m('allRules') },
            ...SLOW_ACTION_CODES.map((c) => ({ value: c, label: w.ruleName(c) })),
          ]}
        />
        <Select<string>
          aria-label={m('filterDept')}
          data-testid="filter-dept"
          style={{ width: 220 }}
          showSearch
          optionFilterProp="label"
          value={f.filter.departmentId ?? ''}
          onChange={(v) => f.setDept(v === '' ? null : v)}
          options={[
            { value: '', label: m('allDepts') },
            ...departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <Space size={4}>
          <Typography.Text type="secondary">{m('filterState')}</Typography.Text>
          <Segmented<StateOption>
            aria-label={m('filterState')}
            value={f.filter.state ?? 'all'}
            onChange={(v) => f.setState(v === 'all' ? null : v)}
            options={[
              { value: 'all', label: m('stateAll') },
              { value: 'open', label: m('stateOpen') },
              { value: 'completed', label: m('stateCompleted') },
            ]}
          />
        </Space>
        <Space size={4}>
          <Typography.Text type="secondary">{m('filterScope')}</Typography.Text>
          <Segmented<'all' | 'period'>
            aria-label={m('filterScope')}
            data-testid="filter-scope"
            value={f.scope}
            onChange={(v) => f.setScope(v)}
            options={[
              { value: 'all', label: m('scopeAll') },
              { value: 'period', label: m('scopePeriod') },
            ]}
          />
        </Space>
        {filtered ? <Button onClick={f.clear}>{m('clearFilters')}</Button> : null}
      </Space>
      <Typography.Text type="secondary" data-testid="slow-action-scope-note">
        {scopeNote}
        {f.filter.state !== null ? ` ${m('stateNote')}` : ''}
      </Typography.Text>
    </Space>
  );
}
