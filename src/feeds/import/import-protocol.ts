/** Messages between the import page and the import worker. */
import type { TextEncodingName } from './encoding';
import type { Inspection } from './inspect';
import type { ImportOptions, ImportPhase, ImportRejection } from './run-import';
import type { ImportedSourceMeta } from './store';
import type { FileFormat } from './table';

export type ImportRequest =
  | { type: 'inspect'; bytes: Uint8Array; format: FileFormat; encoding?: TextEncodingName }
  | { type: 'import'; bytes: Uint8Array; options: ImportOptions; attachTo?: string };

/** The report of a finished import (the records themselves went to IndexedDB). */
export interface ImportReport {
  source: ImportedSourceMeta;
  total: number;
  accepted: number;
  rejected: ImportRejection[];
  /** Milliseconds spent reading + validating, and saving. */
  parseMs: number;
  saveMs: number;
}

export type ImportResponse =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'inspected'; inspection: Inspection }
  | { type: 'imported'; report: ImportReport }
  | { type: 'error'; message: string };
