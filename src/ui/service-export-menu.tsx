import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { defineMessages } from '../i18n';

const useMsg = defineMessages(
  {
    export: '导出',
    xlsx: '导出 XLSX（全部 {n} 行）',
    csv: '导出 CSV（全部 {n} 行）',
  },
  {
    export: 'Export',
    xlsx: 'Export XLSX (all {n} rows)',
    csv: 'Export CSV (all {n} rows)',
  },
);

/**
 * Table exports made by the service: plain download links to its streamed `export.xlsx` /
 * `export.csv` with the page's filters and sort, so the file holds every matching row (no cap)
 * in the table's order, and the browser never builds it.
 */
export function ServiceExportMenu({
  xlsxUrl,
  csvUrl,
  rowCount,
  disabled,
}: {
  xlsxUrl: string;
  csvUrl: string;
  /** Formatted count of the rows the files will hold. */
  rowCount: string;
  disabled?: boolean;
}) {
  const m = useMsg();
  return (
    <Dropdown
      disabled={disabled}
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'xlsx',
            label: (
              <a href={xlsxUrl} download data-testid="export-xlsx">
                {m('xlsx', { n: rowCount })}
              </a>
            ),
          },
          {
            key: 'csv',
            label: (
              <a href={csvUrl} download data-testid="export-csv">
                {m('csv', { n: rowCount })}
              </a>
            ),
          },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="export-menu" disabled={disabled}>
        {m('export')}
      </Button>
    </Dropdown>
  );
}
