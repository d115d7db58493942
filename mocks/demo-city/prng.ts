/**
 * Seeded pseudo-random numbers for the demo city. Never `Math.random`: the same seed must give the
 * same city on every machine, so figures in docs and tests are reproducible.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) seeded through a splitmix32-style
 * mixer: fast in plain 32-bit JavaScript arithmetic and well distributed for this purpose.
 */

/** Mixes integers into one well-spread 32-bit value (splitmix32 finaliser over each part). */
export function hash32(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = (h + Math.imul(part | 0, 0x85ebca6b) + 0x9e3779b9) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
    h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** A seeded generator; every method draws from the same sfc32 stream. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from any number of integers (e.g. the dataset seed, a stream tag and a record index). */
  constructor(...seedParts: readonly number[]) {
    this.a = hash32(...seedParts, 1);
    this.b = hash32(...seedParts, 2);
    this.c = hash32(...seedParts, 3);
    this.d = 1;
    // Discard the first outputs: sfc32 needs a few rounds to mix a fresh state.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(values: readonly T[]): T {
    const value = values[Math.floor(this.next() * values.length)];
    if (value === undefined) throw new RangeError('pick from an empty array');
    return value;
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Geometric count ≥ 0 with continuation probability p (mean p / (1 − p)). */
  geometric(p: number, cap: number): number {
    let n = 0;
    while (n < cap && this.next() < p) n++;
    return n;
  }
}

/**
 * Weighted choice in O(log n) from precomputed cumulative weights, for hot loops (a million cases
 * each picking one of ~300 items).
 */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly values: readonly T[],
    weights: readonly number[],
  ) {
    if (values.length === 0 || values.length !== weights.length) {
      throw new RangeError('WeightedPicker needs one positive weight per value');
    }
    this.cumulative = new Float64Array(values.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** Picks with probability proportional to the weight. */
  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    const value = this.values[lo];
    if (value === undefined) throw new RangeError('WeightedPicker out of range');
    return value;
  }
}
