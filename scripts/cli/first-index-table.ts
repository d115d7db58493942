/**
 * The duplicate-id check of the `evaluate` CLI's main thread (evaluate-parallel.ts): the first
 * record index of every accepted id, the first one winning. A JavaScript Map of a million string
 * keys cost ≈ 0.8 s of CPU and a million long-lived heap objects on the thread that must keep up
 * with both workers (issue 17); this table holds typed arrays only. The workers send each id's
 * hash (`idHash`); ids are compared as strings only when their hashes are equal, so a hash
 * collision never makes two ids the same.
 */

/** FNV-1a over the UTF-16 code units: what the workers send as an id's hash. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class FirstIndexTable {
  /** Open addressing, linear probing: record index + 1 per slot, 0 = empty. */
  private slots: Int32Array;
  private used = 0;
  /** Per stored record index: its id's hash (to re-place it when the table grows). */
  private hashOf: Uint32Array;

  /**
   * @param idAt the id of a record by its index: read only when two hashes are equal, so the
   *   caller keeps where each id is instead of a million strings
   * @param expected how many records to size the table for (it grows past that; growing a
   *   table of a million took ≈ 0.3 s)
   */
  constructor(
    private readonly idAt: (index: number) => string,
    expected = 1 << 15,
  ) {
    let size = 1 << 16;
    while (size < 2 * expected) size *= 2;
    this.slots = new Int32Array(size);
    this.hashOf = new Uint32Array(size / 2);
  }

  /**
   * The first index stored with the same id as record `index` (whose id hashes to `hash`), or -1
   * after storing `index` as that id's first. Indices must be below 2^31 - 1 and each given once.
   */
  firstOrAdd(hash: number, index: number): number {
    const mask = this.slots.length - 1;
    let id: string | null = null;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s]!;
      if (at === 0) break;
      const other = at - 1;
      if (this.hashOf[other] === hash && this.idAt(other) === (id ??= this.idAt(index))) {
        return other;
      }
    }
    if (index >= this.hashOf.length) {
      let size = this.hashOf.length;
      while (size <= index) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.hashOf);
      this.hashOf = grown;
    }
    this.hashOf[index] = hash;
    this.place(index, hash);
    if (++this.used * 2 > this.slots.length) this.grow();
    return -1;
  }

  private place(index: number, hash: number): void {
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = index + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (const at of old) if (at !== 0) this.place(at - 1, this.hashOf[at - 1]!);
  }
}
