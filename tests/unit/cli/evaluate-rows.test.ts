/**
 * The `evaluate` CLI writes each result row's JSON directly (`resultRowJson`) instead of
 * `JSON.stringify(resultRow(…))`; the output must not change by a byte, whatever the ids hold and
 * whichever kind of deadline a case has.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { officialCalendar } from '../../../src/domain/calendar';
import { evaluateCase, type CaseEvaluation } from '../../../src/domain/time-limit';
import { parseCaseRecord } from '../../../src/feeds/case-record';
import { resultRow, resultRowJson, utf8Length } from '../../../scripts/cli/evaluate-rows';

const AS_OF = Date.parse('2026-09-30T23:59:59.999+08:00');
const cal = officialCalendar();

function evaluations(): CaseEvaluation[] {
  const city = generateDemoCity({ seed: 3, cases: 400, asOf: '2026-09-30' });
  const out: CaseEvaluation[] = [];
  for (const raw of city.cases) {
    const r = parseCaseRecord(raw);
    if (r.ok) out.push(evaluateCase(r.value, AS_OF, cal));
  }
  // dueAt deadlines (full instants, with and without milliseconds) and an immediate case.
  const base = {
    id: 'X',
    departmentId: 'D',
    acceptedAt: Date.parse('2025-03-03T09:00:00+08:00'),
    committedLimitDays: null,
    statutoryLimitDays: null,
    completedAt: null,
    suspensions: [],
  };
  out.push(
    evaluateCase({ ...base, dueAt: Date.parse('2025-03-10T17:30:00.250+08:00') }, AS_OF, cal),
  );
  out.push(
    evaluateCase(
      { ...base, statutoryLimitDays: 20, dueAt: Date.parse('2025-03-10T17:30:00+08:00') },
      AS_OF,
      cal,
    ),
  );
  out.push(evaluateCase({ ...base, committedLimitDays: 0, dueAt: null }, AS_OF, cal));
  return out;
}

const AWKWARD_IDS = [
  'YZ202504010000001',
  '中文-编号·一',
  'quote"inside',
  'back\\slash',
  'tab\there',
  'line\nbreak',
  '\u0000\u001f',
  '\u2028\u2029',
  '😀 pair',
  'lone \ud800 high',
  'lone \udfff low',
  '=1+1',
  ' spaced ',
  '',
];

describe('resultRowJson', () => {
  it('writes exactly JSON.stringify(resultRow(…)) for every evaluation and awkward ids', () => {
    const evs = evaluations();
    expect(evs.length).toBeGreaterThan(300);
    // The file exercises both kinds of due date and all three flags.
    expect(evs.some((e) => e.committedDueAt !== null)).toBe(true);
    expect(evs.some((e) => e.onTime === true) && evs.some((e) => e.onTime === null)).toBe(true);
    evs.forEach((e, i) => {
      const id = AWKWARD_IDS[i % AWKWARD_IDS.length]!;
      const dept = AWKWARD_IDS[(i * 7 + 3) % AWKWARD_IDS.length]!;
      expect(resultRowJson(id, dept, e)).toBe(JSON.stringify(resultRow(id, dept, e)));
    });
  });

  it('writes numbers as JSON does: -0 as 0, non-finite as null', () => {
    const [e] = evaluations();
    const odd = { ...e!, elapsedDays: -0, remainingDays: Number.NaN, overdueDays: Infinity };
    expect(resultRowJson('A', 'B', odd)).toBe(JSON.stringify(resultRow('A', 'B', odd)));
  });
});

describe('utf8Length', () => {
  it('counts the bytes Buffer writes, surrogates (paired or lone) included', () => {
    const samples = [...AWKWARD_IDS, 'é', 'ß中😀', '\ud83d', '\ude00x', 'a\ud83d\ud83d\ude00', ''];
    let seed = 7;
    const units = [0x41, 0xe9, 0x7ff, 0x800, 0x4e2d, 0xd83d, 0xde00, 0xffff, 0x20];
    for (let i = 0; i < 2000; i++) {
      let s = '';
      for (let k = i % 9; k >= 0; k--) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        s += String.fromCharCode(units[seed % units.length]!);
      }
      samples.push(s);
    }
    for (const s of samples) expect(utf8Length(s), JSON.stringify(s)).toBe(Buffer.byteLength(s));
  });
});
