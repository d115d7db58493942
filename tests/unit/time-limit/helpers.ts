import { dayFromIso, isoFromDay, type DayIndex } from '../../../src/domain/calendar';
import { parseInstant, type CaseInput, type SuspensionInput } from '../../../src/domain/time-limit';

/** Parse a timestamp in a test, failing loudly on a typo. */
export function at(s: string): number {
  const ms = parseInstant(s);
  if (ms === null) throw new Error(`bad test timestamp ${s}`);
  return ms;
}

export interface CaseSpec {
  id?: string;
  acceptedAt: string;
  committed?: number | null;
  statutory?: number | null;
  completedAt?: string | null;
  dueAt?: string | null;
  suspensions?: {
    startAt: string;
    endAt?: string | null;
    approvedDays?: number | null;
    kind?: string;
  }[];
}

/** Build a CaseInput from readable timestamps (no offset = Asia/Shanghai). */
export function mkCase(spec: CaseSpec): CaseInput {
  const suspensions: SuspensionInput[] = (spec.suspensions ?? []).map((s) => ({
    kind: s.kind ?? '补正',
    startAt: at(s.startAt),
    endAt: s.endAt == null ? null : at(s.endAt),
    approvedDays: s.approvedDays ?? null,
  }));
  return {
    id: spec.id ?? 'c1',
    departmentId: 'd1',
    acceptedAt: at(spec.acceptedAt),
    committedLimitDays: spec.committed ?? null,
    statutoryLimitDays: spec.statutory ?? null,
    completedAt: spec.completedAt == null ? null : at(spec.completedAt),
    suspensions,
    dueAt: spec.dueAt == null ? null : at(spec.dueAt),
  };
}

export const day = (s: string): DayIndex => dayFromIso(s);
export const iso = (d: DayIndex | null): string | null => (d === null ? null : isoFromDay(d));
