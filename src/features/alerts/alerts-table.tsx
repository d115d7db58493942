import { Table, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useMemo } from 'react';
import type { AlertItem } from '../../contract/alerts';
import { DEFAULT_ALERT_SORT, type AlertSort } from '../../engine/alerts';
import type { AlertColumn } from './alert-columns';

const ROW_HEIGHT = 47;

function orderOf(sort: AlertSort, column: AlertColumn): SortOrder {
  if (column.sortKey !== sort.key) return null;
  return sort.order === 'asc' ? 'ascend' : 'descend';
}

/**
 * One page of the alert list, as the service filtered, sorted and paged it: a virtualised antd
 * table (only the visible rows are in the DOM) with server-side pagination — the table asks the
 * page for the page it shows, and sorting is controlled (the page writes it to the URL and the
 * service sorts, in the same order the export uses).
 */
export function AlertsTable({
  rows,
  total,
  page,
  pageSize,
  loading,
  columns,
  sort,
  onSort,
  onPage,
  label,
  height,
}: {
  rows: AlertItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  columns: readonly AlertColumn[];
  sort: AlertSort;
  onSort: (sort: AlertSort) => void;
  onPage: (page: number) => void;
  label: string;
  height: number;
}) {
  const antColumns = useMemo<TableProps<AlertItem>['columns']>(
    () =>
      columns.map((c) => ({
        key: c.key,
        title: c.header,
        width: c.px,
        align: c.align,
        ellipsis: true,
        fixed: c.key === 'id' ? ('left' as const) : undefined,
        sorter: c.sortKey ? true : undefined,
        sortOrder: orderOf(sort, c),
        sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
        render: (_: unknown, row: AlertItem) => c.render(row),
      })),
    [columns, sort],
  );
  const scrollX = columns.reduce((w, c) => w + c.px, 0);
  return (
    <Table<AlertItem>
      aria-label={label}
      data-testid="alerts-table"
      virtual
      size="middle"
      rowKey="caseId"
      loading={loading}
      columns={antColumns}
      dataSource={rows}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: false,
      }}
      scroll={{ x: scrollX, y: height }}
      onRow={() => ({ style: { height: ROW_HEIGHT } })}
      showSorterTooltip={false}
      onChange={(pagination, _f, sorter, extra) => {
        if (extra.action === 'paginate') {
          onPage(pagination.current ?? 1);
          return;
        }
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        const column = columns.find((c) => c.key === sorter.columnKey);
        if (!column?.sortKey) return;
        if (!sorter.order) onSort(DEFAULT_ALERT_SORT);
        else onSort({ key: column.sortKey, order: sorter.order === 'descend' ? 'desc' : 'asc' });
      }}
    />
  );
}
