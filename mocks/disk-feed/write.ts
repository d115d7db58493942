/**
 * Writes the demo city to disk for the disk-backed feed (./server.ts): the city is generated case
 * by case (never held whole), every record is serialised once — `JSON.stringify` of the very object
 * the in-memory feed serves — and appended to its resource's file followed by a comma, so the
 * bytes of consecutive records are already a page's `items` joined. Only compact indexes stay in
 * memory: per record its byte offset, `updatedAt`, main day (for `from`/`to`) and department.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shanghaiDayOf } from '../../src/domain/calendar/day';
import { parseInstant } from '../../src/domain/time-limit/instant';
import type { FeedResource } from '../../src/feeds/query-keys';
import { createDemoCity, type DemoCityOptions } from '../demo-city';
import { FEED_RESOURCES } from '../feed-server';
import { ChunkedArray } from './chunked';

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
  /** Department id → the code stored per record. */
  departmentCodes: Map<string, number>;
  /** Bytes written over all files. */
  bytes: number;
  /** Bytes of the in-memory indexes. */
  indexBytes: number;
  /** Deletes the files (the directory too when it was created here). */
  remove(): void;
}

export interface DiskCityOptions extends DemoCityOptions {
  /** Where the files go (default: a new directory under os.tmpdir()). */
  dir?: string;
  /** Called every 100k cases with the number done. */
  onProgress?: (done: number) => void;
}

/** Flush a resource's pending text once it holds this many characters. */
const FLUSH_CHARS = 4 * 1024 * 1024;

class ResourceWriter {
  readonly index: DiskResource;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;
  private written = 0;

  constructor(
    dir: string,
    resource: FeedResource,
    hasMainDay: boolean,
    private readonly codes: Map<string, number>,
  ) {
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

  private code(department: string): number {
    let code = this.codes.get(department);
    if (code === undefined) {
      code = this.codes.size;
      if (code > 0xffff) throw new RangeError('more than 65,536 departments');
      this.codes.set(department, code);
    }
    return code;
  }

  /** Appends a record; `departments` and the dates are what the in-memory feed filters on. */
  add(
    record: object,
    updatedAt: string,
    mainDate: string | null,
    departments: readonly string[],
  ): void {
    const text = JSON.stringify(record);
    const ix = this.index;
    ix.offsets.push(this.written);
    // Plus the comma that follows every record.
    this.written += Buffer.byteLength(text) + 1;
    ix.updatedAt.push(parseInstant(updatedAt) ?? Number.NaN);
    // NaN stored in an Int32Array is 0, as in the in-memory feed's Int32Array.from.
    ix.mainDay?.push(shanghaiDayOf(mainDate === null ? Number.NaN : (parseInstant(mainDate) ?? Number.NaN)));
    ix.department.push(this.code(departments[0] ?? ''));
    if (departments.length > 1)
      ix.moreDepartments.set(ix.count, departments.slice(1).map((d) => this.code(d)));
    ix.count++;
    this.pending.push(text, ',');
    this.pendingChars += text.length + 1;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  finish(): number {
    this.flush();
    closeSync(this.fd);
    this.index.offsets.push(this.written);
    return this.written;
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

/**
 * Generates the city onto disk. The record order per resource is generateDemoCity's: city-level
 * departments, items and tasks as built; cases in index order, each case's events in turn, the
 * evaluations of the cases that have one in case order.
 */
export function writeDiskCity(options: DiskCityOptions): DiskCity {
  const own = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'demo-feed-'));
  const codes = new Map<string, number>();
  const writers = new Map<FeedResource, ResourceWriter>(
    FEED_RESOURCES.map((r) => [r, new ResourceWriter(dir, r, HAS_MAIN_DAY[r], codes)]),
  );
  const writer = (r: FeedResource): ResourceWriter => {
    const w = writers.get(r);
    if (w === undefined) throw new Error(`no writer for ${r}`);
    return w;
  };
  try {
    const city = createDemoCity(options);
    const departments = writer('departments');
    for (const d of city.departments)
      departments.add(d, d.updatedAt, null, d.parentId === null ? [d.id] : [d.id, d.parentId]);
    const items = writer('items');
    for (const item of city.items) items.add(item, item.updatedAt, null, [item.departmentId]);
    const tasks = writer('tasks');
    for (const t of city.tasks)
      tasks.add(t, t.updatedAt, t.assignedAt, [t.leadDepartmentId, ...t.coDepartmentIds]);
    const cases = writer('cases');
    const events = writer('case-events');
    const evaluations = writer('evaluations');
    let done = 0;
    for (const bundle of city.cases()) {
      const c = bundle.case;
      cases.add(c, c.updatedAt, c.acceptedAt, [c.departmentId]);
      for (const e of bundle.events) events.add(e, e.updatedAt, e.enteredAt, [e.departmentId]);
      // An evaluation belongs to the department of its case.
      const ev = bundle.evaluation;
      if (ev !== null) evaluations.add(ev, ev.updatedAt, ev.at, [c.departmentId]);
      if (++done % 100_000 === 0) options.onProgress?.(done);
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
    if (own) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
