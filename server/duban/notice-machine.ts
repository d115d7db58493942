/**
 * The 督办单 state machine — the one place that says which action is legal in which state and for
 * whom. Pure: the service folds a notice's stored events into a snapshot, asks `transition`, and
 * appends the event it returns (or answers 403/409 with the reason). Tests walk every state ×
 * action pair against this module.
 *
 *   待反馈 awaiting ──respond──▶ 已反馈 answered ──close──▶ 已办结 closed
 *      ▲                              │
 *      └─────────return (退回)────────┘ (reason; new deadline)
 *      │  (past due: shown as 逾期未反馈 overdue; still answerable, late)
 *      └──appeal──▶ 申诉中 appealed ──revoke──▶ 已撤销 revoked (cards revoked; the notice ends)
 *                                    └──uphold──▶ 待反馈 awaiting (new deadline)
 *
 * One appeal per notice: after 维持 the department must answer (a second appeal would let a
 * department postpone a notice indefinitely).
 */
import type { DayIndex } from '../../src/domain/calendar';
import type { AppealReason, NoticeStateName } from '../../src/contract/duban';
import { sees, type Viewer } from '../http/viewer';

/** The states that are stored (overdue is derived from the deadline and the as-of day). */
export type StoredNoticeState = Exclude<NoticeStateName, 'overdue'>;

export type NoticeEventKind =
  'issued' | 'responded' | 'appealed' | 'revoked' | 'upheld' | 'returned' | 'closed';

/** One stored event, as the fold reads it. */
export interface NoticeEventFacts {
  version: number;
  kind: NoticeEventKind;
  /** The civil day the event happened (Asia/Shanghai). */
  day: DayIndex;
  /** The response deadline set by this event (issued, upheld, returned), else null. */
  dueDay: DayIndex | null;
}

export interface NoticeSnapshot {
  departmentId: string;
  state: StoredNoticeState;
  version: number;
  /** The response deadline in force: due at the end of this day. */
  dueDay: DayIndex;
  /** An appeal was made (only one per notice). */
  appealUsed: boolean;
  /** The first day the notice was past due without an answer in an earlier awaiting period. */
  overdueSince: DayIndex | null;
}

export type NoticeAction =
  | { type: 'respond'; cause: string; measures: string; expectedBy: string }
  | { type: 'appeal'; reason: AppealReason; explanation: string }
  | { type: 'decide'; decision: 'revoke' | 'uphold'; reason: string }
  | { type: 'return'; reason: string }
  | { type: 'close' };

export type NoticeActionType = NoticeAction['type'];

/**
 * When the action happens, and the deadline an uphold or a return would set (computed by the
 * caller's calendar: the day + the notice's working days).
 */
export interface TransitionClock {
  today: DayIndex;
  newDueDay: DayIndex;
}

export type TransitionResult =
  | { ok: true; kind: NoticeEventKind; next: NoticeSnapshot; late: boolean }
  | { ok: false; status: 403 | 409; reason: string };

const STATE_NAMES: Record<NoticeStateName, string> = {
  awaiting: '待反馈',
  overdue: '逾期未反馈',
  answered: '已反馈',
  appealed: '申诉中',
  closed: '已办结',
  revoked: '已撤销',
};

export function stateName(s: NoticeStateName): string {
  return STATE_NAMES[s];
}

/** The state as shown: a notice awaiting an answer after its deadline is 逾期未反馈. */
export function displayState(s: NoticeSnapshot, asOfDay: DayIndex): NoticeStateName {
  return s.state === 'awaiting' && asOfDay > s.dueDay ? 'overdue' : s.state;
}

/**
 * The day the notice counts as one slow-action flag of its department (the first day it was
 * 逾期未反馈), or null. It stays a flag after a late answer — lateness is not undone by answering —
 * but not once the notice is revoked (the office accepted that the card should not count).
 */
export function overdueFlagDay(s: NoticeSnapshot, asOfDay: DayIndex): DayIndex | null {
  if (s.state === 'revoked') return null;
  if (s.overdueSince !== null) return s.overdueSince;
  return s.state === 'awaiting' && asOfDay > s.dueDay ? s.dueDay + 1 : null;
}

/**
 * The overdue period a flag stands for: the deadline that passed and the last day the notice was
 * overdue (the day of the event that ended it — a late answer or appeal — or the as-of day while
 * it still waits). Null when the notice is no flag (see {@link overdueFlagDay}).
 */
export function overdueSpan(
  s: NoticeSnapshot,
  events: readonly Pick<NoticeEventFacts, 'version' | 'day'>[],
  asOfDay: DayIndex,
): { dueDay: DayIndex; until: DayIndex } | null {
  const since = overdueFlagDay(s, asOfDay);
  if (since === null) return null;
  // Only an event ends an overdue awaiting period, so the first one on or after its first day did.
  const ended = events.find((e) => e.version > 1 && e.day >= since);
  return { dueDay: since - 1, until: ended?.day ?? asOfDay };
}

const refuse = (reason: string): TransitionResult => ({ ok: false, status: 409, reason });
const forbid = (reason: string): TransitionResult => ({ ok: false, status: 403, reason });

function may(action: NoticeActionType, s: NoticeSnapshot, actor: Viewer): string | null {
  if (action === 'respond' || action === 'appeal') {
    if (actor.role !== 'liaison' || !sees(actor, s.departmentId))
      return '只有该部门的联络员可以反馈或申诉 (only the department’s liaison may answer or appeal)';
    return null;
  }
  if (actor.role !== 'supervisor')
    return '只有督查员可以作出决定、退回或办结 (only a supervisor may decide, return or close)';
  return null;
}

/**
 * Whether `actor` may do `action` on a notice in state `s`, and the state it leads to. The
 * caller has already checked the version; `clock.today` decides whether an answer is late.
 */
export function transition(
  s: NoticeSnapshot,
  action: NoticeAction,
  actor: Viewer,
  clock: TransitionClock,
): TransitionResult {
  const denied = may(action.type, s, actor);
  if (denied !== null) return forbid(denied);
  const shown = displayState(s, clock.today);
  const illegal = (): TransitionResult =>
    refuse(
      `督办单${STATE_NAMES[shown]}，不能${ACTION_NAMES[action.type]} (cannot ${action.type} a notice that is ${shown})`,
    );
  const late = shown === 'overdue';
  const next = (state: StoredNoticeState, extra: Partial<NoticeSnapshot> = {}): NoticeSnapshot => ({
    ...s,
    state,
    version: s.version + 1,
    overdueSince: s.overdueSince ?? (late ? s.dueDay + 1 : null),
    ...extra,
  });
  switch (action.type) {
    case 'respond':
      if (s.state !== 'awaiting') return illegal();
      return { ok: true, kind: 'responded', next: next('answered'), late };
    case 'appeal':
      if (s.state !== 'awaiting') return illegal();
      if (s.appealUsed)
        return refuse(
          '申诉已被维持，不能再次申诉 (an appeal was already decided: answer the notice)',
        );
      return { ok: true, kind: 'appealed', next: next('appealed', { appealUsed: true }), late };
    case 'decide':
      if (s.state !== 'appealed') return illegal();
      if (action.decision === 'revoke')
        return { ok: true, kind: 'revoked', next: next('revoked'), late: false };
      return {
        ok: true,
        kind: 'upheld',
        next: next('awaiting', { dueDay: clock.newDueDay }),
        late: false,
      };
    case 'return':
      // The answer does not satisfy the office: the department answers again by a new deadline.
      if (s.state !== 'answered') return illegal();
      return {
        ok: true,
        kind: 'returned',
        next: next('awaiting', { dueDay: clock.newDueDay }),
        late: false,
      };
    case 'close':
      if (s.state !== 'answered') return illegal();
      return { ok: true, kind: 'closed', next: next('closed'), late: false };
  }
}

const ACTION_NAMES: Record<NoticeActionType, string> = {
  respond: '反馈',
  appeal: '申诉',
  decide: '作出申诉决定',
  return: '退回',
  close: '办结',
};

/**
 * A notice's state is the fold of its events (oldest first). The overdue day of an earlier
 * awaiting period is kept: an event after the deadline closes that period late.
 */
export function foldNotice(
  departmentId: string,
  events: readonly NoticeEventFacts[],
): NoticeSnapshot {
  const first = events[0];
  if (first === undefined || first.kind !== 'issued' || first.dueDay === null)
    throw new Error('a notice starts with its issued event');
  let s: NoticeSnapshot = {
    departmentId,
    state: 'awaiting',
    version: first.version,
    dueDay: first.dueDay,
    appealUsed: false,
    overdueSince: null,
  };
  for (const e of events.slice(1)) {
    const lateNow = s.state === 'awaiting' && e.day > s.dueDay;
    const overdueSince = s.overdueSince ?? (lateNow ? s.dueDay + 1 : null);
    const base = { ...s, version: e.version, overdueSince };
    switch (e.kind) {
      case 'responded':
        s = { ...base, state: 'answered' };
        break;
      case 'appealed':
        s = { ...base, state: 'appealed', appealUsed: true };
        break;
      case 'revoked':
        s = { ...base, state: 'revoked' };
        break;
      case 'upheld':
      case 'returned':
        s = { ...base, state: 'awaiting', dueDay: e.dueDay ?? s.dueDay };
        break;
      case 'closed':
        s = { ...base, state: 'closed' };
        break;
      case 'issued':
        throw new Error('a notice is issued once');
    }
  }
  return s;
}
