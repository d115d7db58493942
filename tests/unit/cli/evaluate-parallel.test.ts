/**
 * `evaluate` on NDJSON runs on worker threads (scripts/cli/evaluate-parallel.ts); its output must be
 * byte-identical to the serial reader's — stdout and stderr — on a generated file with everything
 * the serial path handles record by record: blank and whitespace lines, lines that are not JSON,
 * an over-long line, invalid records, duplicate ids within and across blocks, multi-byte text and
 * dates outside the calendar data. Small blocks put many block edges in the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'cli-evaluate-parallel-'));
const AS_OF = '2026-09-30';

/** The CLI through tsx (the sources as they are). */
function cli(env: Record<string, string>, ...args: string[]) {
  return spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/cli.ts', ...args], env);
}

/** The CLI as `npm run cli` runs it: the esbuild bundle, its worker a bundle too. */
function bundledCli(env: Record<string, string>, ...args: string[]) {
  return spawn(process.execPath, ['scripts/cli-launch.mjs', ...args], env);
}

function spawn(command: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function generatedFile(): string {
  const city = generateDemoCity({ seed: 5, cases: 1500, asOf: AS_OF });
  const lines: string[] = [];
  const cases = city.cases;
  cases.forEach((c, i) => {
    lines.push(JSON.stringify(c));
    if (i % 97 === 0) lines.push('');
    if (i % 131 === 0) lines.push('   \t ');
    if (i % 211 === 0) lines.push('{"id": "broken",');
    if (i % 173 === 0) lines.push(JSON.stringify({ ...c, acceptedAt: '2026-13-01' }));
    // Duplicates of a near and of a far earlier record (the far one is blocks away).
    if (i % 157 === 0 && i > 0) lines.push(JSON.stringify(cases[i - 1]));
    if (i % 389 === 0 && i > 600) lines.push(JSON.stringify(cases[i - 600]));
    if (i % 401 === 0) lines.push(JSON.stringify({ ...c, id: `中文-${i}`, handler: '张三·李四' }));
    if (i % 500 === 0) lines.push('[1, 2, 3]');
  });
  // Dates past the calendar data, and one line over the record limit (1M characters).
  lines.push(
    '{"id":"LATE","departmentId":"D","acceptedAt":"2026-12-28T09:00:00+08:00","committedLimitDays":5}',
  );
  lines.push(JSON.stringify({ id: 'HUGE', note: 'x'.repeat(1024 * 1024 + 10) }));
  lines.push(JSON.stringify(cases[0]));
  const file = join(TMP, 'cases.ndjson');
  // No newline at the end: the last line still counts.
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('evaluate on NDJSON with worker threads', () => {
  const file = generatedFile();

  it('writes exactly what the serial path writes, with small and larger blocks', () => {
    const serial = cli({ EVALUATE_SERIAL: '1' }, 'evaluate', '--input', file, '--as-of', AS_OF);
    expect(serial.code, serial.stderr).toBe(0);
    const out = JSON.parse(serial.stdout) as { rejected: { reason: string }[]; results: unknown[] };
    // The file exercises what it should.
    expect(out.results.length).toBeGreaterThan(1400);
    const reasons = out.rejected.map((r) => r.reason).join('\n');
    expect(reasons).toContain('不是有效的 JSON');
    expect(reasons).toContain('过长');
    expect(reasons).toContain('重复');
    expect(serial.stderr).toContain('超出节假日数据范围');
    for (const [run, blockBytes] of [
      [cli, '3000'],
      [cli, '100000'],
      [bundledCli, '3000'],
    ] as const) {
      const parallel = run(
        { EVALUATE_REQUIRE_PARALLEL: '1', EVALUATE_BLOCK_BYTES: blockBytes },
        'evaluate',
        '--input',
        file,
        '--as-of',
        AS_OF,
      );
      expect(parallel.code, parallel.stderr).toBe(0);
      expect(parallel.stdout === serial.stdout).toBe(true);
      expect(parallel.stderr).toBe(serial.stderr);
    }
  }, 120_000);

  it('leaves files with CR line ends to the serial reader, with the same output', () => {
    const crlf = join(TMP, 'crlf.ndjson');
    writeFileSync(crlf, readFileSync(file, 'utf8').split('\n').slice(0, 300).join('\r\n'));
    const serial = cli({ EVALUATE_SERIAL: '1' }, 'evaluate', '--input', crlf, '--as-of', AS_OF);
    const auto = cli({}, 'evaluate', '--input', crlf, '--as-of', AS_OF);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stdout === serial.stdout).toBe(true);
    const forced = cli(
      { EVALUATE_REQUIRE_PARALLEL: '1' },
      'evaluate',
      '--input',
      crlf,
      '--as-of',
      AS_OF,
    );
    expect(forced.code).not.toBe(0);
  }, 60_000);
});
