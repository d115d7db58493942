/**
 * The city's records in memory, kept in step with the store: loaded once at start, then updated
 * with every page a sync commits. Evaluation reads it instead of reading a million raw records
 * back from DuckDB after every sync; the store stays the durable copy (a restart loads from it).
 *
 * Records are handed to the domain core sorted by id, so the figures never depend on the order in
 * which records arrived (a restart and a long-running service compute the same thing).
 */
import { indexDataset, type IndexedDataset } from '../../src/engine/dataset';
import type { FeedResource } from '../../src/feeds/query-keys';
import type { CaseRecord } from '../../src/feeds/schemas/case';
import type { CaseEvent } from '../../src/feeds/schemas/case-event';
import type { Department } from '../../src/feeds/schemas/department';
import type { Evaluation } from '../../src/feeds/schemas/evaluation';
import type { ServiceItem } from '../../src/feeds/schemas/service-item';
import type { SupervisionTask } from '../../src/feeds/schemas/supervision-task';
import type { Database } from '../store/database';
import { SYNC_RESOURCES } from '../sync/resources';

class Table<T> {
  private readonly byId = new Map<string, T>();
  private sorted: T[] | null = [];

  /** `touched` hears of every record put, with the one it replaced. */
  constructor(private readonly touched?: (record: T, replaced: T | undefined) => void) {}

  put(id: string, record: T): void {
    const replaced = this.touched === undefined ? undefined : this.byId.get(id);
    this.byId.set(id, record);
    this.sorted = null;
    this.touched?.(record, replaced);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** Records sorted by id (code-unit order), rebuilt only after a change. */
  list(): T[] {
    if (this.sorted === null) {
      const ids = [...this.byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sorted = ids.map((id) => this.byId.get(id) as T);
    }
    return this.sorted;
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
  readonly departments = new Table<Department>();
  readonly items = new Table<ServiceItem>();
  readonly cases = new Table<CaseRecord>((c) => this.touch(c.id));
  readonly caseEvents = new Table<CaseEvent>((e, replaced) => {
    e.caseId = this.sharedCaseId(e.caseId);
    this.touch(e.caseId);
    // A step record moved to another case changes both.
    if (replaced !== undefined && replaced.caseId !== e.caseId) this.touch(replaced.caseId);
  });
  readonly evaluations = new Table<Evaluation>((v) => {
    v.caseId = this.sharedCaseId(v.caseId);
  });
  readonly tasks = new Table<SupervisionTask>();
  /** Stored records that failed re-validation when loaded. */
  invalidStored = 0;
  private indexed: IndexedDataset | null = null;

  /**
   * The case's own id string for a step record's or an evaluation's `caseId`: each parsed record
   * brings its own copy of the text (≈ 40 B), and a city has ≈ 4 of them per case (≈ 180 MB per
   * million cases, issue 17). Equal text, so nothing reads a different value.
   */
  private sharedCaseId(caseId: string): string {
    return this.cases.get(caseId)?.id ?? caseId;
  }

  /** Called after a record was committed to the store. */
  changed(): void {
    this.indexed = null;
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

  /** The dataset with its joins, rebuilt only after a change. */
  dataset(): IndexedDataset {
    if (this.indexed === null) {
      this.indexed = indexDataset({
        departments: this.departments.list(),
        items: this.items.list(),
        cases: this.cases.list(),
        caseEvents: this.caseEvents.list(),
        evaluations: this.evaluations.list(),
        tasks: this.tasks.list(),
      });
    }
    return this.indexed;
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
