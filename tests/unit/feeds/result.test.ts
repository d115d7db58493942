import { describe, expect, it } from 'vitest';
import {
  FeedPageError,
  parsePage,
  parseRecords,
  type RecordOutcome,
} from '../../../src/feeds/result';

const parseNumberRecord = (raw: unknown): RecordOutcome<number> => {
  if (typeof raw === 'object' && raw !== null && 'bomb' in raw) throw new Error('boom');
  if (typeof raw === 'object' && raw !== null && typeof (raw as { n?: unknown }).n === 'number') {
    return { ok: true, value: (raw as { n: number }).n };
  }
  return { ok: false, reason: '数值缺失 (n missing)', id: null };
};

describe('parseRecords', () => {
  it('keeps good records, rejects bad ones with reasons, and survives a throwing parser', () => {
    const raws = [{ n: 1 }, { id: 'x', n: 'two' }, { id: 'B', bomb: true }, { n: 4 }];
    const result = parseRecords('things', raws, parseNumberRecord, 100);
    expect(result.accepted).toEqual([1, 4]);
    expect(result.rejected).toHaveLength(2);
    expect(result.rejected[0]).toMatchObject({
      resource: 'things',
      index: 101,
      id: 'x',
      reason: '数值缺失 (n missing)',
    });
    expect(result.rejected[1]).toMatchObject({ index: 102, id: 'B' });
    expect(result.rejected[1]?.reason).toContain('boom');
    expect(result.rejected[1]?.raw).toEqual({ id: 'B', bomb: true });
  });
});

describe('parsePage', () => {
  const good = {
    items: [{ n: 1 }, { n: 'bad' }],
    nextCursor: 'abc',
    serverTime: '2026-09-30T23:59:59+08:00',
  };

  it('parses a valid envelope', () => {
    const page = parsePage('things', good, parseNumberRecord);
    expect(page.accepted).toEqual([1]);
    expect(page.rejected).toHaveLength(1);
    expect(page.nextCursor).toBe('abc');
    expect(page.serverTime).toBe(good.serverTime);
  });

  it.each([
    ['not an object', '<html>502</html>', '不是 JSON 对象'],
    ['items missing', { nextCursor: null, serverTime: good.serverTime }, 'items'],
    ['bad cursor', { ...good, nextCursor: 5 }, 'nextCursor'],
    ['empty cursor', { ...good, nextCursor: '' }, 'nextCursor'],
    ['bad serverTime', { ...good, serverTime: 'yesterday' }, 'serverTime'],
  ])('throws a readable FeedPageError when %s', (_name, body, fragment) => {
    expect(() => parsePage('things', body, parseNumberRecord)).toThrow(FeedPageError);
    expect(() => parsePage('things', body, parseNumberRecord)).toThrow(fragment);
  });
});
