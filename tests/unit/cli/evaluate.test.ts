import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These tests run the real CLI as a child process, as other tools will.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');
const AS_OF = '2024-02-19T09:00:00+08:00';

// A truncated JSON file is written at run time (a broken .json fixture would trip the formatter).
const TMP = mkdtempSync(join(tmpdir(), 'cli-evaluate-'));
const BROKEN = join(TMP, 'broken.json');
writeFileSync(BROKEN, '[{"id": "A1",\n');

function cli(...args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: process.env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function evaluateJson(...args: string[]): unknown {
  const r = cli('evaluate', ...args);
  expect(r.code, r.stderr).toBe(0);
  // stdout is exactly one JSON document.
  expect(r.stdout.trim().startsWith('{')).toBe(true);
  return JSON.parse(r.stdout);
}

// Expected results for the fixture cases as of Mon 2024-02-19 09:00 (Shanghai); counted by hand:
// A1 accepted Sun 02-04 00:30 (调休 working day, not counted), committed 5: 02-05…02-09 → due 02-09;
//    statutory 20 → 03-07 (02-05…09 = 5, 02-18…23 = 11, 02-26…03-01 = 16, 03-04…07 = 20);
//    elapsed 02-05…09 + 02-18 + 02-19 = 7 → remaining −2, yellow.
// A2 accepted Mon 02-12 (holiday), committed 3: 02-18, 02-19, 02-20 → due 02-20; elapsed 2 → 预警.
// A3 即办件 accepted and completed Sun 02-04 (working) → on time, normal.
// A4 dueAt 02-08 18:00, completed 18:00:01 → late; no statutory limit → red; elapsed 02-06…08 = 3.
// A5 accepted Mon 01-29, 补正 01-31 10:00 → 02-02 09:00 suspends 01-31, 02-01; counted 01-30,
//    02-02, 02-04 (Sun), 02-05, 02-06 → due 02-06 = completion day → on time, not early;
//    statutory 10: 02-07, 02-08, 02-09, 02-18, 02-19 → 02-19.
// A6 accepted Tue 01-02, committed 5 → 01-09; statutory 10 → 01-16; open: elapsed = 21 working
//    days 01-03…01-31 + 02-01, 02-02, 02-04, 02-05…09, 02-18, 02-19 (10) = 31 → red.
// A7 accepted Mon 02-05, committed 5 → 02-06…02-09, 02-18 → due 02-18; completed 02-07 → early.
const EXPECTED_RESULTS = [
  ['A1', 'D1', '2024-02-09', '2024-03-07', 7, -2, 0, 2, null, null, 'yellow'],
  ['A2', 'D1', '2024-02-20', '2024-02-20', 2, 1, 0, 0, null, null, 'early-warning'],
  ['A3', 'D2', '2024-02-04', '2024-02-04', 0, 0, 0, 0, true, false, 'normal'],
  [
    'A4',
    'D2',
    '2024-02-08T18:00:00+08:00',
    '2024-02-08T18:00:00+08:00',
    3,
    0,
    0,
    0,
    false,
    false,
    'red',
  ],
  ['A5', 'D1', '2024-02-06', '2024-02-19', 5, 0, 2, 0, true, false, 'normal'],
  ['A6', 'D3', '2024-01-09', '2024-01-16', 31, -26, 0, 26, null, null, 'red'],
  ['A7', 'D3', '2024-02-18', '2024-02-18', 2, 3, 0, 0, true, true, 'normal'],
].map(
  ([
    id,
    departmentId,
    committedDue,
    statutoryDue,
    elapsedDays,
    remainingDays,
    suspendedDays,
    overdueDays,
    onTime,
    early,
    level,
  ]) => ({
    id,
    departmentId,
    committedDue,
    statutoryDue,
    elapsedDays,
    remainingDays,
    suspendedDays,
    overdueDays,
    onTime,
    early,
    level,
  }),
);

const EXPECTED = {
  asOf: AS_OF,
  results: EXPECTED_RESULTS,
  departments: [
    {
      departmentId: 'D1',
      cases: 3,
      completed: 1,
      onTime: 1,
      late: 0,
      early: 0,
      openOverdue: 1,
      levels: { normal: 1, 'early-warning': 1, yellow: 1, red: 0 },
    },
    {
      departmentId: 'D2',
      cases: 2,
      completed: 2,
      onTime: 1,
      late: 1,
      early: 0,
      openOverdue: 0,
      levels: { normal: 1, 'early-warning': 0, yellow: 0, red: 1 },
    },
    {
      departmentId: 'D3',
      cases: 2,
      completed: 1,
      onTime: 1,
      late: 0,
      early: 1,
      openOverdue: 1,
      levels: { normal: 1, 'early-warning': 0, yellow: 0, red: 1 },
    },
  ],
  rejected: [],
  calendar: {
    coveredFrom: '2007-01-01',
    coveredTo: '2026-12-31',
    uncoveredDatesUsed: 0,
    uncoveredRanges: [],
  },
};

describe('cli evaluate', () => {
  it('evaluates a JSON array', () => {
    expect(evaluateJson('--input', join(FIX, 'cases.json'), '--as-of', AS_OF)).toEqual(EXPECTED);
  });

  it('evaluates NDJSON (UTC timestamps, a blank line) to the same result', () => {
    expect(evaluateJson('--input', join(FIX, 'cases.ndjson'), `--as-of=${AS_OF}`)).toEqual(
      EXPECTED,
    );
  });

  it('evaluates a mapped CSV with English headers and +00 timestamps to the same result', () => {
    const r = cli(
      'evaluate',
      '--input',
      join(FIX, 'other-city.csv'),
      '--mapping',
      join(FIX, 'other-city.mapping.json'),
      '--as-of',
      '2024-02-19 01:00:00+00',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
    expect(r.stderr).toContain('7 evaluated');
  });

  it('sets bad records aside with reasons and still evaluates the rest (exit 0)', () => {
    const r = cli('evaluate', '--input', join(FIX, 'bad-records.json'), '--as-of', AS_OF);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      results: { id: string }[];
      rejected: { index: number; id: string | null; reason: string }[];
    };
    expect(out.results.map((x) => x.id)).toEqual(['G1', 'G2', '12']);
    expect(out.rejected.map((x) => [x.index, x.id])).toEqual([
      [1, null],
      [2, 'B2'],
      [3, 'B3'],
      [4, 'B4'],
      [5, 'B5'],
      [6, 'B6'],
      [7, 'B7'],
      [8, 'G1'],
      [9, null],
      [11, 'B11'],
    ]);
    expect(out.rejected[1]?.reason).toBe("受理时间无法解析 (acceptedAt unparseable: '2024-13-01')");
    // G1 repeats the first record (index 0): reasons and stderr count records from 1, while the
    // JSON `index` stays 0-based.
    expect(out.rejected[7]?.reason).toBe(
      '办件编号重复，与第 1 条记录相同 (duplicate id, same as record 1)',
    );
    expect(r.stderr).toContain('rejected 第 9 条 (record 9) (G1): 办件编号重复，与第 1 条记录相同');
    expect(r.stderr).toContain('10 rejected');
  });

  it('reports dates outside the calendar data', () => {
    const file = join(TMP, 'late.ndjson');
    // Committed 5 from Mon 2026-12-28: 12-29, 12-30, 12-31, 2027-01-01 (Fri, Mon–Fri fallback), 01-04.
    writeFileSync(
      file,
      '{"id":"Z","departmentId":"D","acceptedAt":"2026-12-28T09:00:00+08:00","committedLimitDays":5}\n',
    );
    const out = evaluateJson('--input', file, '--as-of', '2026-12-29T09:00:00+08:00') as {
      results: { committedDue: string }[];
      calendar: unknown;
    };
    expect(out.results[0]?.committedDue).toBe('2027-01-04');
    expect(out.calendar).toEqual({
      coveredFrom: '2007-01-01',
      coveredTo: '2026-12-31',
      uncoveredDatesUsed: 4,
      uncoveredRanges: [{ from: '2027-01-01', to: '2027-01-04' }],
    });
  });

  it('defaults the as-of instant to now', () => {
    const out = evaluateJson('--input', join(FIX, 'cases.json')) as { asOf: string };
    expect(out.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/);
  });

  it.each([
    [['--input', BROKEN], 1, '不是有效的 JSON'],
    [['--input', join(FIX, 'not-an-array.json')], 1, 'must be an array'],
    [['--input', join(FIX, 'missing.json')], 1, 'ENOENT'],
    [['--input', join(FIX, 'other-city.csv')], 1, 'required column missing'],
    [
      ['--input', join(FIX, 'cases.json'), '--mapping', join(FIX, 'cases.json')],
      1,
      'mapping must be a JSON object',
    ],
    [['--input', join(FIX, 'cases.txt')], 2, 'use .json, .ndjson, .jsonl or .csv'],
    [['--input', join(FIX, 'cases.json'), '--as-of', 'yesterday'], 2, '--as-of'],
    [['--input', join(FIX, 'cases.json'), '--verbose', 'x'], 2, 'unknown option'],
    [['--input'], 2, 'needs a value'],
    [[], 2, 'missing --input'],
  ])('fails clearly: %j → exit %i', (args, code, fragment) => {
    const r = cli('evaluate', ...args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(fragment);
  });

  it('rejects an unknown command', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
});
