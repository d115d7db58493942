/**
 * Records serialised for the disk-backed feed, a block at a time: the bytes of every record
 * (`JSON.stringify` of the object the in-memory feed serves, each followed by a comma) and, per
 * record, what the feed filters on. Plain data (typed arrays), so a block encoded on a worker
 * thread (./disk-feed-worker.ts) moves to the writing thread without copying.
 */
import { shanghaiDayOf } from '../../src/domain/calendar/day';
import { parseInstant } from '../../src/domain/time-limit/instant';
import type { FeedResource } from '../../src/feeds/query-keys';
import type { CaseBundle, DemoCity } from '../demo-city';

export interface EncodedRecords {
  /** UTF-8 of the records, each followed by a comma. */
  bytes: Uint8Array;
  /** Byte length of each record with its comma. */
  lengths: Uint32Array;
  updatedAt: Float64Array;
  /** Civil day of the main date (0 where the resource has none, as NaN becomes in an Int32Array). */
  mainDay: Int32Array;
  /** Code of the record's first department. */
  department: Uint16Array;
  /** [record position in this block, codes of its further departments] for the few with several. */
  more: [number, number[]][];
}

/** Department codes: the position of the department in the city's list (the same on every thread). */
export function departmentCodes(city: Pick<DemoCity, 'departments'>): Map<string, number> {
  return new Map(city.departments.map((d, i) => [d.id, i]));
}

export class RecordEncoder {
  private texts: string[] = [];
  private lengths: number[] = [];
  private updatedAt: number[] = [];
  private mainDay: number[] = [];
  private department: number[] = [];
  private more: [number, number[]][] = [];

  constructor(private readonly codes: ReadonlyMap<string, number>) {}

  private code(id: string): number {
    const code = this.codes.get(id);
    // The demo city only refers to its own departments; anything else is a generator bug.
    if (code === undefined) throw new Error(`unknown department ${id} in the demo city`);
    return code;
  }

  /** Adds a record; `departments` and the dates are what the in-memory feed filters on. */
  add(
    record: object,
    updatedAt: string,
    mainDate: string | null,
    departments: readonly string[],
  ): void {
    const text = JSON.stringify(record);
    this.lengths.push(Buffer.byteLength(text) + 1);
    this.texts.push(text, ',');
    this.updatedAt.push(parseInstant(updatedAt) ?? Number.NaN);
    this.mainDay.push(
      shanghaiDayOf(mainDate === null ? Number.NaN : (parseInstant(mainDate) ?? Number.NaN)),
    );
    this.department.push(this.code(departments[0] ?? ''));
    if (departments.length > 1)
      this.more.push([this.lengths.length - 1, departments.slice(1).map((d) => this.code(d))]);
  }

  finish(): EncodedRecords {
    return {
      bytes: new TextEncoder().encode(this.texts.join('')),
      lengths: Uint32Array.from(this.lengths),
      updatedAt: Float64Array.from(this.updatedAt),
      mainDay: Int32Array.from(this.mainDay),
      department: Uint16Array.from(this.department),
      more: this.more,
    };
  }
}

/** The resources a block of cases fills. */
export type CaseResource = Extract<FeedResource, 'cases' | 'case-events' | 'evaluations'>;
export type EncodedCaseBlock = Record<CaseResource, EncodedRecords>;

/** Encodes cases with their step records and evaluations, in generateDemoCity's order. */
export function encodeCases(
  bundles: Iterable<CaseBundle>,
  codes: ReadonlyMap<string, number>,
): EncodedCaseBlock {
  const cases = new RecordEncoder(codes);
  const events = new RecordEncoder(codes);
  const evaluations = new RecordEncoder(codes);
  for (const { case: c, events: steps, evaluation: ev } of bundles) {
    cases.add(c, c.updatedAt, c.acceptedAt, [c.departmentId]);
    for (const e of steps) events.add(e, e.updatedAt, e.enteredAt, [e.departmentId]);
    // An evaluation belongs to the department of its case.
    if (ev !== null) evaluations.add(ev, ev.updatedAt, ev.at, [c.departmentId]);
  }
  return {
    cases: cases.finish(),
    'case-events': events.finish(),
    evaluations: evaluations.finish(),
  };
}

/** The buffers of a block, to transfer them to another thread instead of copying. */
export function transferList(block: EncodedCaseBlock): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const r of Object.values(block)) {
    for (const a of [r.bytes, r.lengths, r.updatedAt, r.mainDay, r.department]) {
      if (a.buffer instanceof ArrayBuffer) out.push(a.buffer);
    }
  }
  return out;
}
