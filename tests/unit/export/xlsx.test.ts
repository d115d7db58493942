import { describe, expect, test } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { dayFromCivil } from '../../../src/domain/calendar/day';
import { parseInstant } from '../../../src/domain/time-limit/instant';
import type { ExportSheet, TableColumn } from '../../../src/export/table-export';
import { buildXlsxSheets, sanitizeSheetName } from '../../../src/export/xlsx';
import { unzipText } from './unzip';

interface Row {
  id: string;
  n: number;
  rate: number;
  day: number;
  at: number;
}

const columns: TableColumn<Row>[] = [
  { key: 'id', header: '办件编号', kind: 'text', value: (r) => r.id },
  { key: 'n', header: '超期工作日', kind: 'integer', value: (r) => r.n },
  { key: 'rate', header: '按时办结率', kind: 'percent', value: (r) => r.rate },
  { key: 'day', header: '受理日期', kind: 'date', value: (r) => r.day },
  { key: 'at', header: '法定期限', kind: 'datetime', value: (r) => r.at },
];

const rows: Row[] = [
  {
    id: '=1+1',
    n: 1234,
    rate: 0.25,
    day: dayFromCivil(2026, 9, 30),
    at: parseInstant('2026-10-08T18:00:00+08:00') ?? Number.NaN,
  },
];

async function workbook(sheets: ExportSheet<Row>[]): Promise<Map<string, string>> {
  const built = await buildXlsxSheets(sheets as ExportSheet<unknown>[]);
  // The Node entry of the same library writes the same XML as the browser entry.
  const buf = await writeXlsxFile(built as Parameters<typeof writeXlsxFile>[0]).toBuffer();
  return unzipText(buf);
}

function cell(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  if (!m) throw new Error(`no cell ${ref}`);
  return m[0];
}

function sharedStrings(files: Map<string, string>): string[] {
  const xml = files.get('xl/sharedStrings.xml') ?? '';
  return [...xml.matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/g)].map((m) => m[1] ?? '');
}

function styleFormat(files: Map<string, string>, styleIndex: number): string {
  const styles = files.get('xl/styles.xml') ?? '';
  const xfs = [
    ...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf[^>]*>/g),
  ];
  const numFmtId = /numFmtId="(\d+)"/.exec(xfs[styleIndex]?.[0] ?? '')?.[1];
  return new RegExp(`numFmtId="${numFmtId}" formatCode="([^"]*)"`).exec(styles)?.[1] ?? '';
}

describe('XLSX export', () => {
  test('Chinese headers, typed cells, frozen header row, no formula from text', async () => {
    const files = await workbook([{ name: '预警督办', rows, columns }]);
    expect(files.get('xl/workbook.xml')).toContain('name="预警督办"');
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    const strings = sharedStrings(files);

    // Headers: string cells, in order.
    const headerRefs = ['A1', 'B1', 'C1', 'D1', 'E1'];
    const headers = headerRefs.map(
      (r) => strings[Number(/<v>(\d+)<\/v>/.exec(cell(sheet, r))?.[1])],
    );
    expect(headers).toEqual(['办件编号', '超期工作日', '按时办结率', '受理日期', '法定期限']);

    // Frozen first row.
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);

    // "=1+1" is a shared-string text cell, never a formula.
    const a2 = cell(sheet, 'A2');
    expect(a2).toContain('t="s"');
    expect(sheet).not.toContain('<f>');
    expect(strings[Number(/<v>(\d+)<\/v>/.exec(a2)?.[1])]).toBe('=1+1');

    // A real number cell with a grouping format.
    const b2 = cell(sheet, 'B2');
    expect(b2).not.toContain('t="');
    expect(b2).toContain('<v>1234</v>');
    expect(styleFormat(files, Number(/ s="(\d+)"/.exec(b2)?.[1]))).toBe('#,##0');

    // A percent cell holds the fraction, formatted as percent.
    const c2 = cell(sheet, 'C2');
    expect(c2).toContain('<v>0.25</v>');
    expect(styleFormat(files, Number(/ s="(\d+)"/.exec(c2)?.[1]))).toBe('0.0%');

    // A date cell is an Excel serial of the Shanghai civil date: 2026-09-30 = 46295.
    const d2 = cell(sheet, 'D2');
    expect(d2).toContain('<v>46295</v>');
    expect(styleFormat(files, Number(/ s="(\d+)"/.exec(d2)?.[1]))).toBe('yyyy-mm-dd');

    // A date-time keeps the Shanghai wall clock: 2026-10-08 18:00 = 46303 + 0.75.
    const e2 = cell(sheet, 'E2');
    expect(Number(/<v>([\d.]+)<\/v>/.exec(e2)?.[1])).toBeCloseTo(46303.75, 8);
  });

  test('one sheet per table, names made legal and unique', async () => {
    const files = await workbook([
      { name: '部门/排名:2026Q3', rows, columns },
      { name: '部门/排名:2026Q3', rows: [], columns },
    ]);
    const wb = files.get('xl/workbook.xml') ?? '';
    expect(wb).toContain('name="部门_排名_2026Q3"');
    expect(wb).toContain('name="部门_排名_2026Q3(2)"');
    expect(files.has('xl/worksheets/sheet2.xml')).toBe(true);
  });

  test('sanitizeSheetName truncates to 31 characters', () => {
    expect(sanitizeSheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(sanitizeSheetName('  ', new Set())).toBe('Sheet');
  });
});
