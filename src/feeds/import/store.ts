/**
 * Imported datasets on this browser (IndexedDB, plain API): a source list with each import's
 * report figures and mapping, the records themselves (validated, as plain values), and the named
 * mapping presets. Works in the page and in the import worker alike.
 */
import type { CaseRecord } from '../schemas/case';
import type { CaseEvent } from '../schemas/case-event';
import type { Department } from '../schemas/department';
import type { Evaluation } from '../schemas/evaluation';
import type { ServiceItem } from '../schemas/service-item';
import type { SupervisionTask } from '../schemas/supervision-task';
import type { TextEncodingName } from './encoding';
import type { ImportKind } from './fields';
import type { ImportMapping, MappingPreset } from './import-mapping';
import type { ImportOutcome } from './run-import';
import type { FileFormat } from './table';

const DB_NAME = 'ducha-import';
const DB_VERSION = 1;
const SOURCES = 'sources';
const DATA = 'data';
const PRESETS = 'presets';

/** One file imported into a source, with its report figures. */
export interface ImportFileMeta {
  kind: ImportKind;
  fileName: string;
  format: FileFormat;
  encoding: TextEncodingName;
  /** Records in the file; accepted + rejected = total. */
  total: number;
  accepted: number;
  rejected: number;
  importedAt: number;
  mapping: ImportMapping;
}

/** An imported dataset as the source list shows it. */
export interface ImportedSourceMeta {
  id: string;
  /** The cases file's name. */
  name: string;
  createdAt: number;
  /** Changes whenever the records do (a file attached); part of the engine's cache key. */
  revision: number;
  files: ImportFileMeta[];
  cases: number;
  /** Departments come from the cases' department column, items are absent: not from a feed. */
  derived: { departments: boolean; items: boolean };
}

/** The records of an imported dataset. */
export interface ImportedData {
  id: string;
  departments: Department[];
  items: ServiceItem[];
  cases: CaseRecord[];
  caseEvents: CaseEvent[];
  evaluations: Evaluation[];
  tasks: SupervisionTask[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Opens (and on first use creates) the import database. */
export function openImportDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(
      new Error('此浏览器不支持 IndexedDB，无法保存导入数据 (IndexedDB unavailable)'),
    );
  }
  const req = indexedDB.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(SOURCES)) db.createObjectStore(SOURCES, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(PRESETS)) db.createObjectStore(PRESETS, { keyPath: 'name' });
  };
  return request(req);
}

async function withDb<T>(fn: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await openImportDb();
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** The imported sources, newest first. */
export function listSources(): Promise<ImportedSourceMeta[]> {
  // Without IndexedDB nothing can have been imported (and the feed stays the source).
  if (typeof indexedDB === 'undefined') return Promise.resolve([]);
  return withDb(async (db) => {
    const all = await request(
      db.transaction(SOURCES, 'readonly').objectStore(SOURCES).getAll() as IDBRequest<
        ImportedSourceMeta[]
      >,
    );
    return all.sort((a, b) => b.createdAt - a.createdAt);
  });
}

/** One source's records, or null when it was deleted. */
export function loadSourceData(id: string): Promise<ImportedData | null> {
  return withDb(async (db) => {
    const data = await request(
      db.transaction(DATA, 'readonly').objectStore(DATA).get(id) as IDBRequest<
        ImportedData | undefined
      >,
    );
    return data ?? null;
  });
}

function fileMetaOf(
  outcome: ImportOutcome,
  file: Omit<ImportFileMeta, 'total' | 'accepted' | 'rejected' | 'kind'>,
): ImportFileMeta {
  return {
    ...file,
    kind: outcome.kind,
    total: outcome.total,
    accepted: outcome.accepted,
    rejected: outcome.rejected.length,
  };
}

/**
 * Saves an import: a cases file makes a new source; events, evaluations or tasks are attached to
 * an existing source (`attachTo`), replacing that kind's records. Returns the source's meta.
 */
export function saveImport(
  outcome: ImportOutcome,
  file: Omit<ImportFileMeta, 'total' | 'accepted' | 'rejected' | 'kind'>,
  attachTo?: string,
): Promise<ImportedSourceMeta> {
  const fileMeta = fileMetaOf(outcome, file);
  return withDb(async (db) => {
    const tx = db.transaction([SOURCES, DATA], 'readwrite');
    const sources = tx.objectStore(SOURCES);
    const data = tx.objectStore(DATA);
    let meta: ImportedSourceMeta;
    if (outcome.kind === 'cases') {
      const id = `imp-${file.importedAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      meta = {
        id,
        name: file.fileName,
        createdAt: file.importedAt,
        revision: 1,
        files: [fileMeta],
        cases: outcome.accepted,
        derived: { departments: true, items: true },
      };
      const records: ImportedData = {
        id,
        departments: outcome.departments ?? [],
        items: [],
        cases: outcome.cases ?? [],
        caseEvents: [],
        evaluations: [],
        tasks: [],
      };
      sources.put(meta);
      data.put(records);
    } else {
      if (attachTo === undefined) throw new Error('attachTo required for non-case imports');
      const old = await request(
        sources.get(attachTo) as IDBRequest<ImportedSourceMeta | undefined>,
      );
      const records = await request(data.get(attachTo) as IDBRequest<ImportedData | undefined>);
      if (old === undefined || records === undefined) {
        throw new Error('要追加到的导入数据已被删除 (the dataset to attach to no longer exists)');
      }
      if (outcome.kind === 'case-events') records.caseEvents = outcome.caseEvents ?? [];
      if (outcome.kind === 'evaluations') records.evaluations = outcome.evaluations ?? [];
      if (outcome.kind === 'tasks') records.tasks = outcome.tasks ?? [];
      meta = {
        ...old,
        revision: old.revision + 1,
        files: [...old.files.filter((f) => f.kind !== outcome.kind), fileMeta],
      };
      sources.put(meta);
      data.put(records);
    }
    await done(tx);
    return meta;
  });
}

/** Deletes a source and its records. */
export function deleteSource(id: string): Promise<void> {
  return withDb(async (db) => {
    const tx = db.transaction([SOURCES, DATA], 'readwrite');
    tx.objectStore(SOURCES).delete(id);
    tx.objectStore(DATA).delete(id);
    await done(tx);
  });
}

/** Saved mapping presets, by name. */
export function listPresets(): Promise<MappingPreset[]> {
  if (typeof indexedDB === 'undefined') return Promise.resolve([]);
  return withDb(async (db) => {
    const all = await request(
      db.transaction(PRESETS, 'readonly').objectStore(PRESETS).getAll() as IDBRequest<
        MappingPreset[]
      >,
    );
    return all.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  });
}

/** Saves (or replaces) a preset. */
export function savePreset(preset: MappingPreset): Promise<void> {
  return withDb(async (db) => {
    const tx = db.transaction(PRESETS, 'readwrite');
    tx.objectStore(PRESETS).put(preset);
    await done(tx);
  });
}

/** Deletes a preset. */
export function deletePreset(name: string): Promise<void> {
  return withDb(async (db) => {
    const tx = db.transaction(PRESETS, 'readwrite');
    tx.objectStore(PRESETS).delete(name);
    await done(tx);
  });
}
