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
import { ShardedMap } from './sharded-map';

/** Code-unit order of ids: the order every table hands its records to the domain core in. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One resource's records by id. The id-sorted list handed out last is kept: the next one is a copy
 * with the replaced records swapped in (found by binary search) and the ids new since sorted
 * among themselves and merged in — after 10k changes of 3.8M records a copy, not a sort of every
 * id (issue 17), and no index beside the map and the list.
 */
class Table<T> {
  private readonly byId = new ShardedMap<T>();
  /** Sorted by id; never changed once handed out (an earlier dataset may still be answering). */
  private sorted: T[] = [];
  private fresh = true;
  /**
   * Records new since `sorted` was built (the first record put under each new id: a later one is
   * in `replaced`), and the ids replaced since. The records themselves, not their ids: a lookup
   * per new record was ≈ 3 s of a 1M cold sync's main thread (issue 17, CPU profile).
   */
  private added: T[] = [];
  private replaced: string[] = [];

  /**
   * @param idOf - the record's id, as `put` is given it
   * @param touched - hears of every record put, with the one it replaced
   */
  constructor(
    private readonly idOf: (record: T) => string,
    private readonly touched?: (record: T, replaced: T | undefined) => void,
  ) {}

  put(id: string, record: T): void {
    const replaced = this.byId.get(id);
    this.byId.set(id, record);
    if (replaced === undefined) this.added.push(record);
    else this.replaced.push(id);
    this.fresh = false;
    this.touched?.(record, replaced);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** Records sorted by id (code-unit order), a new array after each change. */
  list(): T[] {
    if (this.fresh) return this.sorted;
    const next = this.added.length > 0 ? this.mergeAdded() : this.sorted.slice();
    // A replaced id added since is already merged with its latest record.
    for (const id of this.replaced) {
      const at = this.positionOf(next, id);
      if (at >= 0) next[at] = this.byId.get(id)!;
    }
    this.replaced = [];
    this.sorted = next;
    this.fresh = true;
    return next;
  }

  /**
   * The last list with the new records merged in at their places (a new id put again since is in
   * `replaced`, which swaps its latest record in after this).
   */
  private mergeAdded(): T[] {
    const added = this.added.sort((a, b) => compareIds(this.idOf(a), this.idOf(b)));
    this.added = [];
    const old = this.sorted;
    const merged = new Array<T>(old.length + added.length);
    let from = 0;
    let to = 0;
    for (const record of added) {
      const at = this.insertionPoint(old, this.idOf(record), from);
      while (from < at) merged[to++] = old[from++]!;
      merged[to++] = record;
    }
    while (from < old.length) merged[to++] = old[from++]!;
    return merged;
  }

  /** First position at or after `from` whose record's id sorts after `id`. */
  private insertionPoint(list: readonly T[], id: string, from: number): number {
    let lo = from;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(this.idOf(list[mid]!), id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of the record with this id, or −1. */
  private positionOf(list: readonly T[], id: string): number {
    const at = this.insertionPoint(list, id, 0) - 1;
    return at >= 0 && this.idOf(list[at]!) === id ? at : -1;
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
  readonly departments = new Table<Department>((d) => d.id);
  readonly items = new Table<ServiceItem>((i) => i.code);
  readonly cases = new Table<CaseRecord>(
    (c) => c.id,
    (c) => this.touch(c.id),
  );
  readonly caseEvents = new Table<CaseEvent>(
    (e) => e.id,
    (e, replaced) => {
      e.caseId = this.sharedCaseId(e.caseId);
      this.touch(e.caseId);
      // A step record moved to another case changes both.
      if (replaced !== undefined && replaced.caseId !== e.caseId) this.touch(replaced.caseId);
      if (this.joined !== null) {
        this.stepCases.add(e.caseId);
        if (replaced !== undefined) this.stepCases.add(replaced.caseId);
      }
    },
  );
  readonly evaluations = new Table<Evaluation>(
    (ev) => ev.id,
    (ev, replaced) => {
      ev.caseId = this.sharedCaseId(ev.caseId);
      if (this.joined !== null) {
        this.evaluationCases.add(ev.caseId);
        if (replaced !== undefined) this.evaluationCases.add(replaced.caseId);
      }
    },
  );
  readonly tasks = new Table<SupervisionTask>((t) => t.id);
  /** Stored records that failed re-validation when loaded. */
  invalidStored = 0;
  /** The last dataset built, and whether records were committed since. */
  private joined: IndexedDataset | null = null;
  private stale = true;

  /**
   * The case's own id string for a step record's or an evaluation's `caseId`: each parsed record
   * brings its own copy of the text (≈ 40 B), and a city has ≈ 4 of them per case (≈ 180 MB per
   * million cases, issue 17). Equal text, so nothing reads a different value.
   */
  private sharedCaseId(caseId: string): string {
    return this.cases.get(caseId)?.id ?? caseId;
  }

  /** Records held, over every table. */
  recordCount(): number {
    return (
      this.departments.size +
      this.items.size +
      this.cases.size +
      this.caseEvents.size +
      this.evaluations.size +
      this.tasks.size
    );
  }

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
