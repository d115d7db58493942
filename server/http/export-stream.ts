/**
 * Table exports streamed from the service with bounded memory and no row cap: CSV (UTF-8 with BOM,
 * formula-safe) written row by row, XLSX through exceljs's streaming workbook writer (text cells
 * for text, so nothing is ever a formula). Both take the same column list as the JSON page.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csvCell, neutraliseFormula } from '../../src/contract/csv';

export interface ExportColumn<Row> {
  header: string;
  kind: 'text' | 'integer' | 'date';
  value(row: Row): string | number | null;
  width?: number;
}

function contentDisposition(fileName: string): string {
  // RFC 6266: an ASCII fallback plus the UTF-8 name.
  return `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const CHUNK = 2000;

/** Starts a no-store download of `fileName` and counts its rows for the audit log. */
function startDownload(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  rowCount: number,
): PassThrough {
  exportedRows.set(reply.request, rowCount);
  const out = new PassThrough();
  void reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(out);
  return out;
}

/** Rows each export request sends, for the audit log's row count (server/auth/plugin.ts). */
export const exportedRows = new WeakMap<FastifyRequest, number>();

export async function sendCsv<Row>(
  reply: FastifyReply,
  fileName: string,
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
): Promise<void> {
  const out = startDownload(reply, `${fileName}.csv`, 'text/csv; charset=utf-8', rows.length);
  out.write('\uFEFF' + columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
  for (let i = 0; i < rows.length; i += CHUNK) {
    let text = '';
    for (const row of rows.slice(i, i + CHUNK))
      text += columns.map((c) => csvCell(c.value(row))).join(',') + '\r\n';
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
}

export async function sendXlsx<Row>(
  reply: FastifyReply,
  fileName: string,
  sheetName: string,
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
): Promise<void> {
  const out = startDownload(
    reply,
    `${fileName}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows.length,
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c, i) => ({
    header: neutraliseFormula(c.header),
    key: String(i),
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  let written = 0;
  for (const row of rows) {
    sheet
      .addRow(
        columns.map((c) => {
          const v = c.value(row);
          if (v === null) return null;
          if (c.kind === 'date' && typeof v === 'string') {
            const [y, m, d] = v.split('-').map(Number);
            return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
          }
          // Text stays a string cell: exceljs writes strings as text, never as formulas.
          return v;
        }),
      )
      .commit();
    // Let other requests run between chunks of a large sheet.
    if (++written % CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}
