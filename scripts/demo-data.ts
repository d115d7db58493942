/**
 * Writes the deterministic demo city as files in the feed contract's shapes.
 *
 *   npm run -s demo-data -- --out DIR [--cases N] [--seed S] [--as-of YYYY-MM-DD]
 *                           [--format json|ndjson|csv] [--summary]
 *
 * Files in DIR: departments, items, cases, case-events, evaluations, tasks (.json | .ndjson | .csv)
 * and manifest.json (seed, as-of, server time, counts). The cases file is accepted as is by
 * `npm run -s cli -- evaluate --input DIR/cases.json`. In CSV, nested values (suspensions,
 * milestones, coDepartmentIds) are JSON cells and null is an empty cell.
 *
 * Cases are streamed to disk one by one, so a million cases need little memory. Nothing goes to
 * stdout; a short summary goes to stderr (with --summary, the headline figures computed by the
 * time-limit core). Exit codes: 0 done, 1 cannot write, 2 bad arguments.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIsoDate } from '../src/domain/calendar/day';
import {
  createDemoCity,
  DEFAULT_CASE_COUNT,
  formatSummary,
  shanghaiToday,
  summarizeCaseStream,
  type CaseBundle,
  type DemoCity,
} from '../mocks/demo-city';

type Format = 'json' | 'ndjson' | 'csv';

const USAGE = `用法 (usage): npm run -s demo-data -- --out DIR [--cases N] [--seed S] [--as-of YYYY-MM-DD] [--format json|ndjson|csv] [--summary]
  --out DIR        输出目录 (output directory, created if missing)
  --cases N        办件数 (number of cases, default ${DEFAULT_CASE_COUNT})
  --seed S         随机种子 (seed, default 1)
  --as-of DATE     截止日期 (as-of date, default today in Asia/Shanghai)
  --format F       文件格式 (json | ndjson | csv, default json)
  --summary        计算并输出主要指标 (print headline figures: on-time share, cards, flags)`;

class UsageError extends Error {}

/** Columns of each CSV file, in the contract's field order. */
const CSV_COLUMNS = {
  departments: ['id', 'name', 'kind', 'parentId', 'updatedAt'],
  items: [
    'code',
    'name',
    'departmentId',
    'statutoryLimitDays',
    'committedLimitDays',
    'kind',
    'updatedAt',
  ],
  cases: [
    'id',
    'departmentId',
    'itemCode',
    'channel',
    'status',
    'acceptedAt',
    'committedLimitDays',
    'statutoryLimitDays',
    'completedAt',
    'suspensions',
    'dueAt',
    'result',
    'updatedAt',
  ],
  'case-events': [
    'id',
    'caseId',
    'step',
    'departmentId',
    'handler',
    'enteredAt',
    'leftAt',
    'updatedAt',
  ],
  evaluations: ['id', 'caseId', 'level', 'at', 'channel', 'rectifiedAt', 'updatedAt'],
  tasks: [
    'id',
    'source',
    'title',
    'leadDepartmentId',
    'coDepartmentIds',
    'assignedAt',
    'deadline',
    'complex',
    'milestones',
    'status',
    'outcome',
    'progressNote',
    'updatedAt',
  ],
} as const;

type FileName = keyof typeof CSV_COLUMNS;

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A buffered, synchronous writer of one dataset file (records are written as they come). */
class RecordFileWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  count = 0;

  constructor(
    readonly path: string,
    private readonly format: Format,
    private readonly columns: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    if (format === 'json') this.push('[');
    // A BOM lets Excel open the Chinese text correctly; the readers in this project skip it.
    if (format === 'csv') this.push(`\ufeff${columns.join(',')}\n`);
  }

  write(record: object): void {
    const r = record as Record<string, unknown>;
    if (this.format === 'csv') this.push(`${this.columns.map((c) => csvCell(r[c])).join(',')}\n`);
    else if (this.format === 'ndjson') this.push(`${JSON.stringify(record)}\n`);
    else this.push(`${this.count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
    this.count++;
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    if (this.format === 'json') this.push('\n]\n');
    this.flush();
    closeSync(this.fd);
  }
}

interface Options {
  out: string;
  cases: number;
  seed: number;
  asOf: string;
  format: Format;
  summary: boolean;
}

function integerOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(
      `--${name} 必须是 ≥ ${min} 的整数 (--${name} must be an integer ≥ ${min}, got '${value}')`,
    );
  }
  return Number(value);
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        cases: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        format: { type: 'string' },
        summary: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(
      `参数错误 (bad arguments): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (values.help) throw new UsageError('');
  if (values.out === undefined || values.out.trim() === '') {
    throw new UsageError('缺少 --out 输出目录 (--out DIR is required)');
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'ndjson' && format !== 'csv') {
    throw new UsageError(
      `--format 必须是 json、ndjson 或 csv (--format must be json, ndjson or csv, got '${format}')`,
    );
  }
  const asOf = values['as-of'] ?? shanghaiToday(Date.now());
  if (parseIsoDate(asOf) === null) {
    throw new UsageError(
      `--as-of 必须是 YYYY-MM-DD 日期 (--as-of must be a YYYY-MM-DD date, got '${asOf}')`,
    );
  }
  return {
    out: values.out,
    cases: integerOption('cases', values.cases, DEFAULT_CASE_COUNT, 0),
    seed: integerOption('seed', values.seed, 1, Number.MIN_SAFE_INTEGER),
    asOf,
    format,
    summary: values.summary === true,
  };
}

function run(options: Options): void {
  const started = performance.now();
  let city: DemoCity;
  try {
    city = createDemoCity({ seed: options.seed, cases: options.cases, asOf: options.asOf });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  mkdirSync(options.out, { recursive: true });
  const ext = options.format;
  const open = (name: FileName): RecordFileWriter =>
    new RecordFileWriter(join(options.out, `${name}.${ext}`), options.format, CSV_COLUMNS[name]);

  const writeAll = (name: FileName, records: readonly object[]): number => {
    const writer = open(name);
    for (const record of records) writer.write(record);
    writer.close();
    return writer.count;
  };
  const counts: Record<string, number> = {
    departments: writeAll('departments', city.departments),
    items: writeAll('items', city.items),
    tasks: writeAll('tasks', city.tasks),
  };

  const cases = open('cases');
  const events = open('case-events');
  const evaluations = open('evaluations');
  // One pass: each case is written as it is generated and, with --summary, evaluated too.
  function* written(): Generator<CaseBundle> {
    for (const bundle of city.cases()) {
      cases.write(bundle.case);
      for (const event of bundle.events) events.write(event);
      if (bundle.evaluation !== null) evaluations.write(bundle.evaluation);
      yield bundle;
    }
  }
  const summary = options.summary ? summarizeCaseStream(written(), city.tasks, city) : null;
  if (summary === null) for (const _ of written());
  cases.close();
  events.close();
  evaluations.close();
  counts['cases'] = cases.count;
  counts['case-events'] = events.count;
  counts['evaluations'] = evaluations.count;

  writeFileSync(
    join(options.out, 'manifest.json'),
    `${JSON.stringify(
      {
        generator: 'demo-city',
        seed: city.seed,
        asOf: city.asOf,
        periodStart: city.periodStart,
        serverTime: city.serverTime,
        format: options.format,
        counts,
        ...(summary === null ? {} : { summary }),
      },
      null,
      2,
    )}\n`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const countText = Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  process.stderr.write(
    `已写入 ${options.out} (wrote ${options.format} files in ${seconds}s): ${countText}\n`,
  );
  if (summary !== null) process.stderr.write(`${formatSummary(summary)}\n`);
}

function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message !== '') process.stderr.write(`demo-data: ${error.message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      return error.message === '' ? 0 : 2;
    }
    throw error;
  }
  try {
    run(options);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`demo-data: ${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      process.stderr.write(`demo-data: 无法写入 (cannot write): ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
