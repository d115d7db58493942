/**
 * `npm run bench` — city-scale benchmark, in Node, of each stage the dashboard runs, on datasets
 * made by the project's own demo-city generator (seed 1, as of 2026-09-30):
 *
 *   parse + validate (JSON pages → boundary validators), evaluate (deadlines, warnings),
 *   slow-action flags, one quarter's ranking, the whole engine pass (computeDashboard), and CSV /
 *   XLSX export of 100k rows.
 *
 * Each stage runs several times; the median and the spread (min–max) are printed, with the peak
 * resident memory. `-- --json` ends the output with one JSON line of named figures (ms, MB).
 * `-- --sizes 100000` limits the sizes (default 100k and 1M). Then the `evaluate` CLI against
 * DuckDB SQL on an NDJSON file of the largest size (`--skip-cli-duckdb` to leave it out,
 * `--only-cli-duckdb` to run only that). Not a test: figures depend on the
 * machine, which is printed too.
 */
import { cpus, platform, release, totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDemoCity } from '../../mocks/demo-city';
import { officialCalendar } from '../../src/domain/calendar';
import { flagCase, DEFAULT_SLOW_ACTION_THRESHOLDS } from '../../src/domain/slow-action';
import { evaluateCase, type CaseEvaluation } from '../../src/domain/time-limit';
import { computeDashboard, type CaseStatusRow } from '../../src/engine/dashboard';
import { indexDataset, stepsOf, type Dataset } from '../../src/engine/dataset';
import { rankQuarter } from '../../src/engine/ranking';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/settings';
import { parseRecords } from '../../src/feeds/result';
import { parseCase, type CaseRecord } from '../../src/feeds/schemas/case';
import { parseCaseEvent, type CaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseEvaluation, type Evaluation } from '../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../src/feeds/schemas/service-item';
import { cliVsDuckdb } from './cli-vs-duckdb';
import { exportStages } from './export-stages';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const SIZES =
  args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [100_000, 1_000_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const AS_OF = '2026-09-30';
const AS_OF_MS = Date.parse(`${AS_OF}T23:59:59+08:00`);
const PAGE = 1000;

const figures: Record<string, number> = {};
const log = (line: string) => process.stderr.write(`${line}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Times `fn` RUNS times (garbage collected between runs); records the median under `name`. */
function measure<T>(name: string, fn: () => T): T {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < RUNS; r++) {
    collectGarbage();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  const m = median(times);
  figures[`${name}_ms`] = Math.round(m);
  log(
    `  ${name.padEnd(28)} median ${m.toFixed(0).padStart(6)} ms   spread ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms   (${RUNS} runs)`,
  );
  return result as T;
}

async function measureAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < RUNS; r++) {
    collectGarbage();
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  const m = median(times);
  figures[`${name}_ms`] = Math.round(m);
  log(
    `  ${name.padEnd(28)} median ${m.toFixed(0).padStart(6)} ms   spread ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms   (${RUNS} runs)`,
  );
  return result as T;
}

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`;
}

/** The feed as it arrives: JSON pages of 1000 records. */
function toPages(records: unknown[]): string[] {
  const pages: string[] = [];
  for (let i = 0; i < records.length; i += PAGE)
    pages.push(JSON.stringify(records.slice(i, i + PAGE)));
  return pages;
}

function parsePages<T>(
  resource: string,
  pages: string[],
  parseOne: Parameters<typeof parseRecords<T>>[2],
): { accepted: T[]; rejected: number } {
  const accepted: T[] = [];
  let rejected = 0;
  let offset = 0;
  for (const text of pages) {
    const raws = JSON.parse(text) as unknown[];
    const page = parseRecords(resource, raws, parseOne, offset);
    for (const r of page.accepted) accepted.push(r);
    rejected += page.rejected.length;
    offset += raws.length;
  }
  return { accepted, rejected };
}

async function benchSize(n: number): Promise<void> {
  const tag = label(n);
  log(`\n${n.toLocaleString('en')} cases (${tag})`);
  const t0 = performance.now();
  const city = createDemoCity({ seed: 1, cases: n, asOf: AS_OF });
  const caseWire: unknown[] = [];
  const eventWire: unknown[] = [];
  const evaluationWire: unknown[] = [];
  for (const b of city.cases()) {
    caseWire.push(b.case);
    for (const e of b.events) eventWire.push(e);
    if (b.evaluation) evaluationWire.push(b.evaluation);
  }
  const casePages = toPages(caseWire);
  const eventPages = toPages(eventWire);
  const evaluationPages = toPages(evaluationWire);
  caseWire.length = 0;
  eventWire.length = 0;
  evaluationWire.length = 0;
  log(
    `  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${n} cases, ${eventPages.length} event pages, ${evaluationPages.length} evaluation pages`,
  );

  const cases = measure(`parse_validate_${tag}`, () =>
    parsePages<CaseRecord>('cases', casePages, parseCase),
  ).accepted;
  const events = measure(`parse_validate_events_${tag}`, () =>
    parsePages<CaseEvent>('case-events', eventPages, parseCaseEvent),
  ).accepted;
  const evaluations = parsePages<Evaluation>(
    'evaluations',
    evaluationPages,
    parseEvaluation,
  ).accepted;
  casePages.length = 0;
  eventPages.length = 0;

  const cal = officialCalendar();
  const evs: CaseEvaluation[] = new Array<CaseEvaluation>(cases.length);
  measure(`evaluate_${tag}`, () => {
    for (let i = 0; i < cases.length; i++) evs[i] = evaluateCase(cases[i]!, AS_OF_MS, cal);
  });

  const dataset: Dataset = {
    departments: parseRecords('departments', city.departments, parseDepartment).accepted,
    items: parseRecords('items', city.items, parseServiceItem).accepted,
    cases,
    caseEvents: events,
    evaluations,
    tasks: [],
  };
  const indexed = measure(`index_dataset_${tag}`, () => indexDataset(dataset));
  measure(`flags_${tag}`, () => {
    let count = 0;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      count += flagCase(
        c,
        evs[i]!,
        stepsOf(indexed, c.id),
        AS_OF_MS,
        cal,
        DEFAULT_SLOW_ACTION_THRESHOLDS,
      ).length;
    }
    return count;
  });
  measure(`rank_quarter_${tag}`, () =>
    rankQuarter(indexed, { kind: 'quarter', year: 2026, quarter: 3 }, { asOfMs: AS_OF_MS }),
  );
  const model = measure(`dashboard_${tag}`, () =>
    computeDashboard(indexed, DEFAULT_ENGINE_SETTINGS, AS_OF_MS),
  );
  if (n === 100_000) await exportStages(model.rows as CaseStatusRow[], measureAsync, tag);
  figures[`heap_after_${tag}_mb`] = Math.round(process.memoryUsage().heapUsed / 1048576);
}

log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, node ${process.version}`,
);
// `--only-cli-duckdb`: just the last section (the CLI against DuckDB), on the largest size.
for (const n of args.includes('--only-cli-duckdb') ? [] : SIZES) {
  await benchSize(n);
  collectGarbage();
}
// The evaluate CLI against DuckDB on the largest size's NDJSON file (issue 17 item 3).
if (!args.includes('--skip-cli-duckdb')) {
  const n = Math.max(...SIZES);
  Object.assign(figures, await cliVsDuckdb(n, AS_OF, RUNS, log));
}
figures['peak_rss_mb'] = Math.round(process.resourceUsage().maxRSS / 1024);
log(`\npeak RSS ${figures['peak_rss_mb']} MB`);
if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
