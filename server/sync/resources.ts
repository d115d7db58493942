/**
 * The feed resources the service syncs, each with the boundary validator it shares with the CLI
 * and file import, how to read a record's identity and last change, and where a validated record
 * goes in the live dataset. Each spec is built by one generic helper, so the record type stays
 * known from the parser to the table without a cast.
 */
import type { FeedResource } from '../../src/feeds/query-keys';
import type { RecordOutcome, RecordParser } from '../../src/feeds/result';
import { parseCase } from '../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseEvaluation } from '../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../src/feeds/schemas/supervision-task';
import type { LiveDataset } from '../jobs/live-dataset';

/** A validated feed record, ready to be stored and put into the live dataset. */
export interface SyncedRecord {
  id: string;
  /** Epoch ms of the record's last change at the source. */
  updatedAt: number;
  putInto(live: LiveDataset): void;
}

export interface ResourceSpec {
  resource: FeedResource;
  parse(raw: unknown): RecordOutcome<SyncedRecord>;
}

interface Table<T> {
  put(id: string, record: T): void;
}

/**
 * A validated record with the table it goes to. A class, not an object with a closure per record:
 * the service runs under tsx, whose transform names every closure as it is made (≈ 2 s of a 1M
 * cold sync's main thread, issue 17).
 */
class Validated<T> implements SyncedRecord {
  constructor(
    readonly id: string,
    readonly updatedAt: number,
    private readonly record: T,
    private readonly table: (live: LiveDataset) => Table<T>,
  ) {}

  putInto(live: LiveDataset): void {
    this.table(live).put(this.id, this.record);
  }
}

function spec<T extends { updatedAt: number }>(
  resource: FeedResource,
  parse: RecordParser<T>,
  idOf: (record: T) => string,
  table: (live: LiveDataset) => Table<T>,
): ResourceSpec {
  return {
    resource,
    parse(raw) {
      const o = parse(raw);
      if (!o.ok) return o;
      const record = o.value;
      return { ok: true, value: new Validated(idOf(record), record.updatedAt, record, table) };
    },
  };
}

/** In load order: reference data first. */
export const SYNC_RESOURCES: readonly ResourceSpec[] = [
  spec(
    'departments',
    parseDepartment,
    (r) => r.id,
    (l) => l.departments,
  ),
  spec(
    'items',
    parseServiceItem,
    (r) => r.code,
    (l) => l.items,
  ),
  spec(
    'cases',
    parseCase,
    (r) => r.id,
    (l) => l.cases,
  ),
  spec(
    'case-events',
    parseCaseEvent,
    (r) => r.id,
    (l) => l.caseEvents,
  ),
  spec(
    'evaluations',
    parseEvaluation,
    (r) => r.id,
    (l) => l.evaluations,
  ),
  spec(
    'tasks',
    parseSupervisionTask,
    (r) => r.id,
    (l) => l.tasks,
  ),
];
