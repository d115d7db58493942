/**
 * The `evaluate` worker's fast path reads a line's bytes straight into the properties the
 * validator reads; whenever it answers (not null), the answer must be what JSON.parse of the
 * trimmed line gives for those properties — on the demo city's lines, on hand-written edge cases
 * and on thousands of randomly mutated lines. And it must answer for ordinary lines (else it
 * would be no fast path).
 */
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { RecordScanner } from '../../../scripts/cli/ndjson-record-scan';
import { CASE_FIELDS } from '../../../src/feeds/mapping';

const KEYS = [...CASE_FIELDS];

function scanLine(line: string, keys: readonly string[] = KEYS): Record<string, unknown> | null {
  const bytes = Buffer.from(line, 'utf8');
  const scanner = RecordScanner.of(bytes, keys);
  if (scanner === null) throw new Error('no scanner');
  return scanner.scan(0, bytes.length);
}

/** Same value as JSON.parse gives, -0 and all. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (typeof a === 'object' && a !== null) {
    if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k, i) =>
          kb[i] === k && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b;
}

/** Null when the scanner declined; else whether it agrees with JSON.parse on every kept key. */
function agrees(line: string, keys: readonly string[] = KEYS): boolean | null {
  const fast = scanLine(line, keys);
  if (fast === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.trim());
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const p = parsed as Record<string, unknown>;
  return keys.every((k) => Object.hasOwn(fast, k) === Object.hasOwn(p, k) && same(fast[k], p[k]));
}

const city = generateDemoCity({ seed: 11, cases: 3000, asOf: '2026-09-30' });
const LINES = city.cases.map((c) => JSON.stringify(c));

describe('RecordScanner', () => {
  it('reads the demo city lines (with suspensions) exactly as JSON.parse does', () => {
    let answered = 0;
    for (const line of LINES) {
      const r = agrees(line);
      if (r !== null) {
        expect(r, line).toBe(true);
        answered++;
      }
    }
    expect(answered).toBe(LINES.length);
    expect(LINES.some((l) => l.includes('"suspensions":[{'))).toBe(true);
  });

  it('agrees with JSON.parse or declines on edge cases', () => {
    const cases = [
      '{"id":"A","id":"B"}',
      '{"id":-0,"committedLimitDays":-0.0}',
      '{"committedLimitDays":1e400,"statutoryLimitDays":123456789012345678901}',
      '{"committedLimitDays":1.50,"statutoryLimitDays":2E-3}',
      '{"committedLimitDays":01}',
      '{"committedLimitDays":-}',
      '{"committedLimitDays":1.}',
      '{"committedLimitDays":.5}',
      '{"id":"a\\"b"}',
      '{"other":"a\\"b\\u00e9\\n","id":"x"}',
      '{"other":"bad \\x escape","id":"x"}',
      '{"other":"bad \\u12G4","id":"x"}',
      '{"id":"tab\there"}',
      ' \t{ "id" : "spaced" , "departmentId":\t"D" } \t',
      '\u3000{"id":"ideographic space"}',
      '{"id":"x",}',
      '{"id":"x"} x',
      '{"id":"x"}}',
      '{"id"}',
      '{"id":}',
      '{',
      '',
      '   ',
      '[1,2]',
      '"text"',
      '{}',
      '{"suspensions":[]}',
      '{"suspensions":[{"startAt":"2025-01-01","endAt":null,"approvedDays":3,"kind":"专家评审"}]}',
      '{"suspensions":[{"__proto__":{"x":1}}]}',
      '{"__proto__":{"x":1},"id":"p"}',
      '{"suspensions":[1,]}',
      '{"suspensions":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}',
      '{"id":true,"departmentId":false,"dueAt":null}',
      '{"id":tru}',
      '{"id":nul}',
      '{"id":"中文编号","departmentId":"部门"}',
      '{"extra":{"deep":[1,{"x":"y"}]},"id":"k"}',
    ];
    for (const line of cases) expect(agrees(line), line).not.toBe(false);
    // Ordinary shapes are answered, not declined.
    expect(agrees('{"id":"中文编号","departmentId":"部门"}')).toBe(true);
    expect(agrees(' \t{ "id" : "spaced" , "departmentId":\t"D" } \t')).toBe(true);
    expect(agrees('{"id":"A","id":"B"}')).toBe(true);
    expect(agrees('{"id":-0,"committedLimitDays":-0.0}')).toBe(true);
  });

  it('agrees with JSON.parse or declines on randomly mutated lines', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const ALPHABET = '{}[]":,\\ 0123456789-+.eEtrufalsn\tu中x';
    let declined = 0;
    for (let i = 0; i < 20_000; i++) {
      let line = LINES[rand(LINES.length)]!;
      for (let m = 1 + rand(3); m > 0; m--) {
        const at = rand(line.length + 1);
        const ch = ALPHABET[rand(ALPHABET.length)]!;
        const op = rand(3);
        line =
          op === 0
            ? line.slice(0, at) + ch + line.slice(at)
            : op === 1
              ? line.slice(0, at) + line.slice(at + 1)
              : line.slice(0, at) + ch + line.slice(at + 1);
      }
      const r = agrees(line);
      if (r === null) declined++;
      else expect(r, line).toBe(true);
    }
    // Mutations break most lines: the scanner must have declined many and answered many.
    expect(declined).toBeGreaterThan(1000);
    expect(declined).toBeLessThan(19_000);
  });

  it('reads the columns a mapping names, and refuses a mapping to __proto__', () => {
    const keys = ['办件编号', 'departmentId'];
    expect(agrees('{"办件编号":"Z1","departmentId":"D","id":"ignored"}', keys)).toBe(true);
    expect(scanLine('{"办件编号":"Z1","id":"ignored"}', keys)).toEqual({ 办件编号: 'Z1' });
    expect(RecordScanner.of(Buffer.from('{}'), ['__proto__'])).toBeNull();
  });
});
