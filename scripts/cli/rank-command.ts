/**
 * `rank`: the quarterly department ranking (评比排队) of a dataset directory, as one JSON object.
 * It calls `rankQuarter`, the same function as the rankings page and its exports.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeriod } from '../../src/domain/period/period';
import { rankingWindow } from '../../src/domain/ranking';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import { editionBody, listEditions } from '../../server/rankings/editions';
import { Database } from '../../server/store/database';
import { CITY_SOURCE } from '../../server/sync/sync';
import { indexDataset, type Dataset } from '../../src/engine/dataset';
import { rankQuarter, type QuarterRanking } from '../../src/engine/ranking';
import { parseRecords, type RecordParser, type RejectedRecord } from '../../src/feeds/result';
import { parseCase, type CaseRecord } from '../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseEvaluation } from '../../src/feeds/schemas/evaluation';
import { openRecordFile, recordFormatOf, RecordFileError } from '../../server/import/readers';
import {
  CliUsageError,
  parseAsOfOption,
  parseOptions,
  writeStdout,
  type CliCommand,
} from './common';

const USAGE = `rank --data DIR --quarter YYYYQn [--as-of ISO-8601]
rank --db FILE --quarter YYYYQn [--edition N]
  --data     数据目录（demo-data 的输出）：cases、case-events、evaluations、departments，
             每个为 .json（数组）、.ndjson/.jsonl 或 .csv；cases 必需，其余可缺
             dataset directory as written by demo-data (cases required; the others optional)
  --quarter  季度，如 2026Q3 (the quarter to rank)
  --as-of    评估时点，仅当早于季度末时生效；只给日期表示当日 24:00 (Asia/Shanghai)
             judge as of this instant when earlier than the quarter's end; a bare date = end of that day
  --db       服务的 DuckDB 文件：打印已发布的排名（不重新计算）；服务运行时文件被锁定
             the service's DuckDB file: print published editions (not recomputed); locked while the service runs
  --edition  第 N 版：原样打印存储的该版 JSON；省略时列出该季度的全部版本
             print edition N exactly as stored; without it, list the quarter's editions`;

/** The files read from DIR, by feed resource name. */
type Resource = 'cases' | 'case-events' | 'evaluations' | 'departments';

const EXTENSIONS = ['json', 'ndjson', 'jsonl', 'csv'] as const;

/** Numeric columns that CSV delivers as text (the case parser reads its own numbers from text). */
const CSV_INTEGER_FIELDS: Partial<Record<Resource, readonly string[]>> = {
  evaluations: ['level'],
};

/** The directory or one of its files cannot be read as a whole: exit code 1. */
class DataDirError extends Error {}

/** How one resource file was read. */
export interface RankInputFile {
  file: string | null;
  records: number;
  accepted: number;
  rejected: number;
}

function findFile(dir: string, resource: Resource): string | null {
  for (const ext of EXTENSIONS) {
    const p = join(dir, `${resource}.${ext}`);
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * The raw records of a file through the shared streaming readers. A record the reader could not
 * read (an NDJSON line that is not JSON, a CSV row of the wrong width) becomes its reason as a
 * string, which the feed parser rejects.
 */
async function rawRecords(path: string, resource: Resource): Promise<unknown[]> {
  const format = recordFormatOf(path);
  if (format === null) throw new DataDirError(`'${path}': 未知格式 (unknown format)`);
  const out: unknown[] = [];
  try {
    const file = await openRecordFile(path, format);
    for await (const rec of file.records) {
      if ('error' in rec) out.push(rec.error);
      else out.push(file.header === null ? rec.raw : csvRecord(rec.raw, resource));
    }
  } catch (e) {
    if (e instanceof RecordFileError) throw new DataDirError(`'${path}': ${e.message}`);
    throw e;
  }
  return out;
}

/**
 * A CSV row as a record the feed parsers accept: an empty cell is null (demo-data writes null as
 * an empty cell), a cell holding a JSON array or object is parsed (nested values are JSON cells),
 * and the known integer columns become numbers.
 */
function csvRecord(raw: unknown, resource: Resource): unknown {
  const ints = new Set(CSV_INTEGER_FIELDS[resource] ?? []);
  const o: Record<string, unknown> = {};
  for (const [name, cell] of Object.entries(raw as Record<string, string>)) {
    if (cell === '') o[name] = null;
    else if (ints.has(name) && /^-?\d+$/.test(cell.trim())) o[name] = Number(cell);
    else if ((cell.startsWith('[') || cell.startsWith('{')) && resource !== 'cases') {
      try {
        o[name] = JSON.parse(cell) as unknown;
      } catch {
        o[name] = cell;
      }
    } else o[name] = cell;
  }
  return o;
}

async function readResource<T>(
  dir: string,
  resource: Resource,
  parser: RecordParser<T>,
  files: Record<string, RankInputFile>,
  rejected: RejectedRecord[],
): Promise<T[]> {
  const path = findFile(dir, resource);
  if (path === null) {
    files[resource] = { file: null, records: 0, accepted: 0, rejected: 0 };
    return [];
  }
  const raws = await rawRecords(path, resource);
  const r = parseRecords(resource, raws, parser);
  files[resource] = {
    file: path,
    records: raws.length,
    accepted: r.accepted.length,
    rejected: r.rejected.length,
  };
  rejected.push(...r.rejected);
  return r.accepted;
}

/** A duplicate case id is set aside (the first record wins), as the case-file import does. */
function dropDuplicateCases(
  cases: CaseRecord[],
  file: RankInputFile,
  rejected: RejectedRecord[],
): CaseRecord[] {
  const seen = new Set<string>();
  const out: CaseRecord[] = [];
  for (const c of cases) {
    if (seen.has(c.id)) {
      rejected.push({
        resource: 'cases',
        index: -1,
        id: c.id,
        reason: '办件编号重复，保留第一条 (duplicate case id; the first record is kept)',
        raw: null,
      });
      file.accepted--;
      file.rejected++;
      continue;
    }
    seen.add(c.id);
    out.push(c);
  }
  return out;
}

/** What `rank` prints: the ranking (exactly `rankQuarter`'s result) plus what was read. */
export type RankOutput = QuarterRanking & {
  input: {
    dir: string;
    files: Record<string, RankInputFile>;
    /** Rejected records with their reasons (without the raw record). */
    rejected: Omit<RejectedRecord, 'raw'>[];
  };
};

/** Read a data directory into a dataset; throws DataDirError when it cannot be read. */
export async function loadDataDir(dir: string): Promise<{
  dataset: Dataset;
  files: Record<string, RankInputFile>;
  rejected: RejectedRecord[];
}> {
  if (!existsSync(dir)) throw new DataDirError(`数据目录不存在 '${dir}' (no such directory)`);
  if (findFile(dir, 'cases') === null) {
    throw new DataDirError(
      `'${dir}' 中没有 cases.json / cases.ndjson / cases.csv (no cases file in the directory)`,
    );
  }
  const files: Record<string, RankInputFile> = {};
  const rejected: RejectedRecord[] = [];
  let cases = await readResource(dir, 'cases', parseCase, files, rejected);
  cases = dropDuplicateCases(cases, files['cases'] as RankInputFile, rejected);
  const caseEvents = await readResource(dir, 'case-events', parseCaseEvent, files, rejected);
  const evaluations = await readResource(dir, 'evaluations', parseEvaluation, files, rejected);
  const departments = await readResource(dir, 'departments', parseDepartment, files, rejected);
  return {
    dataset: { departments, items: [], cases, caseEvents, evaluations, tasks: [] },
    files,
    rejected,
  };
}

/** `rank --db FILE --quarter Q [--edition N]`: a published edition as stored, or the list. */
async function printEditions(dbPath: string, quarter: string, editionText: string | undefined) {
  let edition: number | null = null;
  if (editionText !== undefined) {
    edition = Number(editionText);
    if (!Number.isInteger(edition) || edition < 1)
      throw new CliUsageError(`--edition 应为正整数 (not an edition number: '${editionText}')`);
  }
  if (!existsSync(dbPath)) {
    process.stderr.write(`rank: 数据库文件不存在 '${dbPath}' (no such file)\n`);
    return 1;
  }
  let db: Database;
  try {
    db = await Database.open(dbPath);
  } catch (e) {
    process.stderr.write(`rank: 无法打开 '${dbPath}' (cannot open: ${(e as Error).message})\n`);
    return 1;
  }
  try {
    const tables = await db.all(
      "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'ranking_editions'",
    );
    const hasTable = Number(tables[0]?.['n'] ?? 0) > 0;
    if (edition === null) {
      const items = hasTable ? await listEditions(db, CITY_SOURCE, quarter) : [];
      await writeStdout([`${JSON.stringify({ quarter, items })}\n`]);
      return 0;
    }
    const body = hasTable ? await editionBody(db, CITY_SOURCE, quarter, edition) : null;
    if (body === null) {
      process.stderr.write(`rank: ${quarter} 没有第 ${edition} 版 (no such edition)\n`);
      return 1;
    }
    await writeStdout([`${body}\n`]);
    return 0;
  } finally {
    await db.close();
  }
}

async function run(args: string[]): Promise<number> {
  const opts = parseOptions(args, ['data', 'quarter', 'as-of', 'db', 'edition']);
  const dbPath = opts.get('db');
  if (dbPath !== undefined) {
    if (opts.has('data') || opts.has('as-of'))
      throw new CliUsageError('--db 不能与 --data、--as-of 同用 (--db prints published editions)');
    const q = parsePeriod(opts.get('quarter') ?? '');
    if (q === null || q.kind !== 'quarter')
      throw new CliUsageError('--quarter 应形如 2026Q3 (missing or not a quarter)');
    return printEditions(dbPath, `${q.year}Q${q.quarter}`, opts.get('edition'));
  }
  if (opts.has('edition'))
    throw new CliUsageError('--edition 需要 --db (--edition needs --db FILE)');
  const dir = opts.get('data');
  if (dir === undefined) throw new CliUsageError('缺少 --data (missing --data DIR)');
  const qText = opts.get('quarter');
  if (qText === undefined) throw new CliUsageError('缺少 --quarter (missing --quarter YYYYQn)');
  const quarter = parsePeriod(qText);
  if (quarter === null || quarter.kind !== 'quarter') {
    throw new CliUsageError(`--quarter 应形如 2026Q3 (not a quarter: '${qText}')`);
  }
  const asOfText = opts.get('as-of');
  let asOfMs: number | undefined;
  if (asOfText !== undefined) {
    const parsed = parseAsOfOption(asOfText);
    if (parsed === null)
      throw new CliUsageError(`--as-of 无法解析 '${asOfText}' (not an ISO 8601 instant or date)`);
    asOfMs = parsed;
  }

  let loaded;
  try {
    loaded = await loadDataDir(dir);
  } catch (e) {
    if (e instanceof DataDirError) {
      process.stderr.write(`rank: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { dataset, files, rejected } = loaded;
  const started = performance.now();
  const ranking = rankQuarter(indexDataset(dataset), quarter, { asOfMs });
  const ms = Math.round(performance.now() - started);

  const read = Object.entries(files)
    .map(([name, f]) => `${name} ${f.accepted}/${f.records}`)
    .join(', ');
  process.stderr.write(
    `rank: ${ranking.quarter} 评估时点 ${ranking.asOf}${ranking.partial ? '（季度未结束）' : ''}；` +
      `读取 (accepted/records) ${read}；拒收 ${rejected.length} 条；` +
      `${ranking.coverage.ranked}/${ranking.coverage.departments} 个部门参与排名；计算 ${ms} ms\n`,
  );
  if (files['case-events']?.file === null) {
    process.stderr.write(
      'rank: 提示：没有环节流转数据，滞留、受理未办两条慢作为规则不作判断 (no case-events: stall and accepted-idle are not judged)\n',
    );
  }
  for (const r of rejected.slice(0, 20)) {
    process.stderr.write(
      `  rejected ${r.resource}${r.index >= 0 ? ` 第 ${r.index + 1} 条 (record ${r.index + 1})` : ''}${r.id === null ? '' : ` (${r.id})`}: ${r.reason}\n`,
    );
  }
  if (rejected.length > 20)
    process.stderr.write(`  … ${rejected.length - 20} more in "input.rejected"\n`);
  if (asOfMs !== undefined && asOfMs > rankingWindow(quarter).periodEndMs) {
    // Not an error: a finished quarter is always judged at its own end.
    process.stderr.write(
      `rank: --as-of ${formatShanghaiIso(asOfMs)} 晚于季度末，按季度末评估 (after the quarter's end; the quarter is judged at its end)\n`,
    );
  }

  const output: RankOutput = {
    ...ranking,
    input: {
      dir,
      files,
      rejected: rejected.map(({ resource, index, id, reason }) => ({
        resource,
        index,
        id,
        reason,
      })),
    },
  };
  await writeStdout([`${JSON.stringify(output)}\n`]);
  return 0;
}

/** `rank`: the quarterly department ranking of a dataset directory. */
export const rankCommand: CliCommand = {
  summary: '季度部门评比排队 (quarterly department ranking of a data directory)',
  usage: USAGE,
  run,
};
