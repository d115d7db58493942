/**
 * Issue 17 item 3, measured side by side in `npm run bench`: the whole `evaluate` CLI process on an
 * N-case NDJSON file (one case per line, the CLI's own format, written by `demo-data`) against
 * DuckDB (`@duckdb/node-api`, the service's) evaluating the time-limit rules in SQL over a
 * working-day calendar table built from the same official calendar, reading the same file and
 * writing its results to a file. The ratio CLI ÷ DuckDB is printed.
 *
 * The SQL covers the deadline arithmetic (committed and statutory due by working-day rank,
 * elapsed / remaining / overdue working days, the red / yellow / early-warning levels) but not
 * suspension intervals or `dueAt` instants — so it is a lower bound for what DuckDB would need for
 * the full rules.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { dayFromCivil } from '../../src/domain/calendar/day';
import { officialCalendar } from '../../src/domain/calendar';

const ROOT = join(import.meta.dirname, '..', '..');

function run(args: string[], stdout: 'ignore' | 'inherit' = 'ignore'): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      stdio: ['ignore', stdout, 'ignore'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${args[1]} exited ${code}`)),
    );
  });
}

/** The N-case NDJSON file, written once by `demo-data` (seed 1) and kept in the temp dir. */
export async function caseFile(n: number, asOf: string): Promise<string> {
  const dir = join(tmpdir(), `bench-cases-${n}-${asOf}`);
  const file = join(dir, 'cases.ndjson');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    await run([
      'scripts/demo-data.ts',
      '--out',
      dir,
      '--cases',
      String(n),
      '--as-of',
      asOf,
      '--format',
      'ndjson',
    ]);
  }
  return file;
}

/** How the CLI is started: `bundle` as `npm run cli` does (scripts/cli-launch.mjs), `tsx` as before. */
export type CliRunner = 'bundle' | 'tsx';

const RUNNER = {
  bundle: 'scripts/cli-launch.mjs',
  tsx: '--import tsx scripts/cli.ts',
} as const satisfies Record<CliRunner, string>;

export async function cliOnce(
  file: string,
  asOf: string,
  out: string,
  runner: CliRunner = 'bundle',
  env: Record<string, string> = {},
): Promise<number> {
  // The shell's redirection is what an operator does; the bench writes to a file too.
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      'sh',
      [
        '-c',
        `"${process.execPath}" ${RUNNER[runner]} evaluate --input "${file}" --as-of ${asOf} > "${out}"`,
      ],
      { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...env } },
    );
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`evaluate exited ${code}`)),
    );
  });
}

export async function duckdbOnce(file: string, asOf: string, out: string): Promise<number> {
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  // The working-day calendar as a table: every day 2020–2030, whether it is a working day, and
  // its rank (working days up to and including it).
  const cal = officialCalendar();
  const from = dayFromCivil(2020, 1, 1);
  const to = dayFromCivil(2030, 12, 31);
  await con.run('CREATE TABLE cal (day INTEGER, working BOOLEAN, rnk INTEGER)');
  const a = await con.createAppender('cal');
  let rank = 0;
  for (let d = from; d <= to; d++) {
    const w = cal.isWorkingDay(d);
    if (w) rank++;
    a.appendInteger(d);
    a.appendBoolean(w);
    a.appendInteger(rank);
    a.endRow();
  }
  a.closeSync();
  await con.run('CREATE TABLE wd AS SELECT rnk, day FROM cal WHERE working');
  const asOfDay = Math.floor((Date.parse(`${asOf}T23:59:59+08:00`) + 8 * 3_600_000) / 86_400_000);
  const day = (col: string): string =>
    `floor((epoch(${col}::TIMESTAMPTZ) + 28800) / 86400)::INTEGER`;
  await con.run(`
    COPY (
      WITH c AS (
        SELECT id, departmentId, ${day('acceptedAt')} AS a, committedLimitDays AS cl,
          statutoryLimitDays AS sl,
          CASE WHEN completedAt IS NULL THEN NULL ELSE ${day('completedAt')} END AS done
        FROM read_json('${file.replaceAll("'", "''")}', format = 'newline_delimited',
          columns = {id: 'VARCHAR', departmentId: 'VARCHAR', acceptedAt: 'VARCHAR',
            committedLimitDays: 'INTEGER', statutoryLimitDays: 'INTEGER', completedAt: 'VARCHAR'})
      ),
      e AS (
        SELECT c.id, c.departmentId, cd.day AS committed_due, sd.day AS statutory_due,
          ce.rnk - ca.rnk AS elapsed, cd.rnk - ce.rnk AS remaining, ce.rnk - sd.rnk AS s_over,
          c.done IS NOT NULL AS completed
        FROM c JOIN cal ca ON ca.day = c.a
          JOIN wd cd ON cd.rnk = ca.rnk + c.cl
          JOIN wd sd ON sd.rnk = ca.rnk + c.sl
          JOIN cal ce ON ce.day = coalesce(c.done, ${asOfDay})
      )
      SELECT id, departmentId, committed_due, statutory_due, elapsed, remaining,
        greatest(0, -remaining) AS overdue,
        CASE WHEN completed THEN remaining >= 0 END AS onTime,
        CASE WHEN s_over > 0 THEN 'red' WHEN remaining < 0 THEN 'yellow'
             WHEN NOT completed AND elapsed >= 1 AND remaining <= 2 THEN 'early-warning'
             ELSE 'normal' END AS level
      FROM e
    ) TO '${out.replaceAll("'", "''")}' (FORMAT json)`);
  con.closeSync();
  instance.closeSync();
  return performance.now() - t0;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The CLI as shipped (`npm run cli`: the esbuild bundle, worker threads), DuckDB and the CLI run
 * through tsx (worker threads, each registering tsx: how it ran before the bundle), `runs` times
 * each, alternating; medians, spreads, the ratios, and whether the two CLI outputs are
 * byte-identical (the serial path's identity with the worker threads is
 * tests/unit/cli/evaluate-parallel.test.ts).
 */
export async function cliVsDuckdb(
  n: number,
  asOf: string,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const file = await caseFile(n, asOf);
  const out = join(tmpdir(), `bench-evaluate-out-${process.pid}`);
  // Builds the bundle if the sources changed, so no timed run pays for it.
  spawnSync(process.execPath, [RUNNER.bundle, 'help'], { cwd: ROOT, stdio: 'ignore' });
  const cli: number[] = [];
  const duck: number[] = [];
  const tsx: number[] = [];
  const load: string[] = [];
  let identical = true;
  try {
    for (let r = 0; r < runs; r++) {
      load.push(readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?');
      cli.push(await cliOnce(file, asOf, `${out}.json`));
      duck.push(await duckdbOnce(file, asOf, `${out}.ndjson`));
      tsx.push(await cliOnce(file, asOf, `${out}.tsx.json`, 'tsx'));
      identical &&= sha256(`${out}.json`) === sha256(`${out}.tsx.json`);
    }
  } finally {
    rmSync(`${out}.json`, { force: true });
    rmSync(`${out}.tsx.json`, { force: true });
    rmSync(`${out}.ndjson`, { force: true });
  }
  const med = (xs: number[]): number =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const tag = n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`;
  const mb = statSync(file).size / 2 ** 20;
  const line = (name: string, xs: number[]): void =>
    log(
      `  ${name.padEnd(34)} median ${med(xs).toFixed(0).padStart(6)} ms   spread ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`,
    );
  log(
    `\nevaluate CLI vs DuckDB SQL, ${n.toLocaleString('en')} cases (${mb.toFixed(0)} MB NDJSON), ${runs} runs each, 1-min load ${load.join(', ')}`,
  );
  line('evaluate CLI (bundle, as shipped)', cli);
  line('evaluate CLI through tsx (before)', tsx);
  line('DuckDB SQL + calendar table', duck);
  log(`  ratio CLI / DuckDB             ${(med(cli) / med(duck)).toFixed(2)}×`);
  log(`  ratio tsx CLI / DuckDB         ${(med(tsx) / med(duck)).toFixed(2)}×`);
  log(`  outputs byte-identical         ${identical ? 'yes' : 'NO'}`);
  if (!identical) throw new Error('evaluate: the bundled CLI output differs from the tsx one');
  return {
    [`evaluate_cli_${tag}_ms`]: Math.round(med(cli)),
    [`evaluate_cli_tsx_${tag}_ms`]: Math.round(med(tsx)),
    [`evaluate_duckdb_${tag}_ms`]: Math.round(med(duck)),
    [`evaluate_cli_over_duckdb_${tag}`]: Math.round((100 * med(cli)) / med(duck)) / 100,
    [`evaluate_cli_tsx_over_duckdb_${tag}`]: Math.round((100 * med(tsx)) / med(duck)) / 100,
  };
}
