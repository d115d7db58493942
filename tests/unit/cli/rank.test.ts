import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../../src/domain/ranking';
import { indexDataset } from '../../../src/engine/dataset';
import { rankQuarter } from '../../../src/engine/ranking';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';

// The real CLI as a child process, on a small demo city written by the real demo-data script.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TMP = mkdtempSync(join(tmpdir(), 'cli-rank-'));
const JSON_DIR = join(TMP, 'json');
const CSV_DIR = join(TMP, 'csv');

function run(script: string, ...args: string[]) {
  const r = spawnSync(TSX, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: process.env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rank(...args: string[]) {
  return run('scripts/cli.ts', 'rank', ...args);
}

function demo(dir: string, format: string): void {
  const r = run(
    'scripts/demo-data.ts',
    ...[
      '--out',
      dir,
      '--cases',
      '3000',
      '--seed',
      '1',
      '--as-of',
      '2026-09-30',
      '--format',
      format,
    ],
  );
  expect(r.code, r.stderr).toBe(0);
}

/** The dataset read independently of the CLI's loader: JSON arrays through the feed parsers. */
function loadJson(dir: string) {
  const read = (name: string): unknown[] =>
    JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as unknown[];
  return indexDataset({
    departments: parseRecords('departments', read('departments'), parseDepartment).accepted,
    items: [],
    cases: parseRecords('cases', read('cases'), parseCase).accepted,
    caseEvents: parseRecords('case-events', read('case-events'), parseCaseEvent).accepted,
    evaluations: parseRecords('evaluations', read('evaluations'), parseEvaluation).accepted,
    tasks: [],
  });
}

beforeAll(() => {
  demo(JSON_DIR, 'json');
  demo(CSV_DIR, 'csv');
}, 120_000);

describe('rank CLI', () => {
  it('prints one JSON object with the contract fields, equal to rankQuarter in-process', () => {
    const r = rank('--data', JSON_DIR, '--quarter', '2026Q3', '--as-of', '2026-09-30');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & {
      departments: Record<string, unknown>[];
      input: { files: Record<string, { accepted: number; rejected: number }> };
    };
    expect(out['quarter']).toBe('2026Q3');
    expect(out['asOf']).toBe('2026-09-30T23:59:59.999+08:00');
    expect(out['weights']).toEqual({
      onTimeRate: 30,
      earlyRate: 10,
      limitUtilisation: 15,
      overdueRate: 10,
      goodRate: 20,
      rectificationRate: 5,
      slowActionRate: 10,
    });
    expect(out.departments.length).toBe(40);
    for (const d of out.departments) {
      for (const f of [
        'departmentId',
        'counted',
        'ranked',
        'rank',
        'previousRank',
        'group',
        'groupRank',
        'previousGroupRank',
        'groupRankChange',
        'score',
        'indicators',
      ]) {
        expect(d, f).toHaveProperty(f);
      }
      const ind = d['indicators'] as Record<string, Record<string, unknown>>;
      expect(Object.keys(ind)).toEqual([...INDICATOR_KEYS]);
      for (const k of INDICATOR_KEYS) {
        expect(Object.keys(ind[k] ?? {}).sort()).toEqual([
          'denominator',
          'numerator',
          'rate',
          'score',
          'unit',
          'value',
        ]);
      }
    }
    expect(out.input.files['cases']?.accepted).toBe(3000);

    const { input, ...ranking } = out;
    void input;
    const inProcess = rankQuarter(loadJson(JSON_DIR), { kind: 'quarter', year: 2026, quarter: 3 });
    expect(ranking).toEqual(JSON.parse(JSON.stringify(inProcess)));
    // 分类排名: the demo city's three kinds, each ranked from 1 within itself.
    const groups = out['groups'] as { group: string; departmentIds: string[] }[];
    expect(groups.map((g) => g.group)).toEqual(['市直部门', '区县', '乡镇街道']);
    for (const g of groups) {
      const rows = g.departmentIds.map((id) =>
        out.departments.find((d) => d['departmentId'] === id),
      );
      expect(rows.every((d) => d?.['group'] === g.group && d['departmentKind'] === g.group)).toBe(
        true,
      );
      const ranks = rows.map((d) => d?.['groupRank']).filter((x) => x !== null);
      // (At 3 000 cases the small 乡镇街道 may all be 样本不足.)
      if (ranks.length > 0) expect(ranks[0], g.group).toBe(1);
      expect([...ranks].sort((a, b) => Number(a) - Number(b))).toEqual(ranks);
    }
    expect(out.departments.filter((d) => d['groupRank'] === 1).length).toBeGreaterThanOrEqual(2);
    // Some department is ranked and has a previous rank (the demo city spans six quarters).
    expect(inProcess.departments.some((d) => d.rank !== null && d.previousRank !== null)).toBe(
      true,
    );
  }, 60_000);

  it('reads the CSV output of demo-data to the same ranking', () => {
    const a = rank('--data', JSON_DIR, '--quarter', '2026Q3');
    const b = rank('--data', CSV_DIR, '--quarter', '2026Q3');
    expect(b.code, b.stderr).toBe(0);
    const strip = (s: string) => {
      const { input, ...rest } = JSON.parse(s) as { input: unknown };
      void input;
      return rest;
    };
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
    expect((JSON.parse(b.stdout) as { input: { rejected: unknown[] } }).input.rejected).toEqual([]);
  }, 60_000);

  it('judges a running quarter as of --as-of', () => {
    const r = rank('--data', JSON_DIR, '--quarter=2026Q3', '--as-of', '2026-08-15T12:00:00+08:00');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { asOf: string; partial: boolean };
    expect(out.asOf).toBe('2026-08-15T12:00:00+08:00');
    expect(out.partial).toBe(true);
  }, 60_000);

  it('sets bad records aside with reasons and still ranks', () => {
    const dir = join(TMP, 'bad');
    mkdirSync(dir);
    const cases = JSON.parse(readFileSync(join(JSON_DIR, 'cases.json'), 'utf8')) as unknown[];
    writeFileSync(
      join(dir, 'cases.json'),
      JSON.stringify([...cases.slice(0, 50), { id: 'X' }, cases[0]]),
    );
    writeFileSync(join(dir, 'evaluations.ndjson'), '{"id":"E","caseId":"c","level":9}\nnot json\n');
    const r = rank('--data', dir, '--quarter', '2026Q3');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      input: {
        files: Record<string, { records: number; accepted: number; rejected: number }>;
        rejected: { resource: string; reason: string }[];
      };
    };
    expect(out.input.files['cases']).toMatchObject({ records: 52, accepted: 50, rejected: 2 });
    expect(out.input.files['evaluations']).toMatchObject({ records: 2, accepted: 0, rejected: 2 });
    expect(out.input.rejected.map((x) => x.resource).sort()).toEqual([
      'cases',
      'cases',
      'evaluations',
      'evaluations',
    ]);
    expect(r.stderr).toContain('rejected');
  }, 60_000);

  it('exits 2 on bad arguments and 1 on an unreadable directory', () => {
    expect(rank('--quarter', '2026Q3').code).toBe(2);
    expect(rank('--data', JSON_DIR).code).toBe(2);
    expect(rank('--data', JSON_DIR, '--quarter', '2026-07').code).toBe(2);
    expect(rank('--data', JSON_DIR, '--quarter', '2026Q3', '--as-of', 'yesterday').code).toBe(2);
    const missing = rank('--data', join(TMP, 'nope'), '--quarter', '2026Q3');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    const broken = join(TMP, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'cases.json'), '[{"id": ');
    expect(rank('--data', broken, '--quarter', '2026Q3').code).toBe(1);
  }, 60_000);
});

describe('--as-of shared by every command', () => {
  it('reads a bare date as the end of that day in Asia/Shanghai, and an instant as given', async () => {
    const { parseAsOfOption } = await import('../../../scripts/cli/common');
    expect(parseAsOfOption('2026-09-30')).toBe(Date.parse('2026-09-30T23:59:59.999+08:00'));
    expect(parseAsOfOption('2026-09-30T10:00:00Z')).toBe(Date.parse('2026-09-30T10:00:00Z'));
    expect(parseAsOfOption('2026-09-30 10:00')).toBe(Date.parse('2026-09-30T10:00:00+08:00'));
    expect(parseAsOfOption('2026-02-30')).toBeNull();
  });
});
