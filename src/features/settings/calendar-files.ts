/**
 * Loading an administrator's holiday-cn year file: parse, validate with the calendar's own
 * validator, refuse an empty placeholder, and check that the resulting calendar builds (two files
 * may contradict each other on a December date). Pure apart from nothing: returns a result.
 */
import {
  CalendarDataError,
  officialHolidayFiles,
  validateHolidayYearFile,
  type HolidayYearFile,
} from '../../domain/calendar';
import { calendarFor } from '../../engine/settings';

export type CalendarFileResult =
  | { ok: true; file: HolidayYearFile; extra: HolidayYearFile[]; replacesBundled: boolean }
  | { ok: false; reason: string };

/** The bundled years that have data, ascending. */
export const BUNDLED_YEARS: readonly number[] = officialHolidayFiles
  .filter((f) => f.days.length > 0)
  .map((f) => f.year)
  .sort((a, b) => a - b);

/** Bundled placeholder years (empty files: no notice yet). */
export const PLACEHOLDER_YEARS: readonly number[] = officialHolidayFiles
  .filter((f) => f.days.length === 0)
  .map((f) => f.year);

/** Years as compact ranges: [2007..2026, 2028] → "2007–2026、2028". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${String(sorted[i])}–${String(sorted[j])}`);
    i = j + 1;
  }
  return parts.join('、');
}

/**
 * Validates a loaded file's text and returns the new list of extra files (a file for a year
 * already loaded replaces it).
 */
export function addCalendarFile(
  text: string,
  current: readonly HolidayYearFile[],
  emptyReason: string,
  notJson: (reason: string) => string,
): CalendarFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: notJson(error instanceof Error ? error.message : String(error)) };
  }
  const checked = validateHolidayYearFile(raw);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const file = checked.value;
  if (file.days.length === 0) return { ok: false, reason: emptyReason };
  const extra = [...current.filter((f) => f.year !== file.year), file].sort(
    (a, b) => a.year - b.year,
  );
  try {
    calendarFor({ extraCalendarFiles: extra });
  } catch (error) {
    if (error instanceof CalendarDataError) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, file, extra, replacesBundled: BUNDLED_YEARS.includes(file.year) };
}
