/**
 * What the `evaluate` CLI's main thread (evaluate-parallel.ts) and its workers (evaluate-worker.ts)
 * exchange: the worker's start data, a block of lines to process, and the compact batch it returns.
 */
import type { ColumnMapping } from '../../src/feeds/mapping';

export interface WorkerInit {
  buffer: SharedArrayBuffer;
  mapping: ColumnMapping | undefined;
  asOfMs: number;
  /** Longest accepted record, in characters after trimming (as the serial reader). */
  maxRecordChars: number;
}

export interface BlockRequest {
  block: number;
  start: number;
  end: number;
}

/** Record kinds of a batch. */
export const KIND_OK = 0;
export const KIND_INVALID = 1;
export const KIND_TOO_LONG = 2;
export const KIND_NOT_JSON = 3;

/**
 * Bits of a record's summary code: the fields `summarizeByDepartment` and the calendar check read.
 * Bits 0–1: level (see LEVEL_CODES).
 */
export const BIT_COMPLETED = 4;
export const BIT_ON_TIME = 8;
export const BIT_LATE = 16;
export const BIT_EARLY = 32;
export const BIT_OVERDUE = 64;
export const BIT_UNCOVERED = 128;
export const LEVEL_CODES = ['normal', 'early-warning', 'yellow', 'red'] as const;

export interface BlockResult {
  block: number;
  /** Lines in the block (empty ones too): the next block's first line follows them. */
  lineCount: number;
  /** Per record (non-empty line): its line, 1-based within the block. */
  line: Int32Array;
  kind: Uint8Array;
  /**
   * Per record: the id (accepted or rejected by the validator), as `idText[idEnds[r - 1], idEnds[r])`
   * (from 0 for the first record); empty when there is none (an id is never empty). One string
   * instead of an array of a million: cheaper to post and to receive.
   */
  idText: string;
  idEnds: Uint32Array;
  /** Per record: `idHash` of its id (accepted records only; for the duplicate check). */
  idHashes: Uint32Array;
  /** Reasons of KIND_INVALID records, in order. */
  reasons: string[];
  /** Per record: index into `departments` (accepted records only). */
  department: Uint32Array;
  departments: string[];
  code: Uint8Array;
  /** Per record: [spanFrom, spanTo] of the evaluation (used when BIT_UNCOVERED is set). */
  spans: Int32Array;
  /**
   * The result rows' JSON as UTF-8, comma-separated; an accepted record's row is the bytes
   * `rows[starts[r], ends[r])`.
   */
  rows: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
}
