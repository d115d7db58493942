import { describe, expect, test } from 'vitest';
import { dayFromCivil } from '../../../src/domain/calendar/day';
import { parseInstant } from '../../../src/domain/time-limit/instant';
import {
  buildCsvParts,
  EXPORT_CHUNK_ROWS,
  tableToCsv,
  type TableColumn,
} from '../../../src/export/table-export';

interface Row {
  id: string;
  n: number | null;
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

const at = parseInstant('2026-09-30T23:59:59+08:00') ?? Number.NaN;
const row = (id: string, n: number | null = 3): Row => ({
  id,
  n,
  rate: 0.9345,
  day: dayFromCivil(2026, 9, 30),
  at,
});

describe('tableToCsv', () => {
  test('starts with a BOM, uses CRLF and the Chinese headers', () => {
    const csv = tableToCsv([row('A1')], columns);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('办件编号,超期工作日,按时办结率,受理日期,法定期限');
    // Shanghai civil date/time, whatever the test machine's zone (the suite runs under UTC and New York too).
    expect(lines[1]).toBe('A1,3,93.5%,2026-09-30,2026-09-30 23:59:59');
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });

  test('neutralises formula starts and quotes commas, quotes and newlines', () => {
    const csv = tableToCsv(
      [row('=1+1'), row('+86'), row('-2'), row('@SUM(A1)'), row('a,"b"\nc')],
      columns.slice(0, 1),
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(1, 5)).toEqual(["'=1+1", "'+86", "'-2", "'@SUM(A1)"]);
    expect(csv).toContain('"a,""b""\nc"');
  });

  test('numbers stay numbers (a negative count is not neutralised); null is empty', () => {
    const csv = tableToCsv([row('x', -2), row('y', null)], columns.slice(0, 2));
    expect(csv.slice(1).split('\r\n').slice(1, 3)).toEqual(['x,-2', 'y,']);
  });
});

describe('buildCsvParts', () => {
  test('chunks a large table without losing or reordering a row, reporting progress', async () => {
    const total = EXPORT_CHUNK_ROWS * 2 + 17;
    const rows = Array.from({ length: total }, (_, i) => row(`C${i}`, i));
    const progress: number[] = [];
    const parts = await buildCsvParts(rows, columns, (done) => progress.push(done));
    const text = parts.join('');
    expect(text).toBe(tableToCsv(rows, columns));
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(total + 2); // header + rows + trailing empty
    expect(lines[total]).toMatch(new RegExp(`^C${total - 1},${total - 1},`));
    expect(progress).toEqual([EXPORT_CHUNK_ROWS, EXPORT_CHUNK_ROWS * 2, total]);
  });

  test('an empty table still has the header line', async () => {
    const parts = await buildCsvParts([], columns);
    expect(parts.join('')).toBe('\uFEFF办件编号,超期工作日,按时办结率,受理日期,法定期限\r\n');
  });
});
