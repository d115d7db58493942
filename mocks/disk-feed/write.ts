/**
 * Writes the demo city to disk for the disk-backed feed (./server.ts): the city is generated case
 * by case (never held whole), every record is serialised once — `JSON.stringify` of the very object
 * the in-memory feed serves — and appended to its resource's file followed by a comma, so the
 * bytes of consecutive records are already a page's `items` joined. Only compact indexes stay in
 * memory: per record its byte offset, `updatedAt`, main day (for `from`/`to`) and department.
 * Large cities are encoded on worker threads (./disk-feed-worker.ts), a block of cases at a
 * time, and written here in block order.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FeedResource } from '../../src/feeds/query-keys';
import { createDemoCity } from '../demo-city';
import { FEED_RESOURCES } from '../feed-server';
import { ChunkedArray } from './chunked';
import {
  departmentCodes,
  encodeCases,
  RecordEncoder,
  type EncodedCaseBlock,
  type EncodedRecords,
} from './encode';
import type { BlockAnswer, BlockRequest, WorkerInit } from './protocol';

/** One resource on disk and its per-record indexes (record i = bytes offsets[i]..offsets[i+1]-1). */
export interface DiskResource {
  path: string;
  count: number;
  /** count + 1 entries: where each record starts; the last is the file's length. */
  offsets: ChunkedArray<Float64Array>;
  updatedAt: ChunkedArray<Float64Array>;
  /** Civil day of the main date, or null when the resource has no `from`/`to` date. */
  mainDay: ChunkedArray<Int32Array> | null;
  /** Code of the record's (first) department, see {@link DiskCity.departmentCodes}. */
  department: ChunkedArray<Uint16Array>;
  /** The further departments of the few records in more than one (departments, tasks). */
  moreDepartments: Map<number, number[]>;
}

export interface DiskCity {
  dir: string;
  serverTime: string;
  caseCount: number;
  resources: Map<FeedResource, DiskResource>;
  /** Department id → the code stored per record (its position in the city's list). */
  departmentCodes: Map<string, number>;
  /** Bytes written over all files. */
  bytes: number;
  /** Bytes of the in-memory indexes. */
  indexBytes: number;
  /** Deletes the files (the directory too when it was created here). */
  remove(): void;
}

export interface DiskCityOptions extends WorkerInit {
  /** Where the files go (default: a new directory under os.tmpdir()). */
  dir?: string;
  /** Worker threads encoding cases (default: 2 from {@link WORKER_THRESHOLD} cases, else none). */
  workers?: number;
  /** Called every 100k cases with the number done. */
  onProgress?: (done: number) => void;
}

/** From this many cases, encoding runs on two worker threads (starting them costs ≈ 1 s). */
export const WORKER_THRESHOLD = 200_000;

/** Cases per block: big enough to amortise a message, small enough to keep both threads busy. */
const BLOCK_CASES = 10_000;

/** Blocks in flight per worker, so a worker never waits for the writing thread. */
const QUEUED_PER_WORKER = 3;

class ResourceWriter {
  readonly index: DiskResource;
  private readonly fd: number;
  private written = 0;

  constructor(dir: string, resource: FeedResource, hasMainDay: boolean) {
    const path = join(dir, `${resource}.jsonl`);
    this.fd = openSync(path, 'w');
    this.index = {
      path,
      count: 0,
      offsets: new ChunkedArray((n) => new Float64Array(n)),
      updatedAt: new ChunkedArray((n) => new Float64Array(n)),
      mainDay: hasMainDay ? new ChunkedArray((n) => new Int32Array(n)) : null,
      department: new ChunkedArray((n) => new Uint16Array(n)),
      moreDepartments: new Map(),
    };
  }

  append(records: EncodedRecords): void {
    const ix = this.index;
    for (const [k, codes] of records.more) ix.moreDepartments.set(ix.count + k, codes);
    for (let k = 0; k < records.lengths.length; k++) {
      ix.offsets.push(this.written);
      this.written += records.lengths[k] ?? 0;
      ix.updatedAt.push(records.updatedAt[k] ?? Number.NaN);
      ix.mainDay?.push(records.mainDay[k] ?? 0);
      ix.department.push(records.department[k] ?? 0);
    }
    ix.count += records.lengths.length;
    for (let at = 0; at < records.bytes.length;)
      at += writeSync(this.fd, records.bytes, at, records.bytes.length - at);
  }

  finish(): number {
    closeSync(this.fd);
    this.index.offsets.push(this.written);
    return this.written;
  }

  /** Closes the file after a failure. */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

/** Which resources have a main date for `from`/`to` (as in mocks/feed-server.ts). */
const HAS_MAIN_DAY: Record<FeedResource, boolean> = {
  departments: false,
  items: false,
  cases: true,
  'case-events': true,
  evaluations: true,
  tasks: true,
};

function startWorker(init: WorkerInit): Worker {
  // Run from the CLI's esbuild bundle (scripts/cli-launch.mjs), this module is JavaScript and the
  // worker's bundle sits beside it; run through tsx (tests, `tsx scripts/cli.ts`), the worker
  // needs tsx's loader registered first.
  if (import.meta.url.endsWith('.js')) {
    return new Worker(new URL('./disk-feed-worker.js', import.meta.url), { workerData: init });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./disk-feed-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: init },
  );
}

/** Encodes blocks of cases on worker threads, handing them to `write` in case order. */
async function encodeOnWorkers(
  init: WorkerInit,
  workers: number,
  write: (block: EncodedCaseBlock, casesDone: number) => void,
): Promise<void> {
  const requests: BlockRequest[] = [];
  for (let n = 0, from = 0; from < init.cases; n++, from += BLOCK_CASES)
    requests.push({ n, from, to: Math.min(init.cases, from + BLOCK_CASES) });
  const threads = Array.from({ length: Math.min(workers, requests.length) }, () =>
    startWorker(init),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const early = new Map<number, EncodedCaseBlock>();
      let next = 0; // the block to write next
      let sent = 0;
      const send = (w: Worker): void => {
        const request = requests[sent];
        if (request === undefined) return;
        sent++;
        w.postMessage(request);
      };
      for (const w of threads) {
        // Our own thread's answer (./disk-feed-worker.ts), typed by ./protocol.ts.
        w.on('message', (answer: BlockAnswer) => {
          early.set(answer.n, answer.block);
          try {
            for (let block = early.get(next); block !== undefined; block = early.get(next)) {
              early.delete(next);
              write(block, requests[next]?.to ?? init.cases);
              next++;
            }
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          send(w);
          if (next === requests.length) resolve();
        });
        w.on('error', reject);
        for (let q = 0; q < QUEUED_PER_WORKER; q++) send(w);
      }
      if (requests.length === 0) resolve();
    });
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
}

/**
 * Generates the city onto disk. The record order per resource is generateDemoCity's: city-level
 * departments, items and tasks as built; cases in position order, each case's events in turn,
 * the evaluations of the cases that have one in case order.
 */
export async function writeDiskCity(options: DiskCityOptions): Promise<DiskCity> {
  const own = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'demo-feed-'));
  const writers = new Map<FeedResource, ResourceWriter>(
    FEED_RESOURCES.map((r) => [r, new ResourceWriter(dir, r, HAS_MAIN_DAY[r])]),
  );
  const writer = (r: FeedResource): ResourceWriter => {
    const w = writers.get(r);
    if (w === undefined) throw new Error(`no writer for ${r}`);
    return w;
  };
  try {
    const init: WorkerInit = { seed: options.seed, cases: options.cases, asOf: options.asOf };
    const city = createDemoCity(init);
    const codes = departmentCodes(city);
    const encoder = (): RecordEncoder => new RecordEncoder(codes);
    const departments = encoder();
    for (const d of city.departments)
      departments.add(d, d.updatedAt, null, d.parentId === null ? [d.id] : [d.id, d.parentId]);
    writer('departments').append(departments.finish());
    const items = encoder();
    for (const item of city.items) items.add(item, item.updatedAt, null, [item.departmentId]);
    writer('items').append(items.finish());
    const tasks = encoder();
    for (const t of city.tasks)
      tasks.add(t, t.updatedAt, t.assignedAt, [t.leadDepartmentId, ...t.coDepartmentIds]);
    writer('tasks').append(tasks.finish());

    let reported = 0;
    const write = (block: EncodedCaseBlock, casesDone: number): void => {
      writer('cases').append(block.cases);
      writer('case-events').append(block['case-events']);
      writer('evaluations').append(block.evaluations);
      if (casesDone - reported >= 100_000 || casesDone === init.cases) {
        reported = casesDone;
        options.onProgress?.(casesDone);
      }
    };
    const workers = options.workers ?? (init.cases >= WORKER_THRESHOLD ? 2 : 0);
    if (workers > 0) await encodeOnWorkers(init, workers, write);
    else
      for (let from = 0; from < init.cases; from += BLOCK_CASES) {
        const to = Math.min(init.cases, from + BLOCK_CASES);
        write(encodeCases(city.cases(from, to), codes), to);
      }

    let bytes = 0;
    let indexBytes = 0;
    const resources = new Map<FeedResource, DiskResource>();
    for (const [r, w] of writers) {
      bytes += w.finish();
      const ix = w.index;
      indexBytes +=
        ix.offsets.bytes + ix.updatedAt.bytes + (ix.mainDay?.bytes ?? 0) + ix.department.bytes;
      resources.set(r, ix);
    }
    return {
      dir,
      serverTime: city.serverTime,
      caseCount: city.caseCount,
      resources,
      departmentCodes: codes,
      bytes,
      indexBytes,
      remove: () => {
        if (own) rmSync(dir, { recursive: true, force: true });
        else for (const ix of resources.values()) rmSync(ix.path, { force: true });
      },
    };
  } catch (error) {
    for (const w of writers.values()) w.abandon();
    if (own) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
