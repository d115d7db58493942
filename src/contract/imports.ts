/**
 * Imported datasets (docs/import.md): the upload's report, an import's progress, and the sources
 * a page can read (`?source=city|import:<id>` on every read route).
 */
import { SOURCE_ID_PATTERN } from './source-id';
import { z } from './zod';

export { SOURCE_ID_PATTERN };
export const sourceParam = z.string().regex(SOURCE_ID_PATTERN).default('city');
export type SourceId = z.infer<typeof sourceParam>;

export const IMPORT_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

const resourceCounts = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
});

export const importReport = z.object({
  importId: z.string(),
  source: z.string(),
  state: z.enum(IMPORT_STATES),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  kind: z.literal('cases'),
  sizeBytes: z.number(),
  contentHash: z.string(),
  /** Records read so far (while running) or in the file: rows = accepted + rejected. */
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  byResource: z.object({
    cases: resourceCounts,
    /** Derived from the cases' department column (not a feed). */
    departments: z.object({ derived: z.number().int() }),
  }),
  /** How the rejected rows' positions read: file line (CSV, NDJSON, JSON) or sheet row (XLSX). */
  position: z.enum(['line', 'sheet-row']),
  mapping: z.record(z.string(), z.unknown()),
  header: z.array(z.string()).nullable(),
  error: z.string().nullable(),
  replaced: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /**
   * Why the service cannot evaluate this dataset now (too big for its heap: rows, estimated need,
   * limit and how to raise it), or null. Its sourced reads answer 507 `insufficient_memory`.
   */
  memoryRefusal: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importList = z.object({ items: z.array(importReport) });

export const sourceItem = z.object({
  id: z.string(),
  kind: z.enum(['feed', 'import']),
  label: z.string(),
  cases: z.number().int().nullable(),
  hasTasks: z.boolean().nullable(),
  importedAt: z.string().nullable(),
  importedBy: z.string().nullable(),
  rows: z.number().int().nullable(),
  rejected: z.number().int().nullable(),
  contentHash: z.string().nullable(),
  /** Why the service cannot evaluate this source now (too big for its heap), or null. */
  memoryRefusal: z.string().nullable(),
});
export const sourcesResponse = z.object({ items: z.array(sourceItem) });

/** `GET /imports/{id}/rejected?limit=`: the first rejected rows, for the report's sample. */
export const rejectedSample = z.object({
  /** Every rejected row of the import (the sample may hold fewer). */
  total: z.number().int(),
  items: z.array(
    z.object({
      /** The file line (or sheet row, see the report's `position`) the record starts on, 1-based. */
      line: z.number().int(),
      /** The record's 1-based number in the file. */
      ordinal: z.number().int(),
      id: z.string().nullable(),
      reason: z.string(),
      /** The row's own cells as read (text), under the file's header. */
      cells: z.record(z.string(), z.string()),
    }),
  ),
});
export type RejectedSample = z.infer<typeof rejectedSample>;

/** A human figure for a byte count: the size limit in the service's messages, the upload's progress. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GB`;
  if (n >= 1024 ** 2) return `${Math.round((n / 1024 ** 2) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} B`;
}
