/**
 * The city's records in memory, kept in step with the store: loaded once at start, then updated
 * with every page a sync commits. Evaluation reads it instead of reading a million raw records
 * back from DuckDB after every sync; the store stays the durable copy (a restart loads from it).
 *
 * Records are handed to the domain core sorted by id, so the figures never depend on the order in
 * which records arrived (a restart and a long-running service compute the same thing).
 */
import { indexDataset, reindexDataset, type IndexedDataset } from '../../src/engine/dataset';
import type { FeedResource } from '../../src/feeds/query-keys';
import type { CaseRecord } from '../../src/feeds/schemas/case';
import type { CaseEvent } from '../../src/feeds/schemas/case-event';
import type { Department } from '../../src/feeds/schemas/department';
import type { Evaluation } from '../../src/feeds/schemas/evaluation';
import type { ServiceItem } from '../../src/feeds/schemas/service-item';
import type { SupervisionTask } from '../../src/feeds/schemas/supervision-task';
import type { Database } from '../store/database';
import { SYNC_RESOURCES } from '../sync/resources';

/** Code-unit order of ids: the order every table hands its records to the domain core in. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One resource's records by id. Each id keeps its slot; the slots' order by id is kept from one
 * `list()` to the next — ids new since are sorted among themselves and merged in, a replaced
 * record just changes its slot — so a listing after 10k changes of 3.8M records costs a copy,
 * not a sort of every id (issue 17).
 */
class Table<T> {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly records: T[] = [];
  /** Slots ordered by id, as of the last `list()`. */
  private order = new Int32Array(0);
  /** Slots added since the last `list()`. */
  private added: number[] = [];
  private sorted: T[] | null = [];

  /** `touched` hears of every record put, with the one it replaced. */
  constructor(private readonly touched?: (record: T, replaced: T | undefined) => void) {}

  put(id: string, record: T): void {
    const slot = this.slotOf.get(id);
    let replaced: T | undefined;
    if (slot === undefined) {
      this.slotOf.set(id, this.records.length);
      this.added.push(this.records.length);
      this.ids.push(id);
      this.records.push(record);
    } else {
      replaced = this.records[slot];
      this.records[slot] = record;
    }
    this.sorted = null;
    this.touched?.(record, replaced);
  }

  get size(): number {
    return this.records.length;
  }

  /** Records sorted by id (code-unit order); a new array after each change. */
  list(): T[] {
    if (this.sorted === null) {
      if (this.added.length > 0) this.mergeAdded();
      const out = new Array<T>(this.order.length);
      for (let i = 0; i < out.length; i++) out[i] = this.records[this.order[i]!]!;
      this.sorted = out;
    }
    return this.sorted;
  }

  /** Sorts the new slots by id and merges them into `order` (binary search, block copies). */
  private mergeAdded(): void {
    const ids = this.ids;
    const added = this.added.sort((a, b) => compareIds(ids[a]!, ids[b]!));
    this.added = [];
    const old = this.order;
    const merged = new Int32Array(old.length + added.length);
    let from = 0;
    let to = 0;
    for (const slot of added) {
      // First old position whose id sorts after the new one (ids are unique).
      let lo = from;
      let hi = old.length;
      const id = ids[slot]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareIds(ids[old[mid]!]!, id) < 0) lo = mid + 1;
        else hi = mid;
      }
      merged.set(old.subarray(from, lo), to);
      to += lo - from;
      from = lo;
      merged[to++] = slot;
    }
    merged.set(old.subarray(from), to);
    this.order = merged;
  }
}

export class LiveDataset {
  /**
   * Ids of the cases whose record or steps changed since `takeChangedCases` (a re-evaluation
   * evaluates those again and reuses the rest). Not kept while loading from the store.
   */
  private changedCases = new Set<string>();
  private tracking = false;
  private readonly touch = (caseId: string): void => {
    if (this.tracking) this.changedCases.add(caseId);
  };
  /**
   * Case ids whose joins (steps, evaluations by case) changed since the last `dataset()`: only
   * those cases are grouped again. Not kept before the first `dataset()` (it groups everything).
   */
  private stepCases = new Set<string>();
  private evaluationCases = new Set<string>();
  readonly departments = new Table<Department>();
  readonly items = new Table<ServiceItem>();
  readonly cases = new Table<CaseRecord>((c) => this.touch(c.id));
  readonly caseEvents = new Table<CaseEvent>((e, replaced) => {
    this.touch(e.caseId);
    // A step record moved to another case changes both.
    if (replaced !== undefined && replaced.caseId !== e.caseId) this.touch(replaced.caseId);
    if (this.joined !== null) {
      this.stepCases.add(e.caseId);
      if (replaced !== undefined) this.stepCases.add(replaced.caseId);
    }
  });
  readonly evaluations = new Table<Evaluation>((ev, replaced) => {
    if (this.joined !== null) {
      this.evaluationCases.add(ev.caseId);
      if (replaced !== undefined) this.evaluationCases.add(replaced.caseId);
    }
  });
  readonly tasks = new Table<SupervisionTask>();
  /** Stored records that failed re-validation when loaded. */
  invalidStored = 0;
  /** The last dataset built, and whether records were committed since. */
  private joined: IndexedDataset | null = null;
  private stale = true;

  /** Called after a record was committed to the store. */
  changed(): void {
    this.stale = true;
  }

  /** The changed case ids, and a fresh set for the changes to come. */
  takeChangedCases(): Set<string> {
    const taken = this.changedCases;
    this.changedCases = new Set();
    return taken;
  }

  /** Gives back ids taken by an evaluation that did not complete. */
  restoreChangedCases(ids: Iterable<string>): void {
    for (const id of ids) this.changedCases.add(id);
  }

  /**
   * The dataset with its joins, rebuilt only after a change: the first time from scratch, then
   * regrouping only the cases whose step records or evaluations changed.
   */
  dataset(): IndexedDataset {
    if (this.joined === null || this.stale) {
      const ds = {
        departments: this.departments.list(),
        items: this.items.list(),
        cases: this.cases.list(),
        caseEvents: this.caseEvents.list(),
        evaluations: this.evaluations.list(),
        tasks: this.tasks.list(),
      };
      this.joined =
        this.joined === null
          ? indexDataset(ds)
          : reindexDataset(this.joined, ds, {
              stepCases: this.stepCases,
              evaluationCases: this.evaluationCases,
            });
      this.stepCases = new Set();
      this.evaluationCases = new Set();
      this.stale = false;
    }
    return this.joined;
  }

  /**
   * Reads a source's raw records from the store (the latest version of each id in the log),
   * re-validated by the boundary parsers. The log holds one row per id after every completed sync;
   * the few ids with older versions still in it (a pass cut short) are found first by one
   * aggregate, and only their latest version is taken.
   */
  static async load(db: Database, source: string): Promise<LiveDataset> {
    const live = new LiveDataset();
    for (const spec of SYNC_RESOURCES) {
      const params = [source, spec.resource];
      const latest = new Map<string, number>();
      for (const r of await db.all(
        `SELECT id, max(seq)::DOUBLE AS seq FROM raw_log WHERE source = $1 AND resource = $2
           GROUP BY id HAVING count(*) > 1`,
        params,
      ))
        latest.set(String(r['id']), Number(r['seq']));
      const sql =
        latest.size === 0
          ? 'SELECT body FROM raw_log WHERE source = $1 AND resource = $2'
          : 'SELECT body, id, seq::DOUBLE FROM raw_log WHERE source = $1 AND resource = $2';
      for await (const [bodies = [], ids = [], seqs = []] of db.streamColumns(sql, params)) {
        for (let i = 0; i < bodies.length; i++) {
          if (latest.size > 0) {
            const newest = latest.get(String(ids[i]));
            if (newest !== undefined && newest !== seqs[i]) continue;
          }
          let raw: unknown;
          try {
            raw = JSON.parse(String(bodies[i]));
          } catch {
            live.invalidStored++;
            continue;
          }
          const o = spec.parse(raw);
          if (o.ok) o.value.putInto(live);
          else live.invalidStored++;
        }
      }
    }
    live.tracking = true;
    return live;
  }
}

export type { FeedResource };
