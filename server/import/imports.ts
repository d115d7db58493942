/**
 * Imports in the service (docs/import.md): an uploaded file, already on disk, is read by the
 * shared streaming readers, each case validated by the CLI's validator, and the records kept in
 * the DuckDB file under their own source `import:<id>` (raw_records / rejected_records, as the
 * sync keeps the city's). Written in batches; a failure (a full disk) or a cancel removes every
 * row of the source, so nothing partial is kept and the previous data stay as they were. An
 * imported source is evaluated lazily with the same domain core, cached per settings version
 * and as-of day, and forgotten when deleted.
 */
import { shanghaiDayOf } from '../../src/domain/calendar';
import type { ImportReport, ImportState } from '../../src/contract/imports';
import { computeDashboard } from '../../src/engine/dashboard';
import { CaseRecordValidator } from '../../src/feeds/case-file';
import { parseCaseRecord } from '../../src/feeds/case-record';
import { DerivedDepartments, importedCaseRecord } from '../../src/feeds/imported-case';
import { parseColumnMapping, type ColumnMapping } from '../../src/feeds/mapping';
import type { EvaluatedSource } from '../jobs/evaluate';
import { estimateEvaluationBytes, MemoryGuard } from '../jobs/memory-guard';
import { ApiFailure } from '../http/route';
import { LiveDataset } from '../jobs/live-dataset';
import { currentSettings } from '../jobs/settings';
import type { Database, Row } from '../store/database';
import { upsertRecords } from '../sync/sync';
import type { SyncedRecord } from '../sync/resources';
import type { Tx } from '../store/database';
import { positionPhrase } from './case-reader';
import type { FileRecord, RecordFile } from './readers';
import { isDiskFull } from '../store/disk-full';
import { warmFirstAnswers } from '../jobs/warm';

export const IMPORT_PREFIX = 'import:';

/** A rejected row as stored: file line (or sheet row), record number, id, reason, its cells. */
export interface RejectedImportRow {
  line: number;
  ordinal: number;
  id: string | null;
  reason: string;
  /** The record as read (JSON text: an object of cells for CSV / XLSX). */
  raw: string;
}
/** Imported records are not put into the city's live dataset (each source is loaded on its own). */
const NOT_LIVE: SyncedRecord = { id: '', updatedAt: 0, putInto: () => undefined };

/**
 * Deletes a source's raw records wherever the store keeps them (the table `raw_records`, or the
 * append-only `raw_log` behind a `raw_records` view when the store has one).
 */
async function deleteRaw(tx: Tx, source: string): Promise<void> {
  const log = await tx.all(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'raw_log'",
  );
  const table = Number(log[0]?.['n']) > 0 ? 'raw_log' : 'raw_records';
  await tx.run(`DELETE FROM ${table} WHERE source = $1`, [source]);
}

/** Records written per transaction. */
const BATCH = 20_000;
/**
 * Evaluated imported sources kept in memory (least recently used goes first): a 1M-row source
 * holds ≈ 1 GB in the service, so an office importing file after file must not keep them all.
 * Two: the dataset on screen and the one just imported.
 */
const CACHED_EVALUATIONS = 2;

export const DEFAULT_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

// One byte formatter for the service's messages and the page's progress (src/contract/imports.ts).
export { formatBytes } from '../../src/contract/imports';

export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
  constructor() {
    super('导入已取消，未保存任何记录 (the import was cancelled; nothing was kept)');
  }
}

/** A failure while storing, with a message a person can act on. */
export class ImportStoreError extends Error {
  override readonly name = 'ImportStoreError';
  constructor(
    message: string,
    readonly diskFull: boolean,
  ) {
    super(message);
  }
}

/** The readable form of a storage failure (a full disk says so). */
export function storeFailure(e: unknown): ImportStoreError {
  if (e instanceof ImportStoreError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (isDiskFull(e)) {
    return new ImportStoreError(
      `磁盘空间不足，导入未保存，原有数据不受影响 (disk full: nothing of this import was kept, the previous data are unchanged; ${detail})`,
      true,
    );
  }
  return new ImportStoreError(
    `导入未能保存，原有数据不受影响 (the import could not be stored, nothing was kept: ${detail})`,
    false,
  );
}

export interface NewImport {
  id: string;
  fileName: string;
  sizeBytes: number;
  contentHash: string;
  mapping: ColumnMapping | undefined;
  /** The mapping as given (or as detected), for the report. */
  mappingJson: Record<string, unknown>;
  createdBy: string;
  /** Import ids this one replaces once it is complete (same content hash, `?replace=true`). */
  replaces: string[];
}

interface Running {
  rows: number;
  accepted: number;
  rejected: number;
  cancel: AbortController;
  done: Promise<ImportReport>;
}

/** Test hooks: simulate a full disk before a batch is written. */
export interface ImportHooks {
  beforeWrite?: (rowsSoFar: number) => void | Promise<void>;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function iso(ms: unknown): string | null {
  return typeof ms === 'number' ? new Date(ms).toISOString() : null;
}

function jsonOf<T>(text: unknown, fallback: T): T {
  try {
    return typeof text === 'string' ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

export class ImportManager {
  private readonly running = new Map<string, Running>();
  private readonly evaluations = new Map<
    string,
    { key: string; value: Promise<EvaluatedSource>; cases: number }
  >();
  hooks: ImportHooks = {};

  constructor(
    private readonly db: Database,
    private readonly asOfMs: () => number,
    /** Largest upload accepted, in bytes (`serve --import-max-bytes`). */
    public maxBytes: number = DEFAULT_IMPORT_MAX_BYTES,
    /** Shared with the city's evaluation: one heap, one guard. */
    readonly memory: MemoryGuard = new MemoryGuard(),
  ) {}

  /** Heap held by the cached evaluations other than `except`'s: let go before refusing one. */
  releasableBytes(except?: string): number {
    let bytes = 0;
    for (const [id, e] of this.evaluations) {
      if (id !== except) bytes += estimateEvaluationBytes({ records: e.cases, cases: e.cases });
    }
    return bytes;
  }

  /**
   * Why an import of `cases` rows cannot be evaluated now (too big for the heap, even after the
   * cached evaluations are let go), or null when it can.
   */
  memoryRefusal(id: string, cases: number): string | null {
    if (this.evaluations.has(id)) return null;
    const verdict = this.memory.check({ records: cases, cases }, this.releasableBytes(id));
    return verdict.ok ? null : verdict.message;
  }

  /** Removes what an interrupted import (a killed process) left behind. */
  async cleanUpInterrupted(): Promise<void> {
    const rows = await this.db.all("SELECT id FROM imports WHERE state = 'running'");
    for (const r of rows) {
      const id = String(r['id']);
      await this.removeRows(
        id,
        'failed',
        '服务在导入过程中停止 (the service stopped during the import)',
      );
    }
  }

  reportOf(r: Row): ImportReport {
    const id = String(r['id']);
    const live = this.running.get(id);
    const rows = live?.rows ?? Number(r['rows']);
    const accepted = live?.accepted ?? Number(r['accepted']);
    const rejected = live?.rejected ?? Number(r['rejected']);
    return {
      importId: id,
      source: String(r['source']),
      state: String(r['state']) as ImportState,
      fileName: String(r['file_name']),
      format: String(r['format']),
      encoding: str(r['encoding']),
      kind: 'cases',
      sizeBytes: Number(r['size_bytes']),
      contentHash: String(r['content_hash']),
      rows,
      accepted,
      rejected,
      byResource: {
        cases: { rows, accepted, rejected },
        departments: { derived: Number(r['departments']) },
      },
      position: str(r['position']) === 'sheet-row' ? 'sheet-row' : 'line',
      mapping: jsonOf<Record<string, unknown>>(r['mapping'], {}),
      header: jsonOf<string[] | null>(r['header'], null),
      error: str(r['error']),
      replaced: jsonOf<string[]>(r['replaced'], []),
      createdBy: String(r['created_by']),
      createdAt: iso(r['created_at']) ?? '',
      finishedAt: iso(r['finished_at']),
      memoryRefusal: String(r['state']) === 'done' ? this.memoryRefusal(id, accepted) : null,
    };
  }

  async get(id: string): Promise<ImportReport | null> {
    const rows = await this.db.all('SELECT * FROM imports WHERE id = $1', [id]);
    const r = rows[0];
    return r === undefined ? null : this.reportOf(r);
  }

  async list(): Promise<ImportReport[]> {
    const rows = await this.db.all('SELECT * FROM imports ORDER BY created_at DESC');
    return rows.map((r) => this.reportOf(r));
  }

  /** Completed imports of the same content. */
  async sameContent(hash: string): Promise<ImportReport[]> {
    const rows = await this.db.all(
      "SELECT * FROM imports WHERE content_hash = $1 AND state = 'done' ORDER BY created_at",
      [hash],
    );
    return rows.map((r) => this.reportOf(r));
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Asks a running import to stop; false when it is not running. */
  cancel(id: string): boolean {
    const r = this.running.get(id);
    if (r === undefined) return false;
    r.cancel.abort();
    return true;
  }

  /** Waits for a running import (or answers its stored report). */
  async finished(id: string): Promise<ImportReport | null> {
    const r = this.running.get(id);
    if (r !== undefined) return r.done.catch(() => this.get(id));
    return this.get(id);
  }

  /**
   * Starts importing an opened file whose first records have been read (`first`). The records are
   * validated and stored in batches; the promise answers the final report, or rejects with
   * ImportCancelled / ImportStoreError / RecordFileError (after removing every row of the source).
   */
  async start(
    job: NewImport,
    file: RecordFile,
    first: readonly FileRecord[],
    after?: (report: ImportReport) => Promise<void>,
  ): Promise<{ done: Promise<ImportReport> }> {
    const source = IMPORT_PREFIX + job.id;
    const createdAt = Date.now();
    await this.db.write(
      `INSERT INTO imports (id, source, kind, file_name, format, encoding, content_hash, size_bytes,
         mapping, header, position, state, created_by, created_at)
       VALUES ($1, $2, 'cases', $3, $4, $5, $6, $7, $8, $9, $10, 'running', $11, $12)`,
      [
        job.id,
        source,
        job.fileName,
        file.format,
        file.encoding,
        job.contentHash,
        job.sizeBytes,
        JSON.stringify(job.mappingJson),
        file.header === null ? null : JSON.stringify(file.header),
        file.position,
        job.createdBy,
        createdAt,
      ],
    );
    const running: Running = {
      rows: 0,
      accepted: 0,
      rejected: 0,
      cancel: new AbortController(),
      done: Promise.resolve(null as unknown as ImportReport),
    };
    this.running.set(job.id, running);
    running.done = this.run(job, source, file, first, running)
      .then(async (report) => {
        await after?.(report);
        return report;
      })
      .finally(() => this.running.delete(job.id));
    // The caller decides whether to wait; an unawaited failure must not crash the process.
    running.done.catch(() => undefined);
    return { done: running.done };
  }

  private async run(
    job: NewImport,
    source: string,
    file: RecordFile,
    first: readonly FileRecord[],
    progress: Running,
  ): Promise<ImportReport> {
    const lines: number[] = [];
    const validator = new CaseRecordValidator(job.mapping, (i) =>
      positionPhrase(file, lines[i] ?? i + 1),
    );
    const departments = new DerivedDepartments();
    let accepted: { id: string; body: string }[] = [];
    let rejected: {
      line: number;
      ordinal: number;
      id: string | null;
      reason: string;
      raw: string;
    }[] = [];
    // The log's version numbers of this source, counted here: the source is new and its ids are
    // unique (a repeated id is a rejected record), so no batch has an older version to look up
    // or delete — asking the store for both made every batch scan all rows written so far.
    let nextSeq = 1;
    const flush = async (): Promise<void> => {
      if (progress.cancel.signal.aborted) throw new ImportCancelled();
      const a = accepted;
      const r = rejected;
      accepted = [];
      rejected = [];
      try {
        await this.hooks.beforeWrite?.(progress.rows);
        if (progress.cancel.signal.aborted) throw new ImportCancelled();
        nextSeq += await this.writeBatch(source, a, r, nextSeq);
      } catch (e) {
        throw e instanceof ImportCancelled ? e : storeFailure(e);
      }
    };
    try {
      const take = async (rec: FileRecord): Promise<void> => {
        const index = progress.rows;
        lines.push(rec.line);
        const r = validator.check(rec, index);
        progress.rows++;
        const raw = 'raw' in rec ? rec.raw : null;
        if (r.ok) {
          progress.accepted++;
          accepted.push({ id: r.value.id, body: JSON.stringify(raw) });
          departments.add(r.value.departmentId, raw, job.mapping);
        } else {
          progress.rejected++;
          rejected.push({
            line: rec.line,
            ordinal: rec.ordinal,
            id: r.id,
            reason: r.reason,
            raw: raw === null ? '' : (JSON.stringify(raw) ?? ''),
          });
        }
        if (accepted.length + rejected.length >= BATCH) await flush();
      };
      for (const rec of first) await take(rec);
      for await (const rec of file.records) {
        if (progress.cancel.signal.aborted) throw new ImportCancelled();
        await take(rec);
      }
      await flush();
      const replaced = job.replaces;
      await this.db.transaction(async (tx) => {
        await tx.run(
          `UPDATE imports SET state = 'done', rows = $2, accepted = $3, rejected = $4,
             departments = $5, finished_at = $6, replaced = $7 WHERE id = $1`,
          [
            job.id,
            progress.rows,
            progress.accepted,
            progress.rejected,
            departments.size,
            Date.now(),
            JSON.stringify(replaced),
          ],
        );
      });
      // The new one is complete: only now does the one it replaces go.
      for (const old of replaced) await this.deleteSource(old);
      // Evaluate it now, while the user reads the report: choosing it as the source then answers
      // at once instead of evaluating on that first request (110 s for 1M rows under load).
      // Then warm what the pages ask first (its overview and ranking: 14 s for 3.2M rows).
      void this.evaluated(job.id)
        .then((e) => e && warmFirstAnswers(e, () => this.evaluations.has(job.id)))
        .catch(() => undefined);
    } catch (e) {
      await file.records.return(undefined).catch(() => undefined);
      const failure =
        e instanceof ImportCancelled
          ? e
          : e instanceof Error && e.name === 'RecordFileError'
            ? e
            : storeFailure(e);
      await this.removeRows(
        job.id,
        e instanceof ImportCancelled ? 'cancelled' : 'failed',
        failure.message,
      ).catch(() => undefined);
      throw failure;
    }
    return (await this.get(job.id)) as ImportReport;
  }

  private async writeBatch(
    source: string,
    accepted: readonly { id: string; body: string }[],
    rejected: readonly {
      line: number;
      ordinal: number;
      id: string | null;
      reason: string;
      raw: string;
    }[],
    firstSeq: number,
  ): Promise<number> {
    if (accepted.length === 0 && rejected.length === 0) return 0;
    const now = Date.now();
    return this.db.transaction(async (tx) => {
      // The sync's own writer: however the store keeps raw records, an import keeps them alike.
      const written = await upsertRecords(
        tx,
        source,
        'cases',
        accepted.map((r) => ({ id: r.id, updatedAt: now, body: r.body, record: NOT_LIVE })),
        { firstSeq, replaceOlder: false },
      );
      if (rejected.length > 0) {
        const a = await tx.connection.createAppender('rejected_records');
        for (const r of rejected) {
          a.appendVarchar(source);
          a.appendVarchar('cases');
          // Keyed by the record's ordinal (unique even when a JSON file has records on one line).
          a.appendVarchar(String(r.ordinal).padStart(12, '0'));
          a.appendBigInt(BigInt(r.line));
          if (r.id === null) a.appendNull();
          else a.appendVarchar(r.id);
          a.appendVarchar(r.reason);
          a.appendVarchar(r.raw);
          a.appendDouble(now);
          a.endRow();
        }
        a.closeSync();
      }
      return written;
    });
  }

  /** Removes an import's rows and records why (failed, cancelled). */
  private async removeRows(id: string, state: ImportState, error: string): Promise<void> {
    const source = IMPORT_PREFIX + id;
    await this.db.transaction(async (tx) => {
      await deleteRaw(tx, source);
      await tx.run('DELETE FROM rejected_records WHERE source = $1', [source]);
      await tx.run('UPDATE imports SET state = $2, error = $3, finished_at = $4 WHERE id = $1', [
        id,
        state,
        error,
        Date.now(),
      ]);
    });
  }

  /** Deletes an imported source and everything derived from it; false when there is none. */
  async deleteSource(id: string): Promise<boolean> {
    const source = IMPORT_PREFIX + id;
    const rows = await this.db.all('SELECT id FROM imports WHERE id = $1', [id]);
    if (rows.length === 0) return false;
    await this.db.transaction(async (tx) => {
      await deleteRaw(tx, source);
      for (const table of ['rejected_records', 'case_eval', 'case_flags', 'derived_meta'])
        await tx.run(`DELETE FROM ${table} WHERE source = $1`, [source]);
      await tx.run('DELETE FROM imports WHERE id = $1', [id]);
    });
    this.evaluations.delete(id);
    return true;
  }

  /** The rejected rows of an import, in file order. */
  async rejectedRows(id: string, limit?: number): Promise<RejectedImportRow[]> {
    const out: RejectedImportRow[] = [];
    // A sample for the page asks for the first few only; the CSV download streams them all.
    const capped = limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))}`;
    for await (const chunk of this.db.stream(
      `SELECT record_index::DOUBLE AS line, record_key, record_id, reason, raw FROM rejected_records
        WHERE source = $1 ORDER BY record_key${capped}`,
      [IMPORT_PREFIX + id],
    )) {
      for (const r of chunk) {
        out.push({
          line: Number(r['line']),
          ordinal: Number(r['record_key']),
          id: str(r['record_id']),
          reason: String(r['reason']),
          raw: String(r['raw']),
        });
      }
    }
    return out;
  }

  /** The evaluated imported source (404-able: null when there is no such completed import). */
  async evaluated(id: string): Promise<EvaluatedSource | null> {
    const rows = await this.db.all("SELECT * FROM imports WHERE id = $1 AND state = 'done'", [id]);
    const row = rows[0];
    if (row === undefined) return null;
    const settings = await currentSettings(this.db);
    const asOfMs = this.asOfMs();
    const key = `${settings.version}|${shanghaiDayOf(asOfMs)}`;
    const hit = this.evaluations.get(id);
    // A Map keeps insertion order: re-inserting marks the entry most recently used.
    this.evaluations.delete(id);
    if (hit !== undefined && hit.key === key) {
      this.evaluations.set(id, hit);
      return hit.value;
    }
    // The guard: a dataset too big for the heap is refused with its reason, never evaluated into
    // an out-of-memory crash of the whole service. Cached evaluations go first when that suffices.
    const cases = Number(row['accepted']);
    const verdict = this.memory.check({ records: cases, cases }, this.releasableBytes(id));
    if (!verdict.ok) throw new ApiFailure(507, 'insufficient_memory', verdict.message);
    if (!this.memory.check({ records: cases, cases }).ok) this.evaluations.clear();
    const value = this.evaluate(row, asOfMs);
    this.evaluations.set(id, { key, value, cases });
    for (const oldest of this.evaluations.keys()) {
      if (this.evaluations.size <= CACHED_EVALUATIONS) break;
      this.evaluations.delete(oldest);
    }
    value.catch(() => {
      if (this.evaluations.get(id)?.value === value) this.evaluations.delete(id);
    });
    return value;
  }

  /** The imports whose evaluation is held in memory, least recently used first. */
  cachedEvaluations(): string[] {
    return [...this.evaluations.keys()];
  }

  private async evaluate(row: Row, asOfMs: number): Promise<EvaluatedSource> {
    const started = Date.now();
    const source = String(row['source']);
    const importedAt = Number(row['created_at']);
    const parsed = parseColumnMapping(jsonOf<unknown>(row['mapping'], { columns: {} }));
    const mapping = parsed.ok ? parsed.value : undefined;
    const live = new LiveDataset();
    const departments = new DerivedDepartments();
    for await (const chunk of this.db.stream(
      "SELECT body FROM raw_records WHERE source = $1 AND resource = 'cases'",
      [source],
    )) {
      for (const r of chunk) {
        const raw = jsonOf<unknown>(r['body'], null);
        // Re-validated as it is read back: the store is outside input too.
        const o = parseCaseRecord(raw, mapping);
        if (!o.ok) {
          live.invalidStored++;
          continue;
        }
        live.cases.put(o.value.id, importedCaseRecord(o.value, raw, mapping, importedAt));
        departments.add(o.value.departmentId, raw, mapping);
      }
    }
    for (const d of departments.list(importedAt)) live.departments.put(d.id, d);
    const settings = await currentSettings(this.db);
    const dataset = live.dataset();
    const model = computeDashboard(dataset, settings.settings, asOfMs);
    return {
      source,
      dataset,
      model,
      evaluatedModel: model,
      revokedCaseIds: new Set(),
      revokedFlags: new Set(),
      noticeFlagDays: new Map(),
      settings,
      asOfMs,
      invalidStored: live.invalidStored,
      evaluatedAt: Date.now(),
      evaluateMs: Date.now() - started,
    };
  }
}
