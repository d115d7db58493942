import { Card, Empty, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { SlowActionFlagRow } from '../../engine/slow-action-view';
import { formatCount } from '../../ui/format';
import { ExportMenu } from '../../ui/export-menu';
import { sortFlagRows, useFlagColumns, type FlagSort, type FlagSortKey } from './flag-columns';
import { useSlowActionMsg } from './slow-action-messages';

/**
 * The filtered flags with their evidence; the export carries exactly these rows (in the table's
 * order) and these columns. `emptyText` says why there is nothing to show.
 */
export function SlowActionTable({
  rows,
  search,
  emptyText,
  fileName,
}: {
  rows: readonly SlowActionFlagRow[];
  search: string;
  emptyText: string;
  fileName: string;
}) {
  const m = useSlowActionMsg();
  const [sort, setSort] = useState<FlagSort>({ key: 'since', order: 'descend' });
  const { exportColumns, tableColumns } = useFlagColumns(search, sort);
  const sorted = useMemo(() => sortFlagRows(rows, sort), [rows, sort]);
  return (
    <Card
      size="small"
      title={m('tableTitleCount', {
        title: m('tableTitle'),
        count: m('tableCount', { n: formatCount(rows.length) }),
      })}
      extra={
        <ExportMenu
          fileName={fileName}
          sheetName={m('exportSheet')}
          rows={sorted}
          columns={exportColumns}
          disabled={sorted.length === 0}
        />
      }
      data-testid="slow-action-table"
    >
      <Table<SlowActionFlagRow>
        size="small"
        rowKey="key"
        dataSource={sorted}
        columns={tableColumns}
        scroll={{ x: 1100 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: false }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        onChange={(_pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.columnKey as FlagSortKey | undefined;
          if (key && s?.order) setSort({ key, order: s.order });
          else setSort({ key: 'since', order: 'descend' });
        }}
      />
    </Card>
  );
}
