/**
 * A typed array that grows by fixed chunks: the disk-backed feed's per-record indexes (tens of
 * millions of entries at 5M cases) are appended to without knowing the count up front and without
 * the doubling copies of a growable array, whose transient peak would be three times the data.
 */
type NumberArray = Float64Array | Int32Array | Uint16Array;

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class ChunkedArray<A extends NumberArray> {
  private readonly chunks: A[] = [];
  private count = 0;

  constructor(private readonly make: (length: number) => A) {}

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    const k = this.count >>> CHUNK_BITS;
    let chunk = this.chunks[k];
    if (chunk === undefined) {
      chunk = this.make(CHUNK);
      this.chunks.push(chunk);
    }
    chunk[this.count & MASK] = value;
    this.count++;
  }

  /** The value at `i` (NaN outside the array, which no filter lets through). */
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]?.[i & MASK] ?? Number.NaN;
  }

  set(i: number, value: number): void {
    const chunk = this.chunks[i >>> CHUNK_BITS];
    if (chunk === undefined || i >= this.count) throw new RangeError(`index ${i} out of range`);
    chunk[i & MASK] = value;
  }

  /** Bytes held (for the start-up log). */
  get bytes(): number {
    return this.chunks.reduce((sum, c) => sum + c.byteLength, 0);
  }
}
