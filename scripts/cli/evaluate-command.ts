import { readFileSync } from 'node:fs';
import {
  dayFromCivil,
  isoFromDay,
  officialCalendar,
  type DayIndex,
  type WorkingCalendar,
} from '../../src/domain/calendar';
import {
  evaluateCase,
  formatShanghaiIso,
  summarizeByDepartment,
  type CaseEvaluation,
} from '../../src/domain/time-limit';
import { CaseFileError, type CaseFileRejection } from '../../src/feeds/case-file';
import { decodeText, detectEncoding } from '../../src/feeds/columns/encoding';
import { parseColumnMapping, type ColumnMapping } from '../../src/feeds/mapping';
import { readCaseFile } from '../../server/import/case-reader';
import { recordFormatOf } from '../../server/import/readers';
import {
  CliUsageError,
  parseAsOfOption,
  parseOptions,
  writeStdout,
  type CliCommand,
} from './common';
import { evaluateNdjsonParallel, type EvaluatedFile, type ResultSink } from './evaluate-parallel';
import { resultRowJson } from './evaluate-rows';

export { resultRow, type EvaluateResultRow } from './evaluate-rows';

const USAGE = `evaluate --input FILE [--mapping FILE] [--as-of ISO-8601]
  --input    办件文件：.json（数组）、.ndjson/.jsonl、带表头的 .csv（UTF-8 或 GBK）或 .xlsx（第一个工作表）
             case file: a JSON array, NDJSON, CSV with a header row, or XLSX (format from the extension)
  --mapping  列映射 JSON {"columns": {"<field>": "<column>"}} (maps case fields to the file's columns)
  --as-of    评估时点，默认当前时间 (evaluation instant, default now); no offset = Asia/Shanghai;
             a bare date YYYY-MM-DD = the end of that day (23:59:59.999 Asia/Shanghai)`;

type Range = [DayIndex, DayIndex];

/** Merge inclusive day ranges. */
function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Parts of the day ranges the results depended on that lie outside the calendar's data. */
export function uncoveredRanges(spans: Range[], cal: WorkingCalendar): Range[] {
  const covered = mergeRanges(
    cal.coveredYears.map((y): Range => [dayFromCivil(y, 1, 1), dayFromCivil(y, 12, 31)]),
  );
  const out: Range[] = [];
  for (const [from, to] of mergeRanges(spans)) {
    let cursor = from;
    for (const [cf, ct] of covered) {
      if (ct < cursor) continue;
      if (cf > to) break;
      if (cf > cursor) out.push([cursor, cf - 1]);
      cursor = ct + 1;
      if (cursor > to) break;
    }
    if (cursor <= to) out.push([cursor, to]);
  }
  return out;
}

function readText(path: string, what: string): string {
  try {
    // Chinese Excel saves CSV in GBK: detected exactly as the import page does (valid UTF-8, else
    // GB18030), so both read the same file the same way.
    const bytes = readFileSync(path);
    return decodeText(bytes, detectEncoding(bytes));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CaseFileError(
      `无法读取${what} '${path}' (cannot read ${what === '输入文件' ? 'input' : 'mapping'} file: ${code})`,
    );
  }
}

function loadMapping(path: string): ColumnMapping {
  const text = readText(path, '映射文件');
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CaseFileError(
      `映射文件不是有效的 JSON '${path}' (mapping file is not valid JSON: ${(e as Error).message})`,
    );
  }
  const m = parseColumnMapping(raw);
  if (!m.ok) throw new CaseFileError(`映射文件无效 '${path}': ${m.reason}`);
  return m.value;
}

/**
 * The output document, written as it is produced: the head, the result rows (comma-separated,
 * in chunks as they come), then the tail. Back-pressure from stdout is respected.
 */
class OutputWriter implements ResultSink {
  private started = false;
  private wroteRows = false;

  constructor(private readonly asOf: string) {}

  private async write(chunks: readonly (string | Uint8Array)[]): Promise<void> {
    if (!this.started) {
      this.started = true;
      await writeStdout([`{"asOf":${JSON.stringify(this.asOf)},"results":[`]);
    }
    await writeStdout(chunks);
  }

  async rows(pieces: readonly (string | Uint8Array)[]): Promise<void> {
    const chunks: (string | Uint8Array)[] = [];
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      if (this.wroteRows) chunks.push(',');
      chunks.push(piece);
      this.wroteRows = true;
    }
    if (chunks.length > 0) await this.write(chunks);
  }

  async end(tail: EvaluateOutputTail): Promise<void> {
    await this.write([
      `],"departments":${JSON.stringify(tail.departments)}` +
        `,"rejected":${JSON.stringify(tail.rejected)}` +
        `,"calendar":${JSON.stringify(tail.calendar)}}\n`,
    ]);
  }
}

interface EvaluateOutputTail {
  departments: ReturnType<typeof summarizeByDepartment>;
  rejected: CaseFileRejection[];
  calendar: {
    coveredFrom: string | null;
    coveredTo: string | null;
    uncoveredDatesUsed: number;
    uncoveredRanges: { from: string; to: string }[];
  };
}

/** The serial path: the shared streaming reader (every format), then evaluation in file order. */
async function evaluateSerial(
  input: string,
  format: NonNullable<ReturnType<typeof recordFormatOf>>,
  mapping: ColumnMapping | undefined,
  asOfMs: number,
  out: ResultSink,
): Promise<EvaluatedFile> {
  const file = await readCaseFile(input, format, mapping);
  const cal = officialCalendar();
  const rows: string[] = new Array<string>(file.cases.length);
  const summaryInput: { departmentId: string; evaluation: CaseEvaluation }[] = new Array(
    file.cases.length,
  );
  const spans: Range[] = [];
  for (let i = 0; i < file.cases.length; i++) {
    const c = (file.cases[i] as (typeof file.cases)[number]).value;
    const e = evaluateCase(c, asOfMs, cal);
    rows[i] = resultRowJson(c.id, c.departmentId, e);
    summaryInput[i] = { departmentId: c.departmentId, evaluation: e };
    if (e.usesUncoveredDates) spans.push([e.spanFrom, e.spanTo]);
  }
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await out.rows([rows.slice(i, i + CHUNK).join(',')]);
  }
  return {
    total: file.total,
    evaluated: rows.length,
    rejected: file.rejected,
    departments: summarizeByDepartment(summaryInput),
    spans,
  };
}

async function run(args: string[]): Promise<number> {
  const opts = parseOptions(args, ['input', 'mapping', 'as-of']);
  const input = opts.get('input');
  if (input === undefined) throw new CliUsageError('缺少 --input (missing --input FILE)');
  const format = /\.txt$/i.test(input) ? null : recordFormatOf(input);
  if (format === null) {
    throw new CliUsageError(
      `无法从扩展名判断格式 '${input}' (use .json, .ndjson, .jsonl or .csv, or .xlsx)`,
    );
  }
  const asOfText = opts.get('as-of');
  let asOfMs = Date.now();
  if (asOfText !== undefined) {
    const parsed = parseAsOfOption(asOfText);
    if (parsed === null)
      throw new CliUsageError(`--as-of 无法解析 '${asOfText}' (not an ISO 8601 instant)`);
    asOfMs = parsed;
  }

  const asOf = formatShanghaiIso(asOfMs);
  const out = new OutputWriter(asOf);
  let done: EvaluatedFile;
  try {
    const mappingPath = opts.get('mapping');
    const mapping = mappingPath === undefined ? undefined : loadMapping(mappingPath);
    // EVALUATE_SERIAL=1 forces the serial path, EVALUATE_REQUIRE_PARALLEL=1 fails without the
    // parallel one: the tests compare the two byte for byte.
    const parallel =
      format === 'ndjson' && process.env['EVALUATE_SERIAL'] !== '1'
        ? await evaluateNdjsonParallel(input, mapping, asOfMs, out)
        : null;
    if (parallel === null && process.env['EVALUATE_REQUIRE_PARALLEL'] === '1') {
      throw new Error('evaluate: the parallel NDJSON path was not taken');
    }
    done = parallel ?? (await evaluateSerial(input, format, mapping, asOfMs, out));
  } catch (e) {
    if (e instanceof CaseFileError) {
      process.stderr.write(`evaluate: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { spans } = done;
  const cal = officialCalendar();
  const uncovered = uncoveredRanges(spans, cal);
  const uncoveredDays = uncovered.reduce((n, [f, t]) => n + t - f + 1, 0);
  const covered = cal.coveredFrom <= cal.coveredTo;
  const tail: EvaluateOutputTail = {
    departments: done.departments,
    rejected: done.rejected,
    calendar: {
      coveredFrom: covered ? isoFromDay(cal.coveredFrom) : null,
      coveredTo: covered ? isoFromDay(cal.coveredTo) : null,
      uncoveredDatesUsed: uncoveredDays,
      uncoveredRanges: uncovered.map(([f, t]) => ({ from: isoFromDay(f), to: isoFromDay(t) })),
    },
  };
  const file = done;
  process.stderr.write(
    `evaluate: ${file.total} 条记录，评估 ${file.evaluated} 条，拒收 ${file.rejected.length} 条；评估时点 ${asOf} ` +
      `(${file.total} records, ${file.evaluated} evaluated, ${file.rejected.length} rejected)\n`,
  );
  for (const r of file.rejected.slice(0, 20)) {
    process.stderr.write(
      `  rejected 第 ${r.index + 1} 条 (record ${r.index + 1})${r.id === null ? '' : ` (${r.id})`}: ${r.reason}\n`,
    );
  }
  if (file.rejected.length > 20)
    process.stderr.write(`  … ${file.rejected.length - 20} more in "rejected"\n`);
  if (uncoveredDays > 0) {
    process.stderr.write(
      `evaluate: 警告：${uncoveredDays} 个日期超出节假日数据范围，按周一至周五计算 ` +
        `(warning: ${uncoveredDays} dates outside the holiday data ${tail.calendar.coveredFrom}…${tail.calendar.coveredTo}; Mon–Fri assumed: ` +
        `${tail.calendar.uncoveredRanges.map((r) => `${r.from}…${r.to}`).join(', ')})\n`,
    );
  }
  await out.end(tail);
  return 0;
}

/** `evaluate`: time limits and warnings for every case in a feed file. */
export const evaluateCommand: CliCommand = {
  summary: '评估办件时限与预警 (evaluate time limits and warnings of a case file)',
  usage: USAGE,
  run,
};
