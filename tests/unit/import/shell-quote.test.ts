/**
 * Issue 18.3: the import report's 命令行复核 quotes every value, so a hostile file name pasted into a
 * shell runs nothing. Each command is run through a real bash with `printf '%s\n'` in place of the
 * CLI, in an empty temporary folder: the words printed must be exactly the ones given, and no file
 * may appear (the names below would `touch` one if anything were interpreted).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/contract/imports';
import { reCheckCommand } from '../../../src/features/import/re-check-command';
import { shellCommand, shellQuote } from '../../../src/features/import/shell-quote';

const HOSTILE = [
  'x.csv; touch INJECTED; #.csv',
  'cases $(touch${IFS}X).csv',
  "it's `touch BACKTICK`.csv",
  'a\nb; touch NEWLINE.csv',
  "'; touch Q; echo '",
  '$HOME ~ * ? [a] | & > out.txt',
];

let dir: string | null = null;
afterEach(() => {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Runs `printf '%s\n' <words>` in bash in an empty folder; returns the words and the folder's files. */
function runPrinted(quotedWords: string): { words: string[]; files: string[] } {
  dir = mkdtempSync(join(tmpdir(), 'shell-quote-'));
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${quotedWords}`], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { words: out.split('\0').slice(0, -1), files: readdirSync(dir) };
}

describe('shellQuote', () => {
  it.each(HOSTILE)('passes %j through bash as one word and runs nothing', (name) => {
    const { words, files } = runPrinted(shellQuote(name));
    expect(words).toEqual([name]);
    expect(files).toEqual([]);
  });

  it('an unquoted name would have run the command (the test can fail)', () => {
    const { files } = runPrinted('x.csv; touch INJECTED; #.csv');
    expect(files).toEqual(['INJECTED']);
  });

  it('quotes every word of a command', () => {
    expect(shellCommand(['a b', "c'd"])).toBe(`'a b' 'c'\\''d'`);
  });
});

describe('the re-check command', () => {
  const report = (fileName: string): ImportReport => ({
    importId: 'abc',
    source: 'import:abc',
    state: 'done',
    fileName,
    format: 'csv',
    encoding: 'utf-8',
    kind: 'cases',
    sizeBytes: 10,
    contentHash: '0'.repeat(64),
    rows: 1,
    accepted: 1,
    rejected: 0,
    byResource: { cases: { rows: 1, accepted: 1, rejected: 0 }, departments: { derived: 1 } },
    position: 'line',
    mapping: { columns: {}, detected: true },
    header: null,
    error: null,
    replaced: [],
    createdBy: 't-admin',
    createdAt: '2026-09-30T10:00:00+08:00',
    finishedAt: '2026-09-30T10:00:01+08:00',
    memoryRefusal: null,
  });

  it.each(HOSTILE)('for a file named %j prints the exact words and executes nothing', (name) => {
    const command = reCheckCommand(report(name), '2026-09-30T18:00:00+08:00');
    expect(command.startsWith("'npm' 'run' '-s' 'cli' '--' 'evaluate' ")).toBe(true);
    // The command with its program replaced by printf: every word comes back as written.
    const { words, files } = runPrinted(command);
    expect(words).toEqual([
      'npm',
      'run',
      '-s',
      'cli',
      '--',
      'evaluate',
      '--input',
      name,
      '--mapping',
      `${name}.mapping.json`,
      '--as-of',
      '2026-09-30T18:00:00+08:00',
    ]);
    expect(files).toEqual([]);
  });
});
