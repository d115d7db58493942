/** Notices in the contract's shape, their event timeline, and what waits for whom (the inbox). */
import type { z } from 'zod';
import { isoFromDay, type DayIndex } from '../../src/domain/calendar';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import type {
  inboxResponse,
  NoticeItem,
  noticeEvent,
  noticesQuery,
} from '../../src/contract/duban';
import { sees, type Viewer } from '../http/viewer';
import { displayState, overdueFlagDay } from './notice-machine';
import type { NoticeRecord } from './notice-store';

export function noticeItemOf(
  n: NoticeRecord,
  asOfDay: DayIndex,
  departmentName: (id: string) => string,
): NoticeItem {
  const overdue = overdueFlagDay(n.snapshot, asOfDay);
  return {
    id: n.id,
    number: n.number,
    state: displayState(n.snapshot, asOfDay),
    version: n.snapshot.version,
    departmentId: n.departmentId,
    departmentName: departmentName(n.departmentId),
    instructions: n.instructions,
    deadlineDays: n.deadlineDays,
    dueOn: isoFromDay(n.snapshot.dueDay),
    issuedAt: formatShanghaiIso(n.issuedAt),
    issuedBy: n.issuedBy,
    cardIds: n.cardIds,
    caseIds: n.caseIds,
    flags: n.flags.map((f) => ({
      caseId: f.caseId,
      rule: f.code,
      ruleName: f.ruleName,
      since: isoFromDay(f.sinceDay),
      explanation: f.explanation,
      evidence: f.evidence,
    })),
    overdueSince: overdue === null ? null : isoFromDay(overdue),
    appealUsed: n.snapshot.appealUsed,
  };
}

export function noticeEventsOf(n: NoticeRecord): z.infer<typeof noticeEvent>[] {
  return n.events.map((e) => ({
    version: e.version,
    kind: e.kind,
    at: formatShanghaiIso(e.at),
    actor: e.actor,
    actorRole: e.actorRole,
    actorDepartment: e.actorDepartment,
    dueOn: e.dueDay === null ? null : isoFromDay(e.dueDay),
    body: e.body,
  }));
}

/** The notices a viewer may see, filtered as the list asks. */
export function selectNotices(
  all: readonly NoticeItem[],
  viewer: Viewer,
  q: z.infer<typeof noticesQuery>,
): NoticeItem[] {
  return all.filter(
    (n) =>
      sees(viewer, n.departmentId) &&
      (q.state === undefined || n.state === q.state) &&
      (q.departmentId === undefined || n.departmentId === q.departmentId) &&
      (q.caseId === undefined ||
        n.caseIds.includes(q.caseId) ||
        n.flags.some((f) => f.caseId === q.caseId)),
  );
}

type Inbox = z.infer<typeof inboxResponse>;

/**
 * What waits for the viewer: a liaison answers (待反馈 and 逾期未反馈, earliest deadline first);
 * a supervisor decides appeals, reviews answers (to close) and chases notices past due. Other
 * roles act on no notice: their inbox is empty.
 */
export function inboxOf(visible: readonly NoticeItem[], viewer: Viewer): Inbox {
  const items: Inbox['items'] = [];
  const byDue = [...visible].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
  for (const notice of byDue) {
    if (viewer.role === 'liaison' && (notice.state === 'awaiting' || notice.state === 'overdue'))
      items.push({ kind: 'answer', notice });
    if (viewer.role !== 'supervisor') continue;
    if (notice.state === 'appealed') items.push({ kind: 'decide', notice });
    if (notice.state === 'answered') items.push({ kind: 'review', notice });
    if (notice.state === 'overdue') items.push({ kind: 'overdue', notice });
  }
  const counts = { answer: 0, decide: 0, review: 0, overdue: 0 };
  for (const i of items) counts[i.kind] += 1;
  return { counts, items };
}
