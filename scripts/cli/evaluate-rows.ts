/** The `evaluate` CLI's result rows (shared by the serial path and its worker threads). */
import { isoFromDay, type DayIndex } from '../../src/domain/calendar';
import {
  formatShanghaiIso,
  type CaseEvaluation,
  type WarningLevel,
} from '../../src/domain/time-limit';

/** One line of `results`, exactly the fields the issue specifies. */
export interface EvaluateResultRow {
  id: string;
  departmentId: string;
  committedDue: string;
  statutoryDue: string;
  elapsedDays: number;
  remainingDays: number;
  suspendedDays: number;
  overdueDays: number;
  onTime: boolean | null;
  early: boolean | null;
  level: WarningLevel;
}

/**
 * `isoFromDay` of the few thousand distinct due days a file has: a million rows format the same
 * days again and again (issue 17: formatting was ≈ 5 % of a worker's time).
 */
const isoOfDay = new Map<DayIndex, string>();

function isoDay(day: DayIndex): string {
  let s = isoOfDay.get(day);
  if (s === undefined) {
    s = isoFromDay(day);
    if (isoOfDay.size < 100_000) isoOfDay.set(day, s);
  }
  return s;
}

/** A due date as the CLI prints it: YYYY-MM-DD for limit-based, the full instant for dueAt. */
function dueText(day: DayIndex, instant: number | null): string {
  return instant === null ? isoDay(day) : formatShanghaiIso(instant);
}

export function resultRow(id: string, departmentId: string, e: CaseEvaluation): EvaluateResultRow {
  return {
    id,
    departmentId,
    committedDue: dueText(e.committedDue, e.committedDueAt),
    statutoryDue: dueText(e.statutoryDue, e.statutoryDueAt),
    elapsedDays: e.elapsedDays,
    remainingDays: e.remainingDays,
    suspendedDays: e.suspendedDays,
    overdueDays: e.overdueDays,
    onTime: e.onTime,
    early: e.early,
    level: e.level,
  };
}

/**
 * True when `JSON.stringify(s)` is `"` + s + `"`: no quote, backslash, control character or
 * surrogate (a lone one is escaped; a pair is rare enough to leave to JSON.stringify).
 */
function plainJsonString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

function jsonString(s: string): string {
  return plainJsonString(s) ? `"${s}"` : JSON.stringify(s);
}

/** A number as JSON.stringify writes it (finite: its shortest text, -0 as 0; else null). */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

function jsonFlag(b: boolean | null): string {
  return b === null ? 'null' : b ? 'true' : 'false';
}

/**
 * `JSON.stringify(resultRow(id, departmentId, e))`, written directly: no row object, and the
 * strings escaped only when they need it (issue 17: building and stringifying the object was
 * ≈ 30 % of a worker's time on 1M cases). tests/unit/cli/evaluate-rows.test.ts holds it to
 * JSON.stringify on awkward ids and every field kind.
 */
export function resultRowJson(id: string, departmentId: string, e: CaseEvaluation): string {
  return (
    `{"id":${jsonString(id)},"departmentId":${jsonString(departmentId)}` +
    `,"committedDue":"${dueText(e.committedDue, e.committedDueAt)}"` +
    `,"statutoryDue":"${dueText(e.statutoryDue, e.statutoryDueAt)}"` +
    `,"elapsedDays":${jsonNumber(e.elapsedDays)},"remainingDays":${jsonNumber(e.remainingDays)}` +
    `,"suspendedDays":${jsonNumber(e.suspendedDays)},"overdueDays":${jsonNumber(e.overdueDays)}` +
    `,"onTime":${jsonFlag(e.onTime)},"early":${jsonFlag(e.early)},"level":"${e.level}"}`
  );
}

/** True when every unit of `s` is ASCII (its UTF-8 bytes are its units). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Bytes of `s` in UTF-8 as Buffer and TextEncoder write it (a lone surrogate as U+FFFD, 3 bytes).
 * The workers place each row in a block's bytes by it: one encode per block instead of one
 * native call per row (issue 17: that call was ≈ 6 % of a worker's time).
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    n += c < 0x800 ? 1 : 2;
    // A surrogate pair is 2 units and 4 bytes: the low one adds nothing.
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}
