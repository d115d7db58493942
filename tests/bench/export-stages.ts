/**
 * The export stages of the benchmark: CSV and XLSX of 100k alert-style rows through the app's own
 * table-export code (the same builders the 导出 buttons use), with the alerts table's columns.
 */
import { isoFromDay } from '../../src/domain/calendar';
import type { CaseStatusRow } from '../../src/engine/dashboard';
import { buildCsvParts, type TableColumn } from '../../src/export/table-export';
import { buildXlsxBlob } from '../../src/export/xlsx';

const LEVEL: Record<CaseStatusRow['level'], string> = {
  normal: '正常',
  'early-warning': '预警',
  yellow: '黄牌',
  red: '红牌',
};

/** Thirteen columns, as wide as the alerts export. */
export const BENCH_COLUMNS: TableColumn<CaseStatusRow>[] = [
  { key: 'id', header: '办件编号', kind: 'text', value: (r) => r.id },
  { key: 'dept', header: '部门', kind: 'text', value: (r) => r.departmentId },
  { key: 'item', header: '事项', kind: 'text', value: (r) => r.itemCode },
  { key: 'channel', header: '渠道', kind: 'text', value: (r) => r.channel },
  { key: 'accepted', header: '受理时间', kind: 'datetime', value: (r) => r.acceptedAt },
  { key: 'committed', header: '承诺期限', kind: 'text', value: (r) => isoFromDay(r.committedDue) },
  { key: 'statutory', header: '法定期限', kind: 'text', value: (r) => isoFromDay(r.statutoryDue) },
  { key: 'elapsed', header: '已用工作日', kind: 'integer', value: (r) => r.elapsedDays },
  { key: 'remaining', header: '剩余工作日', kind: 'integer', value: (r) => r.remainingDays },
  { key: 'suspended', header: '暂停工作日', kind: 'integer', value: (r) => r.suspendedDays },
  { key: 'overdue', header: '超期工作日', kind: 'integer', value: (r) => r.overdueDays },
  { key: 'level', header: '预警等级', kind: 'text', value: (r) => LEVEL[r.level] },
  { key: 'flags', header: '慢作为', kind: 'text', value: (r) => r.flagCodes.join(' ') },
];

type MeasureAsync = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export async function exportStages(
  rows: CaseStatusRow[],
  measureAsync: MeasureAsync,
  tag: string,
): Promise<void> {
  const slice = rows.slice(0, 100_000);
  await measureAsync(
    `csv_${tag}`,
    async () => (await buildCsvParts(slice, BENCH_COLUMNS)).join('').length,
  );
  await measureAsync(
    `xlsx_${tag}`,
    async () =>
      (await buildXlsxBlob([{ name: '预警督办', rows: slice, columns: BENCH_COLUMNS }])).size,
  );
}
