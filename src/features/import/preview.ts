/**
 * The preview step: the first rows of the file as the import will read them — each value parsed
 * (times shown in Beijing time), or the reason the row would be rejected. Uses the import's own
 * validators, so the preview cannot promise what the import then refuses.
 */
import { formatShanghaiIso } from '../../domain/time-limit/instant';
import { validateCaseRecords, type RawCaseRecord } from '../../feeds/case-file';
import { coerceRecord } from '../../feeds/import/coerce';
import { FIELD_SPECS } from '../../feeds/import/fields';
import { toColumnMapping, type ImportMapping } from '../../feeds/import/import-mapping';
import type { Inspection } from '../../feeds/import/inspect';
import {
  timestampReader,
  detectTimestampFormat,
  type TimestampDetection,
} from '../../feeds/import/timestamp';
import { parseInstant } from '../../domain/time-limit/instant';
import { parseCaseEvent } from '../../feeds/schemas/case-event';
import { parseEvaluation } from '../../feeds/schemas/evaluation';
import { parseSupervisionTask } from '../../feeds/schemas/supervision-task';

export interface PreviewRow {
  key: number;
  position: number;
  ok: boolean;
  reason: string | null;
  /** Field → the parsed value as shown. */
  values: Record<string, string>;
}

/** A parsed value as text: instants in Beijing time (as the dashboard shows them). */
function show(field: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number' && /At$/.test(field))
    return formatShanghaiIso(v).replace('T', ' ').replace('+08:00', ' (UTC+8)');
  if (Array.isArray(v)) return v.length === 0 ? '—' : JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function valuesOf(
  value: Record<string, unknown>,
  fields: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f] = show(f, value[f]);
  return out;
}

/** Parses the first `n` sample records under a mapping. */
export function previewRows(inspection: Inspection, mapping: ImportMapping, n = 10): PreviewRow[] {
  const sample = inspection.sample.slice(0, n);
  const fields = FIELD_SPECS[mapping.kind].map((s) => s.field).filter((f) => f in mapping.columns);
  if (mapping.kind === 'cases') {
    const result = validateCaseRecords(sample as RawCaseRecord[], toColumnMapping(mapping));
    const rows: PreviewRow[] = sample.map((rec, i) => {
      const raw =
        'raw' in rec && typeof rec.raw === 'object' && rec.raw !== null
          ? (rec.raw as Record<string, unknown>)
          : {};
      const values: Record<string, string> = {};
      // Columns the case validator does not read are shown as written.
      for (const f of ['departmentName', 'itemCode']) {
        const col = mapping.columns[f];
        if (col !== undefined) values[f] = String(raw[col] ?? '');
      }
      return {
        key: i,
        position: inspection.positions[i] ?? i + 1,
        ok: false,
        reason: null,
        values,
      };
    });
    for (const c of result.cases) {
      const row = rows[c.index];
      if (row)
        Object.assign(row, {
          ok: true,
          values: {
            ...row.values,
            ...valuesOf(
              c.value as unknown as Record<string, unknown>,
              fields.filter((f) => !(f in row.values)),
            ),
          },
        });
    }
    for (const r of result.rejected) {
      const row = rows[r.index];
      if (row) row.reason = r.reason;
    }
    return rows;
  }
  const read = timestampReader(mapping) ?? parseInstant;
  const parse =
    mapping.kind === 'case-events'
      ? parseCaseEvent
      : mapping.kind === 'evaluations'
        ? parseEvaluation
        : parseSupervisionTask;
  const specs = FIELD_SPECS[mapping.kind];
  return sample.map((rec, i): PreviewRow => {
    const position = inspection.positions[i] ?? i + 1;
    if ('error' in rec) return { key: i, position, ok: false, reason: rec.error, values: {} };
    const out = parse(
      coerceRecord(rec.raw, specs, mapping.columns, read, formatShanghaiIso(Date.now())),
    );
    return out.ok
      ? {
          key: i,
          position,
          ok: true,
          reason: null,
          values: valuesOf(out.value as unknown as Record<string, unknown>, fields),
        }
      : { key: i, position, ok: false, reason: out.reason, values: {} };
  });
}

/** The sample values of the mapped timestamp columns, and what format they are in. */
export function detectMappedTimestamps(
  inspection: Inspection,
  mapping: ImportMapping,
): TimestampDetection {
  const columns = FIELD_SPECS[mapping.kind]
    .filter((s) => s.type === 'instant')
    .map((s) => mapping.columns[s.field])
    .filter((c): c is string => c !== undefined);
  const values: string[] = [];
  for (const rec of inspection.sample) {
    if (!('raw' in rec) || typeof rec.raw !== 'object' || rec.raw === null) continue;
    for (const c of columns) {
      const v = (rec.raw as Record<string, unknown>)[c];
      if (typeof v === 'string') values.push(v);
    }
  }
  return detectTimestampFormat(values);
}

/** A sample value of a column (the first non-blank one), for the mapping table. */
export function sampleOf(inspection: Inspection, column: string | undefined): string {
  if (column === undefined) return '';
  for (const rec of inspection.sample) {
    if (!('raw' in rec) || typeof rec.raw !== 'object' || rec.raw === null) continue;
    const v = (rec.raw as Record<string, unknown>)[column];
    if (v !== undefined && v !== null && v !== '')
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
  return '';
}
