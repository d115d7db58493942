import { Table, type TableProps } from 'antd';
import type { TableRef } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { AlertItem } from '../../contract/alerts';
import { DEFAULT_ALERT_SORT, type AlertSort } from '../../engine/alerts';
import { feedCell } from '../../ui/feed-text';
import type { AlertColumn } from './alert-columns';

const ROW_HEIGHT = 47;

function orderOf(sort: AlertSort, column: AlertColumn): SortOrder {
  if (column.sortKey !== sort.key) return null;
  return sort.order === 'asc' ? 'ascend' : 'descend';
}

/**
 * Keeps the virtual body under the header when the header scrolls by itself. The table syncs the
 * two only for wheel and body scrolls; keyboard focus on a sortable header scrolls the header
 * natively (the browser brings the focused cell into view), which left the headers hundreds of
 * pixels away from their columns. The virtual list has no native scrollLeft, so the body follows
 * through the table's scrollTo (its virtual list takes `left`; `top: undefined` keeps the rows).
 */
function useHeaderScrollSync(table: RefObject<TableRef | null>): void {
  useEffect(() => {
    const root = table.current?.nativeElement;
    if (!root) return;
    const onScroll = (e: Event) => {
      const target = e.target;
      if (!(target instanceof HTMLElement) || !target.classList.contains('ant-table-header'))
        return;
      // `left` is not in the declared config type, which lists only the vertical fields.
      const position = { top: undefined, left: target.scrollLeft };
      table.current?.scrollTo(position);
    };
    // scroll does not bubble: listen in the capture phase to hear the header's own scroll.
    root.addEventListener('scroll', onScroll, true);
    return () => root.removeEventListener('scroll', onScroll, true);
  }, [table]);
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
        onCell: c.feed ? feedCell : undefined,
      })),
    [columns, sort],
  );
  const scrollX = columns.reduce((w, c) => w + c.px, 0);
  const tableRef = useRef<TableRef>(null);
  useHeaderScrollSync(tableRef);
  return (
    <Table<AlertItem>
      ref={tableRef}
      aria-label={label}
      data-testid="alerts-table"
      className="alerts-table"
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
