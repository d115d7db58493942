import { officialCalendar } from '../../../src/domain/calendar';
import { parseInstant, type SuspensionInput } from '../../../src/domain/time-limit';
import { indexDataset, type IndexedDataset } from '../../../src/engine/dataset';
import type { CaseRecord } from '../../../src/feeds/schemas/case';
import type { CaseEvent } from '../../../src/feeds/schemas/case-event';
import type { Department } from '../../../src/feeds/schemas/department';
import type { Evaluation, EvaluationLevel } from '../../../src/feeds/schemas/evaluation';

export const cal = officialCalendar();

/** A timestamp in a test (no offset = Asia/Shanghai); a typo fails loudly. */
export function at(s: string): number {
  const ms = parseInstant(s);
  if (ms === null) throw new Error(`bad test timestamp ${s}`);
  return ms;
}

export const Q2_2026 = { kind: 'quarter', year: 2026, quarter: 2 } as const;
export const Q3_2026 = { kind: 'quarter', year: 2026, quarter: 3 } as const;
export const Q4_2026 = { kind: 'quarter', year: 2026, quarter: 4 } as const;

export interface CaseSpec {
  id: string;
  dept: string;
  accepted: string;
  committed?: number;
  statutory?: number;
  completed?: string | null;
  suspensions?: { kind: string; start: string; end: string | null; approvedDays?: number }[];
  dueAt?: string;
}

/** A validated case record as the feed parser would produce it. */
export function mkCase(s: CaseSpec): CaseRecord {
  const completedAt = s.completed === undefined || s.completed === null ? null : at(s.completed);
  const suspensions: SuspensionInput[] = (s.suspensions ?? []).map((x) => ({
    kind: x.kind,
    startAt: at(x.start),
    endAt: x.end === null ? null : at(x.end),
    approvedDays: x.approvedDays ?? null,
  }));
  return {
    id: s.id,
    departmentId: s.dept,
    acceptedAt: at(s.accepted),
    committedLimitDays: s.dueAt === undefined ? (s.committed ?? 5) : null,
    statutoryLimitDays: s.dueAt === undefined ? (s.statutory ?? s.committed ?? 5) : null,
    completedAt,
    suspensions,
    dueAt: s.dueAt === undefined ? null : at(s.dueAt),
    itemCode: 'ITEM',
    channel: '窗口',
    status: completedAt === null ? '在办' : '办结',
    result: null,
    updatedAt: completedAt ?? at(s.accepted),
  };
}

export function mkEval(
  id: string,
  caseId: string,
  level: EvaluationLevel,
  when: string,
  rectified: string | null = null,
): Evaluation {
  return {
    id,
    caseId,
    level,
    at: at(when),
    channel: 'PC端',
    rectifiedAt: rectified === null ? null : at(rectified),
    updatedAt: at(rectified ?? when),
  };
}

export function mkDept(id: string, name = `部门${id}`): Department {
  return { id, name, kind: '市直部门', parentId: null, updatedAt: 0 };
}

export function mkDataset(
  cases: CaseRecord[],
  evaluations: Evaluation[] = [],
  departments: Department[] = [],
  caseEvents: CaseEvent[] = [],
): IndexedDataset {
  return indexDataset({ departments, items: [], cases, caseEvents, evaluations, tasks: [] });
}

/**
 * `n` cases of a department accepted Mon 2026-07-06 with a 5-day committed limit (due Mon 07-13),
 * completed on `completedDay` (on time and early for 07-07 … 07-10, on time 07-13, late after).
 */
export function batch(
  dept: string,
  n: number,
  completed = '2026-07-08T10:00',
  prefix = '',
): CaseRecord[] {
  return Array.from({ length: n }, (_, i) =>
    mkCase({
      id: `${prefix}${dept}-${completed.slice(0, 10)}-${i}`,
      dept,
      accepted: '2026-07-06T09:00',
      committed: 5,
      statutory: 10,
      completed,
    }),
  );
}
