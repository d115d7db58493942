/**
 * A Map that holds more than V8's limit of 2^24 (≈ 16.7 M) entries per Map: a city of 5M cases has
 * ≈ 19 M step records, and one Map of them ends the sync with "Map maximum size exceeded" (issue 17,
 * measured). The keys are spread over 16 Maps by a hash of the id.
 */
const SHARDS = 16;

export class ShardedMap<V> {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, V>());

  private shardOf(key: string): Map<string, V> {
    // FNV-1a over the code units: ids differ mostly in their last digits, so all of them count.
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return this.shards[(h >>> 0) % SHARDS]!;
  }

  get(key: string): V | undefined {
    return this.shardOf(key).get(key);
  }

  set(key: string, value: V): void {
    this.shardOf(key).set(key, value);
  }

  get size(): number {
    let n = 0;
    for (const m of this.shards) n += m.size;
    return n;
  }

  /** Entries per shard (how evenly the ids spread). */
  shardSizes(): number[] {
    return this.shards.map((m) => m.size);
  }
}
