/**
 * An independent model of the 督查事项 rules for integration tests: works on the wire records
 * (strings), counts days with Date.UTC and months with the Date rollover — no code shared with
 * src/domain/tasks — so the page's figures are checked against a second implementation.
 */
import type { SupervisionTaskWire } from '../../src/feeds/schemas/supervision-task';

export type RefStatus = 'overdue' | 'lagging' | 'due-soon' | 'normal' | 'done';

export interface RefTask {
  id: string;
  source: string;
  lead: string;
  status: RefStatus;
  overdueMilestones: number;
  assigned: number;
  completed: number | null;
}

/** Days since the epoch of the Shanghai date at the start of an ISO string (`YYYY-MM-DD…+08:00`). */
function dayNum(iso: string): number {
  // Timestamps in the demo feed carry +08:00, so their first ten characters are the Shanghai date.
  if (iso.length > 10 && !iso.endsWith('+08:00')) throw new Error(`unexpected zone in ${iso}`);
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

function plusMonths(iso: string, months: number): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const lastOfTarget = new Date(Date.UTC(y!, m! - 1 + months + 1, 0)).getUTCDate();
  return Date.UTC(y!, m! - 1 + months, Math.min(d!, lastOfTarget)) / 86_400_000;
}

/** Evaluates a wire task as of a `YYYY-MM-DD` date by the rules of docs/tasks.md. */
export function refEvaluate(t: SupervisionTaskWire, asOfIso: string): RefTask {
  const asOf = dayNum(asOfIso);
  const deadline =
    t.deadline !== null
      ? dayNum(t.deadline)
      : plusMonths(t.assignedAt, t.source === '人大代表建议' && t.complex ? 6 : 3);
  const doneDays = t.milestones.map((m) => (m.doneAt === null ? null : dayNum(m.doneAt)));
  let completed: number | null = null;
  if (t.status === '办结') {
    const c =
      doneDays.length > 0 && doneDays.every((d) => d !== null)
        ? Math.max(...(doneDays as number[]))
        : dayNum(t.updatedAt);
    if (c <= asOf) completed = c;
  }
  const base = {
    id: t.id,
    source: t.source,
    lead: t.leadDepartmentId,
    assigned: dayNum(t.assignedAt),
    completed,
  };
  if (completed !== null) return { ...base, status: 'done', overdueMilestones: 0 };
  const open = t.milestones.filter((_, i) => {
    const d = doneDays[i];
    return d === null || d === undefined || d > asOf;
  });
  const overdueMilestones = open.filter((m) => dayNum(m.due) < asOf).length;
  const soon = (day: number) => day >= asOf && day <= asOf + 3;
  let status: RefStatus = 'normal';
  if (deadline < asOf) status = 'overdue';
  else if (overdueMilestones > 0) status = 'lagging';
  else if (soon(deadline) || open.some((m) => soon(dayNum(m.due)))) status = 'due-soon';
  return { ...base, status, overdueMilestones };
}
