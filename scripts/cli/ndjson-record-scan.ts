/**
 * A fast path for the `evaluate` worker (issue 17): reads one NDJSON line straight from the file's
 * bytes into the object `parseCaseRecord` reads, without decoding the whole line to a string and
 * without `JSON.parse` (together ≈ half of a worker's time on 1M cases). Only the properties the
 * validator reads (`keys`) are built; every other value is checked for JSON syntax and skipped.
 *
 * It covers a strict subset of JSON and answers null for anything else — the caller then takes the
 * ordinary path (trim, JSON.parse), so every line it does answer for reads exactly as JSON.parse
 * would read it (tests/unit/cli/ndjson-record-scan.test.ts, also on mutated lines):
 * an object, spaces or tabs between tokens, strings without escapes in the kept values (escapes
 * are checked, not decoded, in skipped ones), the JSON number grammar, literals, and nested
 * arrays and objects up to a small depth. The caller guarantees the bytes are valid UTF-8 and the
 * line holds no LF or CR (evaluate-parallel.ts checks the whole file before it starts).
 */

/** A value that is not in the subset: the line goes to JSON.parse. */
const OUT = Symbol('outside the fast subset');
/** A skipped value (syntax checked, not built). */
const SKIPPED = 0;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_DEPTH = 16;
/** Integers of at most this many digits are summed exactly; longer ones go through Number(). */
const EXACT_DIGITS = 15;

/** `\` may be followed by these (plus `u` and four hex digits). */
const SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)));

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export class RecordScanner {
  private readonly keyBytes: Buffer[];
  private p = 0;
  private e = 0;

  /**
   * @param bytes the file (valid UTF-8)
   * @param keys the property names to build; null when none may be built this way (`__proto__`
   *   would set the object's prototype instead of a property)
   */
  private constructor(
    private readonly bytes: Buffer,
    private readonly keys: readonly string[],
  ) {
    this.keyBytes = keys.map((k) => Buffer.from(k, 'utf8'));
  }

  static of(bytes: Buffer, keys: readonly string[]): RecordScanner | null {
    return keys.includes('__proto__') ? null : new RecordScanner(bytes, [...new Set(keys)]);
  }

  /**
   * The line `bytes[start, end)` as `JSON.parse` reads it, with only the kept properties (the last
   * of a repeated key wins, as in JSON.parse); null when the line is outside the subset (which
   * includes blank lines and lines that are not JSON).
   */
  scan(start: number, end: number): Record<string, unknown> | null {
    this.p = start;
    this.e = end;
    this.ws();
    if (this.at() !== 0x7b) return null;
    this.p++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.at() === 0x7d) this.p++;
    else {
      for (;;) {
        if (this.at() !== QUOTE) return null;
        const keyStart = this.p + 1;
        if (!this.skipString()) return null;
        const key = this.keyIndex(keyStart, this.p - 1);
        this.ws();
        if (this.at() !== 0x3a) return null;
        this.p++;
        this.ws();
        const v = this.value(1, key >= 0);
        if (v === OUT) return null;
        if (key >= 0) out[this.keys[key]!] = v;
        this.ws();
        const c = this.at();
        this.p++;
        if (c === 0x2c) {
          this.ws();
          continue;
        }
        if (c === 0x7d) break;
        return null;
      }
    }
    this.ws();
    return this.p === this.e ? out : null;
  }

  private at(): number {
    return this.p < this.e ? this.bytes[this.p]! : -1;
  }

  private ws(): void {
    const b = this.bytes;
    while (this.p < this.e && (b[this.p] === 0x20 || b[this.p] === 0x09)) this.p++;
  }

  /** Index in `keys` of the key bytes [from, to), or -1. Keys with escapes never match. */
  private keyIndex(from: number, to: number): number {
    const b = this.bytes;
    const len = to - from;
    outer: for (let k = 0; k < this.keyBytes.length; k++) {
      const kb = this.keyBytes[k]!;
      if (kb.length !== len) continue;
      for (let i = 0; i < len; i++) if (b[from + i] !== kb[i]) continue outer;
      return k;
    }
    return -1;
  }

  /** From the opening quote past the closing one; escapes checked. False if not a JSON string. */
  private skipString(): boolean {
    const b = this.bytes;
    let q = this.p + 1;
    while (q < this.e) {
      const c = b[q]!;
      if (c === QUOTE) {
        this.p = q + 1;
        return true;
      }
      if (c < 0x20) return false;
      if (c === BACKSLASH) {
        const x = q + 1 < this.e ? b[q + 1]! : -1;
        if (x === 0x75) {
          if (q + 5 >= this.e) return false;
          for (let i = 2; i <= 5; i++) if (!isHex(b[q + i]!)) return false;
          q += 6;
          continue;
        }
        if (!SIMPLE_ESCAPES.has(x)) return false;
        q += 2;
        continue;
      }
      q++;
    }
    return false;
  }

  /** A string value to build: no escapes (else OUT), decoded as UTF-8. */
  private stringValue(): string | typeof OUT {
    const b = this.bytes;
    const from = this.p + 1;
    let q = from;
    let ascii = true;
    while (q < this.e) {
      const c = b[q]!;
      if (c === QUOTE) {
        this.p = q + 1;
        return b.toString(ascii ? 'latin1' : 'utf8', from, q);
      }
      if (c < 0x20 || c === BACKSLASH) return OUT;
      if (c >= 0x80) ascii = false;
      q++;
    }
    return OUT;
  }

  /** A JSON number (its exact grammar); its value when built. */
  private number(build: boolean): number | typeof OUT {
    const b = this.bytes;
    const from = this.p;
    let q = from;
    const neg = b[q] === 0x2d;
    if (neg) q++;
    let c = q < this.e ? b[q]! : -1;
    let acc = 0;
    const digitsFrom = q;
    if (c === 0x30) q++;
    else if (c >= 0x31 && c <= 0x39) {
      while (q < this.e && b[q]! >= 0x30 && b[q]! <= 0x39) acc = acc * 10 + (b[q++]! - 0x30);
    } else return OUT;
    let integer = true;
    c = q < this.e ? b[q]! : -1;
    if (c === 0x2e) {
      integer = false;
      q++;
      const f = q;
      while (q < this.e && b[q]! >= 0x30 && b[q]! <= 0x39) q++;
      if (q === f) return OUT;
      c = q < this.e ? b[q]! : -1;
    }
    if (c === 0x65 || c === 0x45) {
      integer = false;
      q++;
      if (q < this.e && (b[q] === 0x2b || b[q] === 0x2d)) q++;
      const f = q;
      while (q < this.e && b[q]! >= 0x30 && b[q]! <= 0x39) q++;
      if (q === f) return OUT;
    }
    this.p = q;
    if (!build) return SKIPPED;
    if (integer && q - digitsFrom <= EXACT_DIGITS) return neg ? -acc : acc;
    return Number(b.toString('latin1', from, q));
  }

  private literal(text: string, v: boolean | null): boolean | null | typeof OUT {
    const b = this.bytes;
    if (this.p + text.length > this.e) return OUT;
    for (let i = 0; i < text.length; i++) if (b[this.p + i] !== text.charCodeAt(i)) return OUT;
    this.p += text.length;
    return v;
  }

  private value(depth: number, build: boolean): unknown {
    const c = this.at();
    if (c === QUOTE) {
      if (build) return this.stringValue();
      return this.skipString() ? SKIPPED : OUT;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number(build);
    if (c === 0x74) return this.literal('true', true);
    if (c === 0x66) return this.literal('false', false);
    if (c === 0x6e) return this.literal('null', null);
    if (depth >= MAX_DEPTH) return OUT;
    if (c === 0x5b) return this.array(depth, build);
    if (c === 0x7b) return this.object(depth, build);
    return OUT;
  }

  private array(depth: number, build: boolean): unknown[] | typeof OUT | typeof SKIPPED {
    this.p++;
    const out: unknown[] = [];
    this.ws();
    if (this.at() === 0x5d) {
      this.p++;
      return build ? out : SKIPPED;
    }
    for (;;) {
      const v = this.value(depth + 1, build);
      if (v === OUT) return OUT;
      if (build) out.push(v);
      this.ws();
      const c = this.at();
      this.p++;
      if (c === 0x2c) {
        this.ws();
        continue;
      }
      if (c === 0x5d) return build ? out : SKIPPED;
      return OUT;
    }
  }

  private object(depth: number, build: boolean): Record<string, unknown> | typeof OUT | 0 {
    this.p++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.at() === 0x7d) {
      this.p++;
      return build ? out : SKIPPED;
    }
    for (;;) {
      if (this.at() !== QUOTE) return OUT;
      let key: string | typeof OUT = '';
      if (build) {
        key = this.stringValue();
        if (key === OUT || key === '__proto__') return OUT;
      } else if (!this.skipString()) return OUT;
      this.ws();
      if (this.at() !== 0x3a) return OUT;
      this.p++;
      this.ws();
      const v = this.value(depth + 1, build);
      if (v === OUT) return OUT;
      if (build) out[key] = v;
      this.ws();
      const c = this.at();
      this.p++;
      if (c === 0x2c) {
        this.ws();
        continue;
      }
      if (c === 0x7d) return build ? out : SKIPPED;
      return OUT;
    }
  }
}
