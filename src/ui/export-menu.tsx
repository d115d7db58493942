import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useRef, useState } from 'react';
import { exportCsv, exportXlsx, type ExportSheet, type TableColumn } from '../export/table-export';
import { defineMessages } from '../i18n';
import { formatCount } from './format';

const useMsg = defineMessages(
  {
    export: '导出',
    xlsx: '导出 XLSX',
    csv: '导出 CSV',
    csvSheet: '导出 CSV（{name}）',
    working: '正在导出：{done} / {total} 行',
    done: '已导出 {rows} 行：{file}',
    failed: '导出失败：{reason}',
  },
  {
    export: 'Export',
    xlsx: 'Export XLSX',
    csv: 'Export CSV',
    csvSheet: 'Export CSV ({name})',
    working: 'Exporting: {done} of {total} rows',
    done: 'Exported {rows} rows: {file}',
    failed: 'Export failed: {reason}',
  },
);

/** Props: either several `sheets`, or one table as `rows` + `columns` (+ optional `sheetName`). */
export type ExportMenuProps<Row> = {
  /** File name without extension, e.g. "预警督办_2026Q3". */
  fileName: string;
  disabled?: boolean;
} & (
  | { sheets: readonly ExportSheet<unknown>[]; rows?: never; columns?: never; sheetName?: never }
  | {
      rows: readonly Row[];
      columns: readonly TableColumn<Row>[];
      sheetName?: string;
      sheets?: never;
    }
);

const MESSAGE_KEY = 'table-export';

/**
 * The 导出 dropdown for a table: XLSX (a sheet per table) or CSV (UTF-8 with BOM). Exports exactly
 * the rows and columns it is given — pass the filtered, sorted rows and the shown columns. Shows
 * progress while a large table is serialised and a message when it is done or failed.
 */
export function ExportMenu<Row>(props: ExportMenuProps<Row>) {
  const m = useMsg();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const lastShown = useRef(0);
  const sheets: readonly ExportSheet<unknown>[] =
    props.sheets ??
    ([
      { name: props.sheetName ?? props.fileName, rows: props.rows, columns: props.columns },
    ] as ExportSheet<unknown>[]);

  const run = async (kind: 'xlsx' | 'csv', sheetIndex: number) => {
    setBusy(true);
    const chosen = kind === 'csv' ? sheets.slice(sheetIndex, sheetIndex + 1) : sheets;
    const rows = chosen.reduce((n, s) => n + s.rows.length, 0);
    const suffix = kind === 'csv' && sheets.length > 1 ? `_${chosen[0]?.name ?? ''}` : '';
    const file = `${props.fileName}${suffix}.${kind}`;
    const onProgress = (done: number, total: number) => {
      // Throttle: one message update per ~200 ms is enough to show movement.
      const now = Date.now();
      if (now - lastShown.current < 200) return;
      lastShown.current = now;
      void message.open({
        key: MESSAGE_KEY,
        type: 'loading',
        content: m('working', { done: formatCount(done), total: formatCount(total) }),
        duration: 0,
      });
    };
    try {
      if (kind === 'xlsx') await exportXlsx(chosen, file, onProgress);
      else {
        const sheet = chosen[0];
        if (sheet) await exportCsv(sheet.rows, sheet.columns, file, onProgress);
      }
      void message.open({
        key: MESSAGE_KEY,
        type: 'success',
        content: m('done', { rows: formatCount(rows), file }),
      });
    } catch (error) {
      void message.open({
        key: MESSAGE_KEY,
        type: 'error',
        content: m('failed', { reason: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const items: MenuProps['items'] = [
    { key: 'xlsx', label: m('xlsx') },
    ...(sheets.length > 1
      ? sheets.map((s, i) => ({ key: `csv:${i}`, label: m('csvSheet', { name: s.name }) }))
      : [{ key: 'csv:0', label: m('csv') }]),
  ];

  return (
    <Dropdown
      disabled={props.disabled || busy}
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          const [kind, index] = key.split(':');
          void run(kind === 'xlsx' ? 'xlsx' : 'csv', Number(index ?? 0));
        },
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-menu">
        {m('export')}
      </Button>
    </Dropdown>
  );
}
