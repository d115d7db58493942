import { Table, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useMemo } from 'react';
import { DEFAULT_ALERT_SORT, type AlertSort } from '../../engine/alerts';
import type { CaseStatusRow } from '../../engine/dashboard';
import type { AlertColumn } from './alert-columns';

const ROW_HEIGHT = 47;

function orderOf(sort: AlertSort, column: AlertColumn): SortOrder {
  if (column.sortKey !== sort.key) return null;
  return sort.order === 'asc' ? 'ascend' : 'descend';
}

/**
 * The alert list as a virtualised antd table (only the visible rows are in the DOM, so 100k rows
 * scroll smoothly). Sorting is controlled: the table only reports the clicked column, the page
 * writes it to the URL and sorts the rows itself (the same order the export uses).
 */
export function AlertsTable({
  rows,
  columns,
  sort,
  onSort,
  label,
  height,
}: {
  rows: readonly CaseStatusRow[];
  columns: readonly AlertColumn[];
  sort: AlertSort;
  onSort: (sort: AlertSort) => void;
  label: string;
  height: number;
}) {
  const antColumns = useMemo<TableProps<CaseStatusRow>['columns']>(
    () =>
      columns.map((c) => ({
        key: c.key,
        dataIndex: c.key,
        title: c.header,
        width: c.px,
        align: c.align,
        ellipsis: true,
        fixed: c.key === 'id' ? ('left' as const) : undefined,
        sorter: c.sortKey ? true : undefined,
        sortOrder: orderOf(sort, c),
        sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
        render: (_: unknown, row: CaseStatusRow) => (c.render ? c.render(row) : c.value(row)),
      })),
    [columns, sort],
  );
  const scrollX = columns.reduce((w, c) => w + c.px, 0);
  return (
    <Table<CaseStatusRow>
      aria-label={label}
      data-testid="alerts-table"
      virtual
      size="middle"
      rowKey="id"
      columns={antColumns}
      dataSource={rows as CaseStatusRow[]}
      pagination={false}
      scroll={{ x: scrollX, y: height }}
      onRow={() => ({ style: { height: ROW_HEIGHT } })}
      showSorterTooltip={false}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        const column = columns.find((c) => c.key === sorter.columnKey);
        if (!column?.sortKey) return;
        if (!sorter.order) onSort(DEFAULT_ALERT_SORT);
        else onSort({ key: column.sortKey, order: sorter.order === 'descend' ? 'desc' : 'asc' });
      }}
    />
  );
}
