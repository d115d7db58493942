import { toCsv, type CsvColumn } from '../../contract/csv';
import type { ImportRejection } from '../../feeds/import/run-import';

/**
 * The rejected rows as a CSV the user can fix and import again: where the row was, why it was
 * refused, then the row's own cells under the file's header (so it lines up with the original).
 */
export function rejectedRowsCsv(
  rejected: readonly ImportRejection[],
  header: readonly string[],
  positionLabel: string,
): string {
  const known = new Set(header);
  const extra: string[] = [];
  for (const r of rejected)
    for (const k of Object.keys(r.cells)) if (!known.has(k) && !extra.includes(k)) extra.push(k);
  const columns: CsvColumn<ImportRejection>[] = [
    { header: positionLabel, value: (r) => r.position },
    { header: '拒收原因', value: (r) => r.reason },
    ...[...header, ...extra].map((h): CsvColumn<ImportRejection> => ({
      header: h,
      value: (r) => r.cells[h] ?? '',
    })),
  ];
  return toCsv(rejected, columns);
}
