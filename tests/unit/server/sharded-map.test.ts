/**
 * The live dataset's tables key ≈ 19 M step records at 5M cases, beyond V8's 2^24 entries per Map:
 * ShardedMap must answer like a Map and spread the city's ids so no shard holds much more than
 * its share.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../../server/jobs/sharded-map';

describe('ShardedMap', () => {
  it('answers like a Map for any sequence of sets and gets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }),
        (sets, probes) => {
          const sharded = new ShardedMap<number>();
          const plain = new Map<string, number>();
          for (const [k, v] of sets) {
            sharded.set(k, v);
            plain.set(k, v);
          }
          expect(sharded.size).toBe(plain.size);
          for (const k of [...probes, ...sets.map(([key]) => key)])
            expect(sharded.get(k)).toBe(plain.get(k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('spreads step-record ids evenly, so 16 shards hold 16 times what one Map can', () => {
    const map = new ShardedMap<number>();
    const ids = Array.from({ length: 160_000 }, (_, i) => `E2026Q3${String(i).padStart(9, '0')}-1`);
    for (const id of ids) map.set(id, 0);
    const sizes = map.shardSizes();
    expect(sizes).toHaveLength(16);
    for (const size of sizes) expect(size).toBeLessThan(10_000 * 1.1);
  });
});
