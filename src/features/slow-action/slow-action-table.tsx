import { Card, Empty, Space, Table } from 'antd';
import { useMe } from '../../api/session';
import { useLocaleStore } from '../../i18n';
import { IssueNoticeButton } from '../../ui/duban/issue-notice-button';
import { flagDubanColumn, flagsTarget } from './flag-duban';
import { useMemo, useState } from 'react';
import type { SlowActionFlagRow } from '../../engine/slow-action-view';
import { formatCount } from '../../ui/format';
import { ExportMenu } from '../../ui/export-menu';
import { sortFlagRows, useFlagColumns, type FlagSort, type FlagSortKey } from './flag-columns';
import { useSlowActionMsg } from './slow-action-messages';

/**
 * The filtered flags with their evidence; the export carries exactly these rows (in the table's
 * order) and these columns. `emptyText` says why there is nothing to show. A supervisor also gets
 * a 督办 control per case-level flag, and 督办全部… when the rows are all one department's.
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
  const locale = useLocaleStore((st) => st.locale);
  const canIssue = useMe().data?.role === 'supervisor';
  const columns = canIssue
    ? [...tableColumns, flagDubanColumn(m('colDuban'), locale)]
    : tableColumns;
  const batch = canIssue ? flagsTarget(sorted, locale) : null;
  return (
    <Card
      size="small"
      title={m('tableTitleCount', {
        title: m('tableTitle'),
        count: m('tableCount', { n: formatCount(rows.length) }),
      })}
      extra={
        <Space>
          {batch !== null && batch.flags.length > 1 ? (
            <IssueNoticeButton target={batch} testId="issue-flags-batch" />
          ) : null}
          <ExportMenu
            fileName={fileName}
            sheetName={m('exportSheet')}
            rows={sorted}
            columns={exportColumns}
            disabled={sorted.length === 0}
          />
        </Space>
      }
      data-testid="slow-action-table"
    >
      <Table<SlowActionFlagRow>
        size="small"
        rowKey="key"
        dataSource={sorted}
        columns={columns}
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
