import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'demo-data-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function demoData(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(TSX, ['scripts/demo-data.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('npm run demo-data', () => {
  it.each(['json', 'ndjson', 'csv'] as const)(
    'writes %s files that the evaluate CLI accepts with zero rejections',
    (format) => {
      const out = join(dir, format);
      const r = demoData([
        '--out',
        out,
        '--cases',
        '2000',
        '--seed',
        '3',
        '--as-of',
        '2026-09-30',
        '--format',
        format,
      ]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(''); // stdout stays clean; the summary goes to stderr
      expect(r.stderr).toContain('cases 2000');
      for (const name of ['departments', 'items', 'cases', 'case-events', 'evaluations', 'tasks']) {
        expect(existsSync(join(out, `${name}.${format}`))).toBe(true);
      }
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
        counts: { cases: number };
      };
      expect(manifest.counts.cases).toBe(2000);

      const stdout = execFileSync(
        TSX,
        [
          'scripts/cli.ts',
          'evaluate',
          '--input',
          join(out, `cases.${format}`),
          '--as-of',
          '2026-09-30T23:59:59+08:00',
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
      );
      const result = JSON.parse(stdout) as { results: unknown[]; rejected: unknown[] };
      expect(result.rejected).toEqual([]);
      expect(result.results).toHaveLength(2000);
    },
    60_000,
  );

  it('prints headline figures with --summary', () => {
    const r = demoData([
      '--out',
      join(dir, 'summary'),
      '--cases',
      '500',
      '--as-of',
      '2026-09-30',
      '--summary',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/按时办结率 on time \d+\.\d%/);
    expect(r.stderr).toContain('红牌 red');
  }, 60_000);

  it.each([
    [[], '--out'],
    [['--out', join(dir, 'x'), '--format', 'xml'], '--format'],
    [['--out', join(dir, 'x'), '--cases', 'many'], '--cases'],
    [['--out', join(dir, 'x'), '--as-of', '2026-02-30'], 'as-of'],
    [['--out', join(dir, 'x'), '--colour'], 'bad arguments'],
  ])(
    'exits 2 with a clear message on bad arguments %j',
    (args, fragment) => {
      const r = demoData(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(fragment);
    },
    60_000,
  );
});
