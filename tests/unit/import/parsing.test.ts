import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/domain/time-limit/instant';
import { decodeText, detectEncoding } from '../../../src/feeds/columns/encoding';
import { FIELD_SPECS } from '../../../src/feeds/columns/fields';
import { normaliseHeader, suggestColumns } from '../../../src/feeds/columns/headers';
import {
  detectTimestampFormat,
  parseTimezone,
  readTimestamp,
  timestampReader,
} from '../../../src/feeds/columns/timestamp';
import { CASE_EXTRA_FIELDS, CASE_FIELDS } from '../../../src/feeds/mapping';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures');

describe('encoding detection', () => {
  it('reads a GBK export as GB18030 and its Chinese header correctly', () => {
    const bytes = readFileSync(join(FIX, 'import', 'gbk-cases.csv'));
    expect(detectEncoding(bytes)).toBe('gb18030');
    expect(decodeText(bytes, 'gb18030').split('\r\n')[0]).toBe(
      '申办流水号,承办单位,部门名称,事项名称,受理时间,承诺时限,法定时限,办结时间,备注',
    );
    // The same bytes read as UTF-8 are garbage: detection matters.
    expect(decodeText(bytes, 'utf-8')).not.toContain('申办流水号');
  });

  it('reads UTF-8 (with or without BOM) as UTF-8', () => {
    const utf8 = new TextEncoder().encode('办件编号,受理时间\nA1,2026-01-05\n');
    expect(detectEncoding(utf8)).toBe('utf-8');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(detectEncoding(bom)).toBe('utf-8');
    expect(decodeText(bom, 'utf-8').startsWith('办件编号')).toBe(true);
    expect(detectEncoding(readFileSync(join(FIX, 'other-city.csv')))).toBe('utf-8');
  });

  it('does not mistake a UTF-8 character cut at the sniffing limit for GBK', () => {
    const big = new TextEncoder().encode('受'.repeat(2_000_000)); // 6 MB, cut inside a character
    expect(detectEncoding(big)).toBe('utf-8');
  });
});

describe('header auto-detection', () => {
  it('maps the Chinese service-platform headers', () => {
    const header = [
      '申办流水号',
      '承办单位',
      '部门名称',
      '事项编码',
      '受理时间',
      '承诺时限（工作日）',
      '法定时限',
      '办结时间',
      '备注',
    ];
    expect(suggestColumns('cases', header)).toEqual({
      id: '申办流水号',
      departmentId: '承办单位',
      departmentName: '部门名称',
      itemCode: '事项编码',
      acceptedAt: '受理时间',
      committedLimitDays: '承诺时限（工作日）',
      statutoryLimitDays: '法定时限',
      completedAt: '办结时间',
    });
  });

  it('maps English 311-style headers, whatever their case and separators', () => {
    const header = [
      'Unique Key',
      'AGENCY',
      'Agency Name',
      'created_date',
      'Closed Date',
      'Due Date',
      'Status',
    ];
    expect(suggestColumns('cases', header)).toEqual({
      id: 'Unique Key',
      departmentId: 'AGENCY',
      departmentName: 'Agency Name',
      acceptedAt: 'created_date',
      completedAt: 'Closed Date',
      dueAt: 'Due Date',
    });
    expect(
      suggestColumns('cases', [
        'case_id',
        'department',
        'open_date',
        'close_date',
        'target_close_date',
      ]),
    ).toEqual({
      id: 'case_id',
      departmentId: 'department',
      acceptedAt: 'open_date',
      completedAt: 'close_date',
      dueAt: 'target_close_date',
    });
  });

  it('prefers the field name itself and never uses a column twice', () => {
    const m = suggestColumns('cases', ['id', 'departmentId', 'acceptedAt', '办件编号']);
    expect(m['id']).toBe('id');
    expect(Object.values(m).length).toBe(new Set(Object.values(m)).size);
    expect(normaliseHeader(' Due_Date (UTC) ')).toBe('duedateutc');
  });

  it('knows every case field of the CLI mapping and the other kinds’ fields', () => {
    expect(FIELD_SPECS.cases.map((s) => s.field).sort()).toEqual(
      [...CASE_FIELDS, ...CASE_EXTRA_FIELDS].sort(),
    );
    expect(
      suggestColumns('evaluations', [
        '评价编号',
        '办件编号',
        '评价等级',
        '评价时间',
        '评价渠道',
        '整改反馈时间',
      ]),
    ).toEqual({
      id: '评价编号',
      caseId: '办件编号',
      level: '评价等级',
      at: '评价时间',
      channel: '评价渠道',
      rectifiedAt: '整改反馈时间',
    });
  });
});

describe('timestamps', () => {
  it('detects ISO with an explicit +00 offset and reports the offset', () => {
    const d = detectTimestampFormat(['2026-08-01 00:00:00+00', '2026-08-04 05:07:00+00', '']);
    expect(d).toEqual({ format: 'iso', samples: 2, parsed: 2, offsets: ['+00'] });
  });

  it('detects ISO without offset, slash formats and Excel serials', () => {
    expect(detectTimestampFormat(['2026-08-01 09:00', '2026-08-02T10:00:00']).format).toBe('iso');
    expect(detectTimestampFormat(['2026/8/1 9:00', '2026/08/15 17:30']).format).toBe('ymd-slash');
    expect(detectTimestampFormat(['01/31/2024 02:15:00 PM', '02/01/2024 09:00:00 AM']).format).toBe(
      'mdy-slash',
    );
    expect(detectTimestampFormat(['31/01/2024 14:15', '13/02/2024 09:00']).format).toBe(
      'dmy-slash',
    );
    expect(detectTimestampFormat(['45321.5', '45322']).format).toBe('excel-serial');
    expect(detectTimestampFormat(['2026年8月1日 9:30']).format).toBe('ymd-chinese');
  });

  it('reads each format as the same instant', () => {
    const expected = parseInstant('2024-01-31T14:15:00+08:00');
    expect(readTimestamp('2024/1/31 14:15', 'ymd-slash')).toBe(expected);
    expect(readTimestamp('01/31/2024 02:15:00 PM', 'mdy-slash')).toBe(expected);
    expect(readTimestamp('31/01/2024 14:15', 'dmy-slash')).toBe(expected);
    expect(readTimestamp('2024年1月31日 14:15', 'ymd-chinese')).toBe(expected);
    // Excel serial 45322 = 2024-01-31; .59375 of a day = 14:15.
    expect(readTimestamp('45322.59375', 'excel-serial')).toBe(expected);
    expect(readTimestamp('12/31/2024 12:00:00 AM', 'mdy-slash')).toBe(
      parseInstant('2024-12-31T00:00:00+08:00'),
    );
  });

  it('applies the zone to values without an offset only', () => {
    const utc = parseTimezone('+00:00') as number;
    expect(readTimestamp('2026-08-01 09:00', 'iso', utc)).toBe(Date.UTC(2026, 7, 1, 9));
    expect(readTimestamp('2026-08-01', 'iso', utc)).toBe(Date.UTC(2026, 7, 1));
    // An explicit offset wins over the chosen zone.
    expect(readTimestamp('2026-08-01 09:00+08:00', 'iso', utc)).toBe(Date.UTC(2026, 7, 1, 1));
    expect(readTimestamp('2026/8/1 9:00', 'ymd-slash', parseTimezone('-05:00') as number)).toBe(
      Date.UTC(2026, 7, 1, 14),
    );
  });

  it('rejects impossible values and malformed zones', () => {
    expect(readTimestamp('2026/2/30 9:00', 'ymd-slash')).toBeNull();
    expect(readTimestamp('13/31/2024 10:00', 'mdy-slash')).toBeNull();
    expect(readTimestamp('2026-08-01 09:00', 'ymd-slash')).toBeNull();
    expect(parseTimezone('Asia/Shanghai')).toBeNull();
    expect(parseTimezone('+15:00')).toBeNull();
    expect(parseTimezone('Z')).toBe(0);
    expect(timestampReader({})).toBeNull();
    expect(timestampReader({ timezone: '+08:00', timestampFormat: 'iso' })).toBeNull();
  });
});
