/**
 * parseInstant has a character-arithmetic fast path for the canonical feed form
 * (`YYYY-MM-DDTHH:MM:SS+08:00` / `…Z`). It must answer exactly like the general parser on every
 * input of that shape, valid or not. A leading space makes the same text take the general path
 * (it is trimmed there), so the two can be compared directly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/domain/time-limit/instant';

const d2 = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const canonical = fc
  .tuple(
    fc.integer({ min: 1900, max: 2100 }),
    d2,
    d2,
    d2,
    d2,
    d2,
    fc.constantFrom('+08:00', '+00:00', '-05:00', '+14:00', '+14:30', '+15:00', '-03:60', 'Z'),
  )
  .map(([y, mo, d, h, mi, s, off]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${off}`);

describe('parseInstant fast path', () => {
  it('agrees with the general parser on every canonical-shaped string', () => {
    fc.assert(
      fc.property(canonical, (s) => {
        expect(parseInstant(s)).toBe(parseInstant(` ${s}`));
      }),
      { numRuns: 3000 },
    );
  });

  it('parses hand-checked values', () => {
    expect(parseInstant('2024-02-04T09:30:00+08:00')).toBe(Date.UTC(2024, 1, 4, 1, 30));
    expect(parseInstant('2024-12-31T23:59:59Z')).toBe(Date.UTC(2024, 11, 31, 23, 59, 59));
    expect(parseInstant('2024-02-30T09:30:00+08:00')).toBeNull();
    expect(parseInstant('2024-02-04T24:00:00+08:00')).toBeNull();
    expect(parseInstant('2024-02-04T09:30:00+15:00')).toBeNull();
  });
});
