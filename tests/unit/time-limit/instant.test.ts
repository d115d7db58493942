import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShanghaiIso, parseInstant } from '../../../src/domain/time-limit';

describe('parseInstant', () => {
  const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number =>
    Date.UTC(y, mo - 1, d, h, mi, s, ms);

  it.each([
    ['2024-02-04T09:30:00+08:00', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04T09:30:00+0800', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04T09:30:00+08', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04T01:30:00Z', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04T01:30:00+00', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04 01:30:00+00', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04 01:30:00 +00:00', utc(2024, 2, 4, 1, 30)],
    // No offset: Asia/Shanghai.
    ['2024-02-04T09:30:00', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04 09:30', utc(2024, 2, 4, 1, 30)],
    ['2024-02-04', utc(2024, 2, 3, 16)],
    ['2024-02-04T09:30:00.123+08:00', utc(2024, 2, 4, 1, 30, 0, 123)],
    ['2024-02-04T09:30:00.5Z', utc(2024, 2, 4, 9, 30, 0, 500)],
    ['2024-02-03T20:30:00-05:00', utc(2024, 2, 4, 1, 30)],
    ['  2024-02-04T09:30:00+08:00 ', utc(2024, 2, 4, 1, 30)],
  ])('%s', (s, expected) => {
    expect(parseInstant(s)).toBe(expected);
  });

  it.each([
    '2024-02-30T09:00:00+08:00',
    '2023-02-29',
    '2024-13-01',
    '2024-02-04T24:00:00',
    '2024-02-04T23:60:00',
    '2024-02-04T23:59:60',
    '2024-02-04T09:30:00+15:00',
    '2024-02-04T09:30:00+08:0',
    '2024-02-04+08:00',
    '2024/02/04 09:30',
    '20240204T093000',
    'yesterday',
    '',
    '2024-02-04T9:30',
  ])('rejects %j', (s) => {
    expect(parseInstant(s)).toBeNull();
  });
});

describe('formatShanghaiIso', () => {
  it('formats in +08:00 whatever the machine zone', () => {
    expect(formatShanghaiIso(Date.UTC(2024, 1, 4, 1, 30))).toBe('2024-02-04T09:30:00+08:00');
    // 16:30Z on New Year's Eve is already 2026 in Shanghai.
    expect(formatShanghaiIso(Date.UTC(2025, 11, 31, 16, 30))).toBe('2026-01-01T00:30:00+08:00');
    expect(formatShanghaiIso(Date.UTC(2024, 1, 4, 1, 30, 0, 7))).toBe(
      '2024-02-04T09:30:00.007+08:00',
    );
  });

  it('round-trips through parseInstant (property)', () => {
    const lo = Date.UTC(2000, 0, 1);
    const hi = Date.UTC(2040, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (ms) => {
        expect(parseInstant(formatShanghaiIso(ms))).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });
});
