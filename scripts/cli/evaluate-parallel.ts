/**
 * `evaluate` on an NDJSON file with two worker threads (issue 17: the serial CLI took 3.5× as long
 * as DuckDB on 1M cases; profile: decoding the whole file, per-line JSON.parse, validation and the
 * garbage of 1M kept case objects, all on one core).
 *
 * The file is read once into a SharedArrayBuffer and cut into blocks of whole lines; each worker
 * (scripts/cli/evaluate-worker.ts) parses, validates and evaluates its blocks and sends back the
 * result rows' JSON and compact per-record fields. This thread takes the blocks in file order and
 * does what needs the whole file: line numbers, record indices, the duplicate-id check (the first
 * record of an id wins, as `CaseRecordValidator` does), rejection reasons with positions, the
 * department summary and the output, streamed as blocks arrive. The output is byte-identical to
 * the serial path's (tests/unit/cli/evaluate-parallel.test.ts).
 *
 * Used only where the serial reader's text handling reduces to "split on LF": valid UTF-8 without
 * a BOM, no CR, no line longer than twice the record limit; and only files of a few blocks or more.
 * Anything else returns null and the caller takes the serial path.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import type { CaseEvaluation } from '../../src/domain/time-limit';
import { summarizeByDepartment } from '../../src/domain/time-limit';
import { CaseFileError, type CaseFileRejection } from '../../src/feeds/case-file';
import { detectEncoding } from '../../src/feeds/columns/encoding';
import type { ColumnMapping } from '../../src/feeds/mapping';
import { FirstIndexTable } from './first-index-table';
import { duplicateIdReason } from '../../src/feeds/result';
import { checkText, RecordFileError } from '../../server/import/readers';
import type { DayIndex } from '../../src/domain/calendar';
import {
  BIT_COMPLETED,
  BIT_EARLY,
  BIT_LATE,
  BIT_ON_TIME,
  BIT_OVERDUE,
  BIT_UNCOVERED,
  KIND_INVALID,
  KIND_NOT_JSON,
  KIND_OK,
  KIND_TOO_LONG,
  LEVEL_CODES,
  type BlockRequest,
  type BlockResult,
  type WorkerInit,
} from './evaluate-batch';

/** As server/import/readers.ts. */
const SNIFF_BYTES = 4 * 1024 * 1024;
const MAX_RECORD_CHARS = 1024 * 1024;
/** Bytes per block (tests set EVALUATE_BLOCK_BYTES small to cross block edges often). */
const BLOCK_BYTES = Number(process.env['EVALUATE_BLOCK_BYTES'] ?? '') || 1024 * 1024;
const WORKERS = 2;
/** Smaller files take the serial path. */
const MIN_BLOCKS = 4;
/** Blocks queued per worker, so a worker never waits for this thread. */
const IN_FLIGHT = 3;

export interface EvaluatedFile {
  total: number;
  evaluated: number;
  rejected: CaseFileRejection[];
  departments: ReturnType<typeof summarizeByDepartment>;
  spans: [DayIndex, DayIndex][];
}

/**
 * Where the result rows go, in order: `rows` takes pieces of the rows' JSON (text or UTF-8), each
 * one or more whole rows, comma-separated within; the sink separates the pieces.
 */
export interface ResultSink {
  rows(pieces: readonly (string | Uint8Array)[]): Promise<void>;
}

type SummaryFields = Pick<
  CaseEvaluation,
  'level' | 'completed' | 'onTime' | 'late' | 'early' | 'overdue'
>;

/** The evaluation fields the department summary reads, one shared object per code. */
const SUMMARY_OF: SummaryFields[] = Array.from({ length: 128 }, (_, c) => ({
  level: LEVEL_CODES[c & 3]!,
  completed: (c & BIT_COMPLETED) !== 0,
  onTime: (c & BIT_ON_TIME) !== 0 ? true : null,
  late: (c & BIT_LATE) !== 0 ? true : null,
  early: (c & BIT_EARLY) !== 0 ? true : null,
  overdue: (c & BIT_OVERDUE) !== 0,
}));

/**
 * Reads the whole file into a SharedArrayBuffer. `beforeReading` gets the (empty) buffer first:
 * worker threads can load their code while this thread reads.
 */
function readWhole(path: string, beforeReading: (buffer: SharedArrayBuffer) => void): Buffer {
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CaseFileError(`无法读取文件 '${path}' (cannot read file: ${code})`);
  }
  try {
    const size = fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    beforeReading(shared);
    const bytes = Buffer.from(shared);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** True when splitting the bytes on LF is exactly what the serial reader does with the text. */
function plainUtf8Lines(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return false;
  if (detectEncoding(bytes.subarray(0, SNIFF_BYTES)) !== 'utf-8') return false;
  if (bytes.indexOf(13) !== -1 || !isUtf8(bytes)) return false;
  // No run of more than 2 × the limit without a line break (the serial reader's overflow case).
  const run = 2 * MAX_RECORD_CHARS;
  let p = 0;
  while (bytes.length - p > run) {
    const q = bytes.lastIndexOf(10, p + run);
    if (q < p) return false;
    p = q + 1;
  }
  return true;
}

/** The file's lines, estimated from the first `sample` bytes (capped: the tables still grow). */
function estimatedLines(bytes: Buffer, sample: number): number {
  let lines = 1;
  for (let at = bytes.indexOf(10); at !== -1 && at < sample; at = bytes.indexOf(10, at + 1))
    lines++;
  return Math.min(1 << 22, Math.ceil((lines * bytes.length) / Math.max(1, sample)));
}

/** Block boundaries: each block ends just after a LF (or at the end of the file). */
function blocksOf(bytes: Buffer): BlockRequest[] {
  const out: BlockRequest[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + BLOCK_BYTES);
    if (end < bytes.length) {
      const nl = bytes.indexOf(10, end - 1);
      end = nl === -1 ? bytes.length : nl + 1;
    }
    out.push({ block: out.length, start, end });
    start = end;
  }
  return out;
}

function startWorker(init: WorkerInit): Worker {
  // Run from the esbuild bundle (scripts/cli-launch.mjs), this module is JavaScript and the
  // worker's bundle sits beside it; run through tsx (tests, `tsx scripts/cli.ts`), the worker needs
  // tsx's loader registered first.
  if (import.meta.url.endsWith('.js')) {
    return new Worker(new URL('./evaluate-worker.js', import.meta.url), { workerData: init });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./evaluate-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: init },
  );
}

/**
 * Evaluates an NDJSON case file on worker threads, writing result rows to `sink` in file order.
 * Null (nothing written) when the file needs the serial reader.
 *
 * @throws CaseFileError when the file cannot be read or is not text.
 */
export async function evaluateNdjsonParallel(
  path: string,
  mapping: ColumnMapping | undefined,
  asOfMs: number,
  sink: ResultSink,
): Promise<EvaluatedFile | null> {
  let workers: Worker[] = [];
  // A worker's first error (it may come before the blocks are sent).
  let failure: unknown = null;
  const startWorkers = (buffer: SharedArrayBuffer): void => {
    const init: WorkerInit = { buffer, mapping, asOfMs, maxRecordChars: MAX_RECORD_CHARS };
    workers = Array.from({ length: WORKERS }, () => {
      const w = startWorker(init);
      w.on('error', (e) => (failure ??= e));
      return w;
    });
  };
  try {
    // Files that will surely have enough blocks start the workers before the file is read and
    // checked: they load their code meanwhile (issue 17: ≈ 0.3–0.5 s before the first block at 1M).
    const bytes = readWhole(path, (buffer) => {
      if (buffer.byteLength >= (MIN_BLOCKS + 1) * BLOCK_BYTES) startWorkers(buffer);
    });
    try {
      checkText(bytes.subarray(0, SNIFF_BYTES));
    } catch (e) {
      if (e instanceof RecordFileError) throw new CaseFileError(e.message);
      throw e;
    }
    if (!plainUtf8Lines(bytes)) return null;
    const blocks = blocksOf(bytes);
    // Starting a worker (its own module graph) costs more than a few blocks of work.
    if (blocks.length < MIN_BLOCKS) return null;
    if (workers.length === 0) startWorkers(bytes.buffer as SharedArrayBuffer);
    const state = new Merger(sink, estimatedLines(bytes, blocks[0]!.end));
    await new Promise<void>((resolve, reject) => {
      if (failure !== null) {
        reject(failure);
        return;
      }
      let next = 0;
      const pending = new Map<number, BlockResult>();
      let expected = 0;
      let chain = Promise.resolve();
      const send = (w: Worker): void => {
        if (next < blocks.length) w.postMessage(blocks[next++]);
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (r: BlockResult) => {
          send(w);
          pending.set(r.block, r);
          // Merge strictly in block order; the sink may apply back-pressure.
          chain = chain.then(async () => {
            for (let b = pending.get(expected); b !== undefined; b = pending.get(expected)) {
              pending.delete(expected);
              expected++;
              await state.add(b);
            }
            if (expected === blocks.length) resolve();
          });
          chain.catch(reject);
        });
        for (let i = 0; i < IN_FLIGHT; i++) send(w);
      }
    });
    return state.result();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Folds the blocks, in file order, into what the serial path computes record by record. */
class Merger {
  private total = 0;
  private evaluated = 0;
  private baseLine = 0;
  private readonly rejected: CaseFileRejection[] = [];
  /** First record index of each accepted id (the duplicate check: the first one wins). */
  private readonly firstIndex: FirstIndexTable;
  /** Per record index (grown by doubling): its line, and where its id is (block, from, to). */
  private lineOf = new Int32Array(1 << 16);
  private idBlockOf = new Int32Array(1 << 16);
  private idFromOf = new Uint32Array(1 << 16);
  private idToOf = new Uint32Array(1 << 16);
  /** Each block's `idText`, by block number. */
  private readonly idTexts: string[] = [];
  /**
   * The department summary as counts: per department (in order of first accepted record), how
   * many accepted records had each summary code; summarizeByDepartment takes them as counted
   * items, so this thread never holds a million summary entries.
   */
  private readonly departmentOrder = new Map<string, number>();
  private readonly departmentNames: string[] = [];
  private readonly codeCounts: Float64Array[] = [];
  private readonly spans: [DayIndex, DayIndex][] = [];

  /** @param expected an estimate of the records in the file (to size the tables once) */
  constructor(
    private readonly sink: ResultSink,
    expected: number,
  ) {
    this.firstIndex = new FirstIndexTable((i) => this.idAt(i), expected);
  }

  private idAt(index: number): string {
    return this.idTexts[this.idBlockOf[index]!]!.slice(this.idFromOf[index], this.idToOf[index]);
  }

  /** Room for `count` more records in the per-index arrays. */
  private reserve(count: number): void {
    if (this.total + count <= this.lineOf.length) return;
    let size = this.lineOf.length;
    while (size < this.total + count) size *= 2;
    const grow = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.lineOf = grow(this.lineOf, (n) => new Int32Array(n));
    this.idBlockOf = grow(this.idBlockOf, (n) => new Int32Array(n));
    this.idFromOf = grow(this.idFromOf, (n) => new Uint32Array(n));
    this.idToOf = grow(this.idToOf, (n) => new Uint32Array(n));
  }

  private department(name: string): Float64Array {
    let d = this.departmentOrder.get(name);
    if (d === undefined) {
      d = this.departmentNames.length;
      this.departmentOrder.set(name, d);
      this.departmentNames.push(name);
      this.codeCounts.push(new Float64Array(128));
    }
    return this.codeCounts[d]!;
  }

  async add(b: BlockResult): Promise<void> {
    // A received batch has many properties: read each once, not per record (issue 17: per-record
    // property reads on the deserialised object were a large part of this thread's time).
    const {
      kind: kinds,
      line: lines,
      idEnds,
      idHashes,
      idText,
      code: codes,
      department,
      spans,
    } = b;
    const { starts, ends, departments, reasons, rows } = b;
    const count = kinds.length;
    let reason = 0;
    const out: Uint8Array[] = [];
    // Accepted rows are comma-separated in the block's bytes: runs of them go out as one view,
    // cut only where a duplicate id (known only here) drops a row.
    let runStart = -1;
    let runEnd = 0;
    const flushRun = (): void => {
      if (runStart >= 0) out.push(rows.subarray(runStart, runEnd));
      runStart = -1;
    };
    // The block's department indices → that department's counts, looked up once per block.
    const countsOf: (Float64Array | undefined)[] = new Array(departments.length);
    this.reserve(count);
    this.idTexts[b.block] = idText;
    let idStart = 0;
    for (let r = 0; r < count; r++) {
      const index = this.total++;
      const line = this.baseLine + lines[r]!;
      this.lineOf[index] = line;
      const kind = kinds[r]!;
      const idFrom = idStart;
      const idEnd = idEnds[r]!;
      idStart = idEnd;
      this.idBlockOf[index] = b.block;
      this.idFromOf[index] = idFrom;
      this.idToOf[index] = idEnd;
      if (kind === KIND_TOO_LONG) {
        this.rejected.push({
          index,
          id: null,
          reason: `第 ${line} 行过长 (line ${line} is too long)`,
        });
        continue;
      }
      if (kind === KIND_NOT_JSON) {
        this.rejected.push({
          index,
          id: null,
          reason: `第 ${line} 行不是有效的 JSON (line ${line} is not valid JSON)`,
        });
        continue;
      }
      if (kind === KIND_INVALID) {
        this.rejected.push({
          index,
          id: idEnd === idFrom ? null : this.idAt(index),
          reason: reasons[reason++]!,
        });
        continue;
      }
      if (kind !== KIND_OK || idEnd === idFrom) throw new Error('evaluate worker: bad record kind');
      const first = this.firstIndex.firstOrAdd(idHashes[r]!, index);
      if (first >= 0) {
        flushRun();
        const at = this.lineOf[first]!;
        this.rejected.push({
          index,
          id: this.idAt(index),
          reason: duplicateIdReason('办件编号', first, { zh: `文件第 ${at} 行`, en: `line ${at}` }),
        });
        continue;
      }
      this.evaluated++;
      const code = codes[r]!;
      const d = department[r]!;
      const counts = (countsOf[d] ??= this.department(departments[d]!));
      counts[code & 127]!++;
      if ((code & BIT_UNCOVERED) !== 0) {
        this.spans.push([spans[2 * r]! as DayIndex, spans[2 * r + 1]! as DayIndex]);
      }
      if (runStart < 0) runStart = starts[r]!;
      runEnd = ends[r]!;
    }
    flushRun();
    this.baseLine += b.lineCount;
    if (out.length > 0) await this.sink.rows(out);
  }

  result(): EvaluatedFile {
    const items: { departmentId: string; evaluation: SummaryFields; count: number }[] = [];
    this.departmentNames.forEach((departmentId, d) => {
      const counts = this.codeCounts[d]!;
      for (let code = 0; code < 128; code++) {
        const count = counts[code]!;
        if (count > 0) items.push({ departmentId, evaluation: SUMMARY_OF[code]!, count });
      }
    });
    return {
      total: this.total,
      evaluated: this.evaluated,
      rejected: this.rejected,
      departments: summarizeByDepartment(items),
      spans: this.spans,
    };
  }
}
