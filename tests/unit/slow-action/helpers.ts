import {
  dayFromIso,
  isoFromDay,
  officialCalendar,
  type DayIndex,
} from '../../../src/domain/calendar';
import {
  DEFAULT_SLOW_ACTION_THRESHOLDS,
  flagCase,
  type CaseStepInput,
  type SlowActionCode,
  type SlowActionFlag,
  type SlowActionThresholds,
} from '../../../src/domain/slow-action';
import {
  evaluateCase,
  parseInstant,
  type CaseEvaluation,
  type CaseInput,
  type SuspensionInput,
} from '../../../src/domain/time-limit';

export const cal = officialCalendar();

/** Parse a timestamp in a test (no offset = Asia/Shanghai), failing loudly on a typo. */
export function at(s: string): number {
  const ms = parseInstant(s);
  if (ms === null) throw new Error(`bad test timestamp ${s}`);
  return ms;
}

export const day = (s: string): DayIndex => dayFromIso(s);
export const iso = (d: DayIndex): string => isoFromDay(d);

export interface CaseSpec {
  id?: string;
  departmentId?: string;
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

/** Build a CaseInput from readable timestamps. */
export function mkCase(spec: CaseSpec): CaseInput {
  const suspensions: SuspensionInput[] = (spec.suspensions ?? []).map((s) => ({
    kind: s.kind ?? '补正',
    startAt: at(s.startAt),
    endAt: s.endAt == null ? null : at(s.endAt),
    approvedDays: s.approvedDays ?? null,
  }));
  return {
    id: spec.id ?? 'c1',
    departmentId: spec.departmentId ?? 'd1',
    acceptedAt: at(spec.acceptedAt),
    committedLimitDays: spec.committed === undefined ? 20 : spec.committed,
    statutoryLimitDays: spec.statutory ?? null,
    completedAt: spec.completedAt == null ? null : at(spec.completedAt),
    suspensions,
    dueAt: spec.dueAt == null ? null : at(spec.dueAt),
  };
}

/** Steps from readable timestamps: [step, enteredAt, leftAt?]. */
export function mkSteps(...rows: [string, string, string?][]): CaseStepInput[] {
  return rows.map(([step, e, l]) => ({
    step,
    enteredAt: at(e),
    leftAt: l === undefined ? null : at(l),
  }));
}

/** Thresholds: the defaults with some overridden. */
export function th(over: Partial<SlowActionThresholds> = {}): SlowActionThresholds {
  return { ...DEFAULT_SLOW_ACTION_THRESHOLDS, ...over };
}

/** Evaluate and flag a case as of an instant. */
export function run(
  c: CaseInput,
  steps: readonly CaseStepInput[] | null,
  asOf: string,
  t: SlowActionThresholds = DEFAULT_SLOW_ACTION_THRESHOLDS,
): { ev: CaseEvaluation; flags: readonly SlowActionFlag[] } {
  const asOfMs = at(asOf);
  const ev = evaluateCase(c, asOfMs, cal);
  return { ev, flags: flagCase(c, ev, steps, asOfMs, cal, t) };
}

/** The flag with a code, or undefined. */
export function find(
  flags: readonly SlowActionFlag[],
  code: SlowActionCode,
): SlowActionFlag | undefined {
  return flags.find((f) => f.code === code);
}

/** The flag with a code, failing the test when absent. */
export function get(flags: readonly SlowActionFlag[], code: SlowActionCode): SlowActionFlag {
  const f = find(flags, code);
  if (f === undefined) {
    throw new Error(`expected a '${code}' flag, got [${flags.map((x) => x.code).join(', ')}]`);
  }
  return f;
}
