/**
 * Runs an import request in a Web Worker (inline where there is none, e.g. jsdom tests — the same
 * function either way), with progress; `cancel` terminates the worker at once.
 */
import { handleImportRequest } from './handle-request';
import type { ImportReport, ImportRequest, ImportResponse } from './import-protocol';
import type { Inspection } from './inspect';
import type { ImportPhase } from './run-import';

export type ImportProgressHandler = (phase: ImportPhase, done: number, total: number) => void;

/** A running request: its result, and a way to stop it. */
export interface ImportJob<T> {
  promise: Promise<T>;
  cancel: () => void;
}

/** Thrown (as the job's rejection) when the user cancels. */
export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
}

function start(
  request: ImportRequest,
  onProgress?: ImportProgressHandler,
): ImportJob<ImportResponse> {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    const promise = new Promise<ImportResponse>((resolve, reject) => {
      void handleImportRequest(request, (m) => {
        if (cancelled) return;
        if (m.type === 'progress') onProgress?.(m.phase, m.done, m.total);
        else resolve(m);
      }).catch(reject);
    });
    return {
      promise,
      cancel: () => {
        cancelled = true;
      },
    };
  }
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
  let rejectJob: (e: Error) => void = () => {};
  const promise = new Promise<ImportResponse>((resolve, reject) => {
    rejectJob = reject;
    worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      const m = event.data;
      if (m.type === 'progress') {
        onProgress?.(m.phase, m.done, m.total);
        return;
      }
      worker.terminate();
      resolve(m);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`导入进程出错 (import worker failed): ${event.message}`));
    };
  });
  // The bytes are copied, not transferred: the page keeps the file for a second try.
  worker.postMessage(request);
  return {
    promise,
    cancel: () => {
      worker.terminate();
      rejectJob(new ImportCancelled('导入已取消 (import cancelled)'));
    },
  };
}

function unwrap<T>(
  job: ImportJob<ImportResponse>,
  pick: (m: ImportResponse) => T | undefined,
): ImportJob<T> {
  return {
    cancel: job.cancel,
    promise: job.promise.then((m) => {
      if (m.type === 'error') throw new Error(m.message);
      const value = pick(m);
      if (value === undefined) throw new Error(`unexpected import worker message ${m.type}`);
      return value;
    }),
  };
}

/** Inspects a file (encoding, header, first records). */
export function inspectInWorker(
  request: Extract<ImportRequest, { type: 'inspect' }>,
): ImportJob<Inspection> {
  return unwrap(start(request), (m) => (m.type === 'inspected' ? m.inspection : undefined));
}

/** Imports a file: validates it and stores the accepted records; resolves with the report. */
export function importInWorker(
  request: Extract<ImportRequest, { type: 'import' }>,
  onProgress: ImportProgressHandler,
): ImportJob<ImportReport> {
  return unwrap(start(request, onProgress), (m) => (m.type === 'imported' ? m.report : undefined));
}
