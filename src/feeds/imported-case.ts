/**
 * What an imported case file becomes: the feed's case record (what the file cannot say is left
 * empty, never invented: no channel, status derived from the completion time, item code only when
 * a column is mapped) and the departments named by the cases' department column. Shared by the
 * service's import sources; the rules are docs/import.md's "Nothing accepted is altered".
 */
import type { CaseInput } from '../domain/time-limit';
import type { ColumnMapping } from './mapping';
import type { CaseRecord } from './schemas/case';
import type { Department } from './schemas/department';

/** A text cell of a raw record (a string, or a number written by a JSON export). */
export function textCell(raw: unknown, column: string | undefined): string {
  if (column === undefined || typeof raw !== 'object' || raw === null) return '';
  const v = (raw as Record<string, unknown>)[column];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** The feed record of a validated imported case. */
export function importedCaseRecord(
  c: CaseInput,
  raw: unknown,
  mapping: ColumnMapping | undefined,
  importedAtMs: number,
): CaseRecord {
  return {
    id: c.id,
    departmentId: c.departmentId,
    acceptedAt: c.acceptedAt,
    committedLimitDays: c.committedLimitDays,
    statutoryLimitDays: c.statutoryLimitDays,
    completedAt: c.completedAt,
    suspensions: c.suspensions,
    dueAt: c.dueAt,
    itemCode: textCell(raw, mapping?.columns.itemCode),
    channel: null,
    // Derived, not invented: a case with a completion time is closed.
    status: c.completedAt === null ? '在办' : '办结',
    result: null,
    updatedAt: importedAtMs,
  };
}

/** Collects the departments named by imported cases (named by the mapped name column, else the id). */
export class DerivedDepartments {
  private readonly names = new Map<string, string>();

  add(departmentId: string, raw: unknown, mapping: ColumnMapping | undefined): void {
    const name = textCell(raw, mapping?.columns.departmentName);
    const known = this.names.get(departmentId);
    if (known === undefined || (known === '' && name !== '')) this.names.set(departmentId, name);
  }

  get size(): number {
    return this.names.size;
  }

  list(importedAtMs: number): Department[] {
    return [...this.names]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, name]) => ({
        id,
        name: name === '' ? id : name,
        kind: null,
        parentId: null,
        updatedAt: importedAtMs,
      }));
  }
}
