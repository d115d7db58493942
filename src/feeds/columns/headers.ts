/**
 * Column-mapping suggestions from a file's header row: each field takes the first column whose
 * normalised name equals one of the field's known names (Chinese and English exports alike).
 */
import { FIELD_SPECS, type ImportKind } from './fields';

/** Lower case, without spaces, underscores, hyphens, dots or brackets (full or half width). */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()（）[\]【】:：/]/g, '');
}

/**
 * Suggests a column for each field of a kind: exact (normalised) synonym match, fields in display
 * order, a column used at most once. Fields without a match are left out for the user to fix.
 */
export function suggestColumns(
  kind: ImportKind,
  header: readonly string[],
): Record<string, string> {
  const byName = new Map<string, string>();
  for (const h of header) {
    const key = normaliseHeader(h);
    if (key !== '' && !byName.has(key)) byName.set(key, h);
  }
  const used = new Set<string>();
  const out: Record<string, string> = {};
  for (const spec of FIELD_SPECS[kind]) {
    for (const name of [spec.field, ...spec.synonyms]) {
      const column = byName.get(normaliseHeader(name));
      if (column !== undefined && !used.has(column)) {
        out[spec.field] = column;
        used.add(column);
        break;
      }
    }
  }
  return out;
}
