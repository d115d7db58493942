/**
 * Issue 15, item 5: the 督办单 state machine, as a pure module. Every (state, action) pair is
 * walked: the legal ones lead where docs/duban.md's diagram says, every other one is refused with
 * 409 and a reason; an actor of the wrong role or department is refused with 403; the fold of
 * the events a walk appends equals the walk's own snapshots.
 */
import { describe, expect, it } from 'vitest';
import {
  displayState,
  foldNotice,
  overdueFlagDay,
  transition,
  type NoticeAction,
  type NoticeEventFacts,
  type NoticeSnapshot,
} from '../../server/duban/notice-machine';
import type { Viewer } from '../../server/http/viewer';
import type { NoticeStateName } from '../../src/contract/duban';
import { LEADER, liaisonOf, SUPERVISOR } from './duban-helpers';

const DEPT = 'D01';
const DUE = 100;
const ON_TIME = { today: 99, newDueDay: 110 };
const LATE = { today: 101, newDueDay: 110 };

type Case =
  'awaiting' | 'overdue' | 'awaiting-after-uphold' | 'answered' | 'appealed' | 'closed' | 'revoked';

function snapshot(c: Case): { s: NoticeSnapshot; clock: typeof ON_TIME } {
  const base: NoticeSnapshot = {
    departmentId: DEPT,
    state: 'awaiting',
    version: 3,
    dueDay: DUE,
    appealUsed: false,
    overdueSince: null,
  };
  switch (c) {
    case 'awaiting':
      return { s: base, clock: ON_TIME };
    case 'overdue':
      return { s: base, clock: LATE };
    case 'awaiting-after-uphold':
      return { s: { ...base, appealUsed: true }, clock: ON_TIME };
    default:
      return { s: { ...base, state: c }, clock: ON_TIME };
  }
}

const ACTIONS: Record<string, NoticeAction> = {
  respond: { type: 'respond', cause: '材料积压', measures: '已加派人手', expectedBy: '2026-10-15' },
  appeal: { type: 'appeal', reason: 'applicant-delay', explanation: '申请人补正迟延' },
  revoke: { type: 'decide', decision: 'revoke', reason: '申诉理由成立' },
  uphold: { type: 'decide', decision: 'uphold', reason: '理由不成立' },
  return: { type: 'return', reason: '整改措施不具体，请补充时间表' },
  close: { type: 'close' },
};

function actorFor(action: NoticeAction): Viewer {
  return action.type === 'respond' || action.type === 'appeal' ? liaisonOf(DEPT) : SUPERVISOR;
}

/** The legal moves: (case, action) → the stored state it leads to. */
const LEGAL: Record<string, NoticeStateName> = {
  'awaiting/respond': 'answered',
  'awaiting/appeal': 'appealed',
  'overdue/respond': 'answered',
  'overdue/appeal': 'appealed',
  'awaiting-after-uphold/respond': 'answered',
  'answered/close': 'closed',
  'answered/return': 'awaiting',
  'appealed/revoke': 'revoked',
  'appealed/uphold': 'awaiting',
};

const CASES: Case[] = [
  'awaiting',
  'overdue',
  'awaiting-after-uphold',
  'answered',
  'appealed',
  'closed',
  'revoked',
];

describe('the notice state machine', () => {
  for (const c of CASES) {
    for (const [name, action] of Object.entries(ACTIONS)) {
      const key = `${c}/${name}`;
      const target = LEGAL[key];
      it(`${key} → ${target ?? '409'}`, () => {
        const { s, clock } = snapshot(c);
        const r = transition(s, action, actorFor(action), clock);
        if (target === undefined) {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.status).toBe(409);
            expect(r.reason.length).toBeGreaterThan(5);
          }
          return;
        }
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.next.state).toBe(target);
        expect(r.next.version).toBe(s.version + 1);
        expect(r.late).toBe(c === 'overdue');
        if (name === 'uphold' || name === 'return') expect(r.next.dueDay).toBe(clock.newDueDay);
        if (name === 'appeal') expect(r.next.appealUsed).toBe(true);
      });
    }
  }

  it('refuses the wrong role or department with 403, before looking at the state', () => {
    const { s, clock } = snapshot('awaiting');
    const appealed = snapshot('appealed').s;
    const answered = snapshot('answered').s;
    const denied: [NoticeSnapshot, NoticeAction, Viewer][] = [
      [s, ACTIONS['respond']!, SUPERVISOR],
      [s, ACTIONS['respond']!, liaisonOf('D02')],
      [s, ACTIONS['appeal']!, LEADER],
      [s, ACTIONS['appeal']!, liaisonOf('D02')],
      [appealed, ACTIONS['revoke']!, liaisonOf(DEPT)],
      [appealed, ACTIONS['uphold']!, LEADER],
      [answered, ACTIONS['close']!, liaisonOf(DEPT)],
      [answered, ACTIONS['return']!, liaisonOf(DEPT)],
      [answered, ACTIONS['return']!, LEADER],
      [answered, ACTIONS['close']!, { ...SUPERVISOR, role: 'admin' }],
    ];
    for (const [snap, action, actor] of denied) {
      const r = transition(snap, action, actor, clock);
      expect(r.ok ? 200 : r.status, `${actor.name} ${action.type}`).toBe(403);
    }
  });

  it('shows 逾期未反馈 from the deadline and the as-of day, and keeps the flag after a late answer', () => {
    const { s } = snapshot('awaiting');
    expect(displayState(s, DUE)).toBe('awaiting');
    expect(displayState(s, DUE + 1)).toBe('overdue');
    expect(overdueFlagDay(s, DUE)).toBeNull();
    expect(overdueFlagDay(s, DUE + 5)).toBe(DUE + 1);
    const answered = transition(s, ACTIONS['respond']!, liaisonOf(DEPT), LATE);
    expect(answered.ok && overdueFlagDay(answered.next, DUE + 30)).toBe(DUE + 1);
    const onTime = transition(s, ACTIONS['respond']!, liaisonOf(DEPT), ON_TIME);
    expect(onTime.ok && overdueFlagDay(onTime.next, DUE + 30)).toBeNull();
    // A revoked notice is no flag: the office accepted the appeal.
    expect(overdueFlagDay({ ...s, state: 'revoked', overdueSince: DUE + 1 }, DUE + 30)).toBeNull();
  });

  it('folds the events a walk appends into the walk’s own snapshots', () => {
    const issued: NoticeEventFacts = { version: 1, kind: 'issued', day: 90, dueDay: DUE };
    let s = foldNotice(DEPT, [issued]);
    const events: NoticeEventFacts[] = [issued];
    const walk: [NoticeAction, typeof ON_TIME][] = [
      [ACTIONS['appeal']!, LATE],
      [ACTIONS['uphold']!, { today: 102, newDueDay: 105 }],
      [ACTIONS['respond']!, { today: 104, newDueDay: 0 }],
      [ACTIONS['return']!, { today: 105, newDueDay: 108 }],
      [ACTIONS['respond']!, { today: 107, newDueDay: 0 }],
      [ACTIONS['close']!, { today: 109, newDueDay: 0 }],
    ];
    for (const [action, clock] of walk) {
      const r = transition(s, action, actorFor(action), clock);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      events.push({
        version: r.next.version,
        kind: r.kind,
        day: clock.today,
        dueDay: r.kind === 'upheld' || r.kind === 'returned' ? r.next.dueDay : null,
      });
      expect(foldNotice(DEPT, events)).toEqual(r.next);
      s = r.next;
    }
    expect(s).toMatchObject({ state: 'closed', version: 7, overdueSince: DUE + 1, dueDay: 108 });
  });
});
