import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../../src/feeds/csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads quotes, embedded commas, newlines and doubled quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",\r\n';
    expect(parseCsv(text)).toEqual({
      header: ['a', 'b', 'c'],
      rows: [
        ['1', 'x, y', 'say "hi"'],
        ['2', 'two\r\nlines', ''],
      ],
      rowLines: [2, 3],
    });
  });

  it('handles LF, no final newline, blank lines and a trailing empty field', () => {
    const t = parseCsv('a,b\n\n1,\n2,3');
    expect(t.rows).toEqual([
      ['1', ''],
      ['2', '3'],
    ]);
    expect(t.rowLines).toEqual([3, 4]);
  });

  it('keeps an empty quoted field and ragged rows as they are', () => {
    expect(parseCsv('a,b,c\n"",x\n').rows).toEqual([['', 'x']]);
  });

  it('trims header names but not cells', () => {
    expect(parseCsv(' id , name \n 1 , x \n')).toEqual({
      header: ['id', 'name'],
      rows: [[' 1 ', ' x ']],
      rowLines: [2],
    });
  });

  it('fails clearly on an unterminated quote and an empty file', () => {
    expect(() => parseCsv('a,b\n1,"never closed\n2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"never closed\n')).toThrow(/第 2 行/);
    expect(() => parseCsv('')).toThrow(/empty file/);
  });

  it('is fast enough for a large export', () => {
    const row = 'C000001,D01,2024-02-04 02:00:00+00,5,20,,"[{""kind"":""补正""}]",,note\n';
    const text = 'id,d,a,c,s,done,sus,due,note\n' + row.repeat(200_000);
    const t0 = performance.now();
    const t = parseCsv(text);
    const ms = performance.now() - t0;
    expect(t.rows).toHaveLength(200_000);
    expect(t.rows[199_999]?.[6]).toBe('[{"kind":"补正"}]');
    expect(ms).toBeLessThan(5000); // generous: only guards against accidental quadratic behaviour
  });
});
