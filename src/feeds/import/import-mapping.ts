/**
 * The import page's column mapping for any record kind. For cases it is exactly the CLI's
 * `--mapping` JSON (`{"columns": {…}, "timezone"?, "timestampFormat"?}`), so a preset saved in the
 * browser runs in batch and a CLI mapping loads in the browser; other kinds add `"kind"`.
 */
import {
  checkColumnEntries,
  parseColumnMapping,
  timestampOptionsOf,
  type ColumnMapping,
} from '../mapping';
import { FIELD_SPECS, IMPORT_KINDS, type ImportKind } from './fields';
import type { TimestampFormat } from './timestamp';

export interface ImportMapping {
  kind: ImportKind;
  /** Field → the file's column name. */
  columns: Record<string, string>;
  timezone?: string;
  timestampFormat?: TimestampFormat;
}

/** A named mapping saved on this browser. */
export interface MappingPreset {
  name: string;
  mapping: ImportMapping;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The case mapping the shared case validator (and the CLI) takes. */
export function toColumnMapping(m: ImportMapping): ColumnMapping {
  const out: ColumnMapping = { columns: { ...m.columns } };
  if (m.timezone !== undefined) out.timezone = m.timezone;
  if (m.timestampFormat !== undefined) out.timestampFormat = m.timestampFormat;
  return out;
}

/** Validates untrusted mapping JSON (a preset file, or a CLI mapping) for any kind. */
export function parseImportMapping(raw: unknown): Parsed<ImportMapping> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      reason: '映射须为 JSON 对象 (mapping must be a JSON object {"columns": {…}})',
    };
  }
  const o = raw as Record<string, unknown>;
  const kindRaw = o['kind'] ?? 'cases';
  if (typeof kindRaw !== 'string' || !(IMPORT_KINDS as readonly string[]).includes(kindRaw)) {
    return {
      ok: false,
      reason: `未知的数据类型 ${JSON.stringify(kindRaw)} (kind must be one of ${IMPORT_KINDS.join(', ')})`,
    };
  }
  const kind = kindRaw as ImportKind;
  if (kind === 'cases') {
    const m = parseColumnMapping({ ...o, kind: undefined });
    if (!m.ok) return m;
    return { ok: true, value: { kind, ...m.value, columns: { ...m.value.columns } } };
  }
  const columns = o['columns'];
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    return { ok: false, reason: '映射缺少 columns 对象 (mapping needs a "columns" object)' };
  }
  const checked = checkColumnEntries(
    columns as Record<string, unknown>,
    FIELD_SPECS[kind].map((s) => s.field),
  );
  if (!checked.ok) return checked;
  const out = checked.value;
  const options = timestampOptionsOf(o);
  if (!options.ok) return options;
  return { ok: true, value: { kind, columns: out, ...options.value } };
}

/**
 * The JSON a preset is saved and exported as. Cases: the CLI's mapping format, nothing more
 * (`evaluate --mapping` reads it as is); other kinds carry `"kind"`.
 */
export function mappingToJson(m: ImportMapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (m.kind !== 'cases') out['kind'] = m.kind;
  out['columns'] = { ...m.columns };
  if (m.timezone !== undefined) out['timezone'] = m.timezone;
  if (m.timestampFormat !== undefined) out['timestampFormat'] = m.timestampFormat;
  return out;
}
