import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../src/features/alerts/use-alert-blocks';

describe('blocksOf (which blocks of the alert list a row range needs)', () => {
  it('covers the range with whole blocks, each once', () => {
    expect(blocksOf(0, 11, 100)).toEqual([0]);
    expect(blocksOf(95, 130, 100)).toEqual([0, 1]);
    expect(blocksOf(100, 199, 100)).toEqual([1]);
    expect(blocksOf(250, 520, 100)).toEqual([2, 3, 4, 5]);
  });
  it('asks for nothing when no row is in view', () => {
    expect(blocksOf(0, -1, 100)).toEqual([]);
  });
});
