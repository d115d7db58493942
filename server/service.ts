/**
 * The supervision service's state: the store, the evaluated city feed held for the API, and the
 * sync loop (a first full load, then incremental passes every `syncMinutes`; open cases are
 * re-evaluated when the as-of day changes). Events (sync landed, platform down, …) go to the SSE
 * stream.
 */
import { EventEmitter } from 'node:events';
import { shanghaiDayOf } from '../src/domain/calendar';
import { recordCards } from './duban/cards';
import { loadDubanFigures, withDuban } from './duban/figures';
import type { DashboardModel } from '../src/engine/dashboard';
import { evaluateSource, type EvaluatedSource } from './jobs/evaluate';
import { warmFirstAnswers } from './jobs/warm';
import { LiveDataset } from './jobs/live-dataset';
import { IMPORT_PREFIX, ImportManager } from './import/imports';
import { ApiFailure, notFound } from './http/route';
import { estimateEvaluationBytes, MemoryGuard, type EvaluationSize } from './jobs/memory-guard';
import { requireEvaluated } from './views/scope';
import type { Database } from './store/database';
import { isDiskFull } from './store/disk-full';
import { FeedError } from './sync/feed-client';
import { CITY_SOURCE, syncFeeds, type SyncOptions, type SyncReport } from './sync/sync';

export type SyncState = 'idle' | 'syncing' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** When the last sync completed (ISO), or null. */
  lastSuccessAt: string | null;
  /** The last failure, while it lasts: which side failed and since when. */
  failure: { side: 'platform' | 'service'; code: string; message: string; since: string } | null;
  /** Records fetched in the sync under way, per resource. */
  progress: Record<string, number>;
  lastReport: SyncReport | null;
}

export interface ServiceOptions {
  feedUrl: string | null;
  /** A fixed as-of instant (reproducible figures, the demo); else the clock. */
  asOfMs: number | null;
  syncMinutes: number;
  sync?: Partial<SyncOptions>;
  log?: (line: string) => void;
  /** Largest file `POST /api/v1/imports` accepts (bytes; default 1 GB). */
  importMaxBytes?: number;
}

export interface ServiceEvent {
  /** `notice`: a 督办单 was issued or acted on (inboxes refetch; `evaluated` follows for figures). */
  type: 'sync' | 'status' | 'evaluated' | 'notice';
  at: string;
}

export class SupervisionService {
  readonly events = new EventEmitter();
  /** Datasets imported from files, each its own source `import:<id>`. */
  readonly imports: ImportManager;
  /** One heap for the city and the imports: the guard every evaluation asks first. */
  readonly memory = new MemoryGuard();
  /** Why the city's last evaluation was refused (too big for the heap), while that lasts. */
  private memoryRefusal: ApiFailure | null = null;
  private current: EvaluatedSource | null = null;
  /** The city's records in memory, loaded from the store once and kept in step by the sync. */
  private live: Promise<LiveDataset> | null = null;
  /** Heap of the records `reloadFromStore` just let go, for the guard that follows (then 0). */
  private droppedBytes = 0;
  /** The last evaluation before the 督办 record was applied to it. */
  private base: EvaluatedSource | null = null;
  /** The last model and the live records it was computed from: the next evaluation reuses it. */
  private lastModel: { live: LiveDataset; model: DashboardModel } | null = null;
  private evaluating: Promise<EvaluatedSource> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private dayTimer: NodeJS.Timeout | null = null;
  private syncing: Promise<SyncReport | null> | null = null;
  /** The background warm-up of the current evaluation's first answers (server/jobs/warm.ts). */
  warming: Promise<void> = Promise.resolve();
  status: SyncStatus = {
    state: 'idle',
    lastSuccessAt: null,
    failure: null,
    progress: {},
    lastReport: null,
  };

  constructor(
    readonly db: Database,
    readonly options: ServiceOptions,
  ) {
    this.events.setMaxListeners(0);
    this.imports = new ImportManager(db, () => this.asOfMs(), options.importMaxBytes, this.memory);
  }

  /**
   * The evaluation a read route answers from: the city feed (`city`, 503 before its first
   * evaluation) or an imported dataset (`import:<id>`, evaluated on first use; 404 unknown).
   */
  async evaluatedFor(source: string): Promise<EvaluatedSource> {
    if (!source.startsWith(IMPORT_PREFIX)) {
      // Refused before its first evaluation: say why rather than "evaluating, try again".
      if (this.current === null && this.memoryRefusal !== null) throw this.memoryRefusal;
      return requireEvaluated(this.current);
    }
    const e = await this.imports.evaluated(source.slice(IMPORT_PREFIX.length));
    if (e === null) throw notFound(`数据源 ${source}`);
    return e;
  }

  /** Why the city's last evaluation was refused by the memory guard, or null. */
  get cityMemoryRefusal(): string | null {
    return this.memoryRefusal?.message ?? null;
  }

  asOfMs(): number {
    return this.options.asOfMs ?? Date.now();
  }

  /** The evaluated city feed, or null before the first evaluation. */
  get evaluated(): EvaluatedSource | null {
    return this.current;
  }

  /** The live records, loading them from the store the first time. */
  private liveDataset(): Promise<LiveDataset> {
    this.live ??= LiveDataset.load(this.db, CITY_SOURCE);
    return this.live;
  }

  /**
   * Forgets the live records and evaluates what the store holds (after writing to it directly;
   * `cli -- recompute`). The city's figures are let go first, so the old and the new records are
   * never in memory together (issue 17: 6.5 GB at 1M when the old ones kept answering): until the
   * new evaluation lands, the city's reads answer 503 `not_ready` (the SPA says the service is
   * evaluating and to try again shortly), as during the first sync.
   */
  async reloadFromStore(): Promise<EvaluatedSource> {
    await this.evaluating?.catch(() => undefined);
    const dropped = this.live === null ? null : await this.live.catch(() => null);
    // What is let go here is garbage the collector has not reclaimed yet: the guard must not count
    // it as in use (5M cases: 10.4 GB "in use" refused the reload; 37 MB after a collection).
    this.droppedBytes =
      dropped === null
        ? 0
        : estimateEvaluationBytes({ records: dropped.recordCount(), cases: dropped.cases.size });
    this.live = null;
    this.lastModel = null;
    this.base = null;
    this.current = null;
    this.emit('evaluated');
    return this.recompute();
  }

  /**
   * The guard before the city is evaluated: the records still to load from the store (none when
   * they are in memory) and one evaluated row per case must fit in the heap, counting the cached
   * imported evaluations as releasable. Refused, the last good figures keep answering and the
   * sync status says why (`insufficient_memory`).
   */
  private async guardCity(): Promise<void> {
    const size: EvaluationSize =
      this.live === null
        ? await storedSize(this.db)
        : { records: 0, cases: (await this.live).cases.size };
    const released = this.droppedBytes;
    this.droppedBytes = 0;
    const verdict = this.memory.check(size, this.imports.releasableBytes() + released);
    if (verdict.ok) {
      if (this.memoryRefusal !== null) {
        this.memoryRefusal = null;
        if (this.status.failure?.code === 'insufficient_memory') {
          this.status = { ...this.status, state: 'idle', failure: null };
          this.emit('status');
        }
      }
      return;
    }
    this.memoryRefusal = new ApiFailure(507, 'insufficient_memory', verdict.message);
    this.options.log?.(`evaluation refused: ${verdict.message}`);
    this.status = {
      ...this.status,
      state: 'error',
      failure: {
        side: 'service',
        code: 'insufficient_memory',
        message: verdict.message,
        since: this.status.failure?.since ?? new Date().toISOString(),
      },
    };
    this.emit('status');
    throw this.memoryRefusal;
  }

  /** Evaluates the stored records now (after a sync, a settings change, a new day, `recompute`). */
  recompute(): Promise<EvaluatedSource> {
    if (this.evaluating) return this.evaluating;
    const run = this.guardCity()
      .then(() => this.liveDataset())
      .then(async (live) => {
        // Only a model of these same live records can lend its rows (after reloadFromStore the
        // records may differ in ways no change set recorded).
        const last = this.lastModel;
        const previous = last !== null && last.live === live ? last.model : null;
        const result = await evaluateSource(this.db, CITY_SOURCE, live, this.asOfMs(), previous);
        this.lastModel = { live, model: result.model };
        return result;
      })
      .then(async (result) => {
        // Cards are recorded from every evaluation, before anyone can see its figures. After a
        // delta evaluation only its cases are looked at, so a failure here must not leave its
        // model as the next one's basis: the next evaluation is then full and so is its record.
        try {
          await recordCards(this.db, result);
        } catch (error) {
          this.lastModel = null;
          throw error;
        }
        this.base = result;
        this.current = withDuban(result, await loadDubanFigures(this.db, result));
        this.warm(this.current);
        this.emit('evaluated');
        return this.current;
      })
      .finally(() => {
        this.evaluating = null;
      });
    this.evaluating = run;
    return run;
  }

  /** After a 督办 decision: the figures follow the record without evaluating again. */
  async dubanChanged(): Promise<void> {
    const base = this.base;
    if (base === null) {
      this.emit('notice');
      return;
    }
    const figures = await loadDubanFigures(this.db, base);
    // A recompute that finished meanwhile has applied the record itself.
    if (this.base === base) {
      this.current = withDuban(base, figures);
      this.warm(this.current);
    }
    this.emit('notice');
    this.emit('evaluated');
  }

  /** Computes the evaluation's first answers in the background, until a newer one replaces it. */
  private warm(e: EvaluatedSource): void {
    this.warming = warmFirstAnswers(e, () => this.current === e).catch((error: unknown) => {
      // A failed warm-up only means the first request computes its answer itself.
      this.options.log?.(
        `warm-up failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  private emit(type: ServiceEvent['type']): void {
    const event: ServiceEvent = { type, at: new Date().toISOString() };
    this.events.emit('event', event);
  }

  /** One sync; evaluates when anything changed. Never throws: failures land in `status`. */
  syncOnce(): Promise<SyncReport | null> {
    if (this.syncing) return this.syncing;
    const feedUrl = this.options.feedUrl;
    if (feedUrl === null) return Promise.resolve(null);
    this.status = { ...this.status, state: 'syncing', progress: {} };
    this.emit('status');
    const run = (async () => {
      try {
        if (this.live === null) await this.guardCity();
        const report = await syncFeeds(this.db, {
          ...this.options.sync,
          feedUrl,
          live: await this.liveDataset(),
          onPage: (resource, n) => {
            this.status.progress[resource] = n;
          },
        });
        if (report.changed || this.current === null) await this.recompute();
        this.status = {
          state: 'idle',
          lastSuccessAt: new Date().toISOString(),
          failure: null,
          progress: {},
          lastReport: report,
        };
        this.emit('sync');
        return report;
      } catch (e) {
        // Refused by the memory guard: the status already says why, and the figures stay.
        if (isMemoryRefusal(e)) return null;
        const platform =
          e instanceof FeedError || (e instanceof Error && e.name === 'FeedPageError');
        const diskFull = !platform && isDiskFull(e);
        const code =
          e instanceof FeedError
            ? e.code
            : platform
              ? 'malformed'
              : diskFull
                ? 'disk_full'
                : 'internal';
        const detail = e instanceof Error ? e.message : String(e);
        // Each page commits whole or not at all, and the figures shown stay those of the store.
        const message = diskFull
          ? `磁盘空间不足，同步已停止：正在写入的一页未保存，原有数据仍可使用 (disk full: the sync stopped, the page being written was not kept, the previous data are still in use; ${detail})`
          : detail;
        this.options.log?.(`sync failed: ${message}`);
        this.status = {
          ...this.status,
          state: 'error',
          failure: {
            side: platform ? 'platform' : 'service',
            code,
            message,
            since: this.status.failure?.since ?? new Date().toISOString(),
          },
        };
        this.emit('status');
        return null;
      } finally {
        this.syncing = null;
      }
    })();
    this.syncing = run;
    return run;
  }

  /** Evaluates what is stored (so figures show at once), then syncs on the schedule. */
  async start(): Promise<void> {
    await this.imports.cleanUpInterrupted();
    // A store too big for the heap still starts the service: it answers why, and imports work.
    await this.recompute().catch((e: unknown) => {
      if (!isMemoryRefusal(e)) throw e;
    });
    void this.syncOnce();
    if (this.options.syncMinutes > 0) {
      this.timer = setInterval(() => void this.syncOnce(), this.options.syncMinutes * 60_000);
    }
    // The clock moves for open cases: when the as-of day changes, the cases not settled by the
    // last evaluation are evaluated again (computeDashboard reuses the rest).
    this.dayTimer = setInterval(() => {
      const current = this.current;
      if (current && shanghaiDayOf(this.asOfMs()) !== current.model.asOfDay)
        this.recompute().catch(() => undefined);
    }, 60_000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.dayTimer) clearInterval(this.dayTimer);
    await this.syncing?.catch(() => undefined);
    await this.evaluating?.catch(() => undefined);
  }
}

function isMemoryRefusal(e: unknown): boolean {
  return e instanceof ApiFailure && e.code === 'insufficient_memory';
}

/** What loading the city from the store would hold: its records, and its cases. */
async function storedSize(db: Database): Promise<EvaluationSize> {
  const rows = await db.all(
    `SELECT count(*)::DOUBLE AS records, count(*) FILTER (WHERE resource = 'cases')::DOUBLE AS cases
       FROM raw_log WHERE source = $1`,
    [CITY_SOURCE],
  );
  return { records: Number(rows[0]?.['records'] ?? 0), cases: Number(rows[0]?.['cases'] ?? 0) };
}
