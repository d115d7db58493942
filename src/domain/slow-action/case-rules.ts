/**
 * Case-level slow-action rules (DOMAIN.md "Slow action"; the rules as implemented, with the
 * choices made, are in docs/slow-action.md).
 *
 * Every rule is a pure function of a case, its evaluation (evaluateCase at the same instant), its
 * steps, the as-of instant, the calendar and the thresholds. Days are Asia/Shanghai civil days;
 * counts are working days; a day on which the time-limit core suspends the clock is never
 * counted as the office's idle time (the applicant or a special procedure has the case).
 */
import type { WorkingCalendar } from '../calendar/calendar';
import { isoFromDay, shanghaiDayOf } from '../calendar/day';
import { SuspendedIntervals } from '../time-limit/suspensions';
import type { CaseEvaluation, CaseInput } from '../time-limit/types';
import {
  ACCEPTANCE_STEP,
  CORRECTION_KIND,
  DEFAULT_SLOW_ACTION_THRESHOLDS,
  formatShare,
  slowActionRuleName,
  type CaseStepInput,
  type SlowActionFlag,
  type SlowActionThresholds,
} from './types';

/**
 * Signature shared by every case-level rule.
 *
 * @param c the case
 * @param ev `evaluateCase(c, asOfMs, cal)`: the rules read deadlines and day counts from it
 * @param steps the case's steps (环节流转) in any order, or `null` when the flow is unknown (no
 *   case-event feed): the two rules that need it (滞留, 受理未办) then stay silent rather than
 *   flag every case. An empty array means "known: no step yet".
 * @param asOfMs the instant to judge at; later events are not known yet and are ignored
 * @param cal the working-day calendar
 * @param t thresholds
 */
export type CaseRule = (
  c: CaseInput,
  ev: CaseEvaluation,
  steps: readonly CaseStepInput[] | null,
  asOfMs: number,
  cal: WorkingCalendar,
  t?: SlowActionThresholds,
) => SlowActionFlag | null;

/** Snap away binary floating-point noise (0.3 × 10 = 3.0000000000000004) before rounding. */
function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The effective 滞留 threshold for a case: min(stallDays, ⌈share × committed⌉), at least 1. */
export function stallThreshold(
  committedLimitDays: number | null,
  t: SlowActionThresholds = DEFAULT_SLOW_ACTION_THRESHOLDS,
): number {
  let thr = t.stallDays;
  if (committedLimitDays !== null) {
    const byShare = Math.ceil(clean(t.stallShareOfCommitted * committedLimitDays));
    if (byShare < thr) thr = byShare;
  }
  return thr < 1 ? 1 : thr;
}

// Kinds of movement, as small integers so that scanning steps allocates nothing (labels are
// built only for a flag). The order is the tie-break when two movements share an instant.
const M_ACCEPTED = 0;
const M_COMPLETED = 1;
const M_LEFT = 2;
const M_SUSPENDED = 3;
const M_ENTERED = 4;
/** Evidence codes of the movement kinds, indexed by kind. */
const MOVEMENT_CODES = ['accepted', 'completed', 'step-left', 'suspension-started', 'step-entered'];

/** Chinese label of a movement, e.g. 进入审查环节. */
function movementLabel(kind: number, name: string): string {
  switch (kind) {
    case M_ENTERED:
      return `进入${name}环节`;
    case M_LEFT:
      return `${name}环节转出`;
    case M_SUSPENDED:
      return `开始${name}暂停计时`;
    case M_COMPLETED:
      return '办结';
    default:
      return '受理';
  }
}

/**
 * Whether candidate (t, kind, name) beats the best so far (bt, bkind, bname): a later instant,
 * then a higher kind, then a greater name — a total order, so the result does not depend on the
 * order of the feed's records. (Callers wanting the earliest pass negated instants.)
 */
function beats(
  t: number,
  kind: number,
  name: string,
  bt: number,
  bkind: number,
  bname: string,
): boolean {
  if (t !== bt) return t > bt;
  if (kind !== bkind) return kind > bkind;
  return name > bname;
}

// ---------------------------------------------------------------------------------------------
// Internal rule bodies: they assume iv.load(c, asOfMs, cal) has run for this case and that the
// case was accepted at or before asOfMs.

/**
 * The suspended days of the case being flagged, exactly as evaluateCase counts them (the same
 * loader from the time-limit core, our own instance). Reused across cases so that flagging a
 * million cases allocates nothing but the flags; everything here is synchronous.
 */
const iv = new SuspendedIntervals();

function stallOf(
  c: CaseInput,
  ev: CaseEvaluation,
  steps: readonly CaseStepInput[] | null,
  asOfMs: number,
  t: SlowActionThresholds,
): SlowActionFlag | null {
  if (ev.completed || steps === null) return null;
  // Movement = the latest step entry or exit, or the start of a suspension (issuing a 补正
  // notice or opening a hearing is the office acting); acceptance when nothing later happened.
  // Ties on the instant are broken by kind, then name, so the feed's order never matters.
  let last = c.acceptedAt;
  let lastKind = M_ACCEPTED;
  let lastName = ACCEPTANCE_STEP;
  let current: CaseStepInput | null = null;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s === undefined || s.enteredAt > asOfMs) continue;
    if (beats(s.enteredAt, M_ENTERED, s.step, last, lastKind, lastName)) {
      last = s.enteredAt;
      lastKind = M_ENTERED;
      lastName = s.step;
    }
    if (s.leftAt === null || s.leftAt > asOfMs) {
      // Still at this step as of as-of: the current step (the latest-entered if several are open).
      if (current === null || beats(s.enteredAt, 0, s.step, current.enteredAt, 0, current.step)) {
        current = s;
      }
    } else if (beats(s.leftAt, M_LEFT, s.step, last, lastKind, lastName)) {
      last = s.leftAt;
      lastKind = M_LEFT;
      lastName = s.step;
    }
  }
  const sus = c.suspensions;
  for (let i = 0; i < sus.length; i++) {
    const s = sus[i];
    if (
      s !== undefined &&
      s.startAt <= asOfMs &&
      beats(s.startAt, M_SUSPENDED, s.kind, last, lastKind, lastName)
    ) {
      last = s.startAt;
      lastKind = M_SUSPENDED;
      lastName = s.kind;
    }
  }
  const lastDay = shanghaiDayOf(last);
  const asOfDay = shanghaiDayOf(asOfMs);
  const thr = stallThreshold(ev.committedLimitDays, t);
  // Working days strictly after the movement day up to and including the as-of day (the same
  // convention as 已用时限), minus the days the clock was suspended.
  const idle = iv.countedIn(lastDay, asOfDay);
  if (idle < thr) return null;
  const suspended = iv.suspendedIn(lastDay, asOfDay);
  const lastLabel = movementLabel(lastKind, lastName);
  const stepName = current !== null ? current.step : steps.length === 0 ? ACCEPTANCE_STEP : null;
  const where = stepName !== null ? `${stepName}环节` : '办件';
  const limit = ev.committedLimitDays;
  let thrNote = `阈值 ${thr} 个工作日`;
  if (thr < t.stallDays && limit !== null) {
    thrNote +=
      Math.ceil(clean(t.stallShareOfCommitted * limit)) === thr
        ? `，即承诺时限 ${limit} 个工作日的 ${formatShare(t.stallShareOfCommitted)}`
        : '，最低值';
  }
  const susNote = suspended > 0 ? `，其间暂停计时的 ${suspended} 个工作日未计入` : '';
  return {
    code: 'stall',
    rule: slowActionRuleName('stall'),
    caseId: c.id,
    departmentId: c.departmentId,
    sinceDay: iv.nthCountedDay(lastDay, thr),
    explanation: `${where}自 ${isoFromDay(lastDay)}（${lastLabel}）起已停留 ${idle} 个工作日无流转（${thrNote}）${susNote}。`,
    evidence: {
      step: stepName,
      stepEnteredDay: current !== null ? isoFromDay(shanghaiDayOf(current.enteredAt)) : null,
      lastMovement: MOVEMENT_CODES[lastKind] ?? null,
      // The step (or suspension kind) the last movement was about; null for 受理 / 办结.
      lastMovementName: lastKind === M_ACCEPTED || lastKind === M_COMPLETED ? null : lastName,
      lastMovementDay: isoFromDay(lastDay),
      idleDays: idle,
      suspendedDays: suspended,
      threshold: thr,
      committedLimitDays: ev.committedLimitDays,
      asOfDay: isoFromDay(asOfDay),
    },
  };
}

function acceptedIdleOf(
  c: CaseInput,
  ev: CaseEvaluation,
  steps: readonly CaseStepInput[] | null,
  asOfMs: number,
  t: SlowActionThresholds,
): SlowActionFlag | null {
  if (steps === null) return null;
  const acc = c.acceptedAt;
  // First action after acceptance: entering a step other than 受理, leaving any step, starting a
  // suspension, or completing the case — whichever came first (and was known as of as-of). Ties
  // prefer, in turn, a step entered, a suspension started, a step left, the completion.
  let first = Infinity;
  let firstKind = M_ACCEPTED; // "none yet"
  let firstName = '';
  if (ev.completed && c.completedAt !== null) {
    first = c.completedAt;
    firstKind = M_COMPLETED;
  }
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s === undefined) continue;
    const e = s.enteredAt;
    if (
      s.step !== ACCEPTANCE_STEP &&
      e >= acc &&
      e <= asOfMs &&
      beats(-e, M_ENTERED, s.step, -first, firstKind, firstName)
    ) {
      first = e;
      firstKind = M_ENTERED;
      firstName = s.step;
    }
    const l = s.leftAt;
    if (
      l !== null &&
      l > acc &&
      l <= asOfMs &&
      beats(-l, M_LEFT, s.step, -first, firstKind, firstName)
    ) {
      first = l;
      firstKind = M_LEFT;
      firstName = s.step;
    }
  }
  const sus = c.suspensions;
  for (let i = 0; i < sus.length; i++) {
    const s = sus[i];
    const st = s === undefined ? Infinity : s.startAt;
    if (
      s !== undefined &&
      st >= acc &&
      st <= asOfMs &&
      beats(-st, M_SUSPENDED, s.kind, -first, firstKind, firstName)
    ) {
      first = st;
      firstKind = M_SUSPENDED;
      firstName = s.kind;
    }
  }
  const a = ev.acceptedDay;
  const n = t.acceptedIdleDays;
  const hasAction = first !== Infinity;
  const actionDay = hasAction ? shanghaiDayOf(first) : null;
  // Working day number of the action day (day 1 = first working day after acceptance): acting
  // on day n is still "within n working days". Without an action yet, the as-of day's number.
  const waited = iv.countedIn(a, actionDay ?? shanghaiDayOf(asOfMs));
  if (waited <= n) return null;
  const explanation =
    actionDay !== null
      ? `${isoFromDay(a)} 受理后，直到第 ${waited} 个工作日（${isoFromDay(actionDay)}）才${movementLabel(firstKind, firstName)}，超过受理后 ${n} 个工作日内办理的要求。`
      : `${isoFromDay(a)} 受理后已 ${waited} 个工作日未进入下一环节（要求受理后 ${n} 个工作日内办理）。`;
  return {
    code: 'accepted-idle',
    rule: slowActionRuleName('accepted-idle'),
    caseId: c.id,
    departmentId: c.departmentId,
    sinceDay: iv.nthCountedDay(a, n + 1),
    explanation,
    evidence: {
      acceptedDay: isoFromDay(a),
      firstAction: hasAction ? (MOVEMENT_CODES[firstKind] ?? null) : null,
      firstActionDay: actionDay === null ? null : isoFromDay(actionDay),
      waitedDays: waited,
      threshold: n,
    },
  };
}

function repeatedCorrectionOf(
  c: CaseInput,
  ev: CaseEvaluation,
  asOfMs: number,
  t: SlowActionThresholds,
): SlowActionFlag | null {
  const sus = c.suspensions;
  const endInstant = ev.completed && c.completedAt !== null ? c.completedAt : asOfMs;
  // Every 补正 notice counts, also one issued before acceptance: 一次告知 is about the number of
  // notices, not about the clock.
  let count = 0;
  for (let i = 0; i < sus.length; i++) {
    const s = sus[i];
    if (s !== undefined && s.kind === CORRECTION_KIND && s.startAt <= endInstant) count++;
  }
  const max = t.maxCorrections;
  if (count <= max) return null;
  // Flagged (rare): allocating the sorted start days for the explanation is fine here.
  const starts: number[] = [];
  for (const s of sus) {
    if (s.kind === CORRECTION_KIND && s.startAt <= endInstant) starts.push(s.startAt);
  }
  starts.sort((x, y) => x - y);
  const days = starts.map((ms) => isoFromDay(shanghaiDayOf(ms)));
  const earned = shanghaiDayOf(starts[max] as number);
  return {
    code: 'repeated-correction',
    rule: slowActionRuleName('repeated-correction'),
    caseId: c.id,
    departmentId: c.departmentId,
    sinceDay: earned,
    explanation: `共要求申请人补正 ${count} 次（${days.join('、')}），超过 ${max} 次，未做到一次性告知。`,
    evidence: {
      corrections: count,
      threshold: max,
      firstCorrectionDay: days[0] ?? null,
      flaggedCorrectionDay: isoFromDay(earned),
      correctionDays: days.join(','),
    },
  };
}

function overlongSuspensionOf(
  c: CaseInput,
  ev: CaseEvaluation,
  t: SlowActionThresholds,
): SlowActionFlag | null {
  const limit = ev.committedLimitDays;
  if (limit === null) return null; // a dueAt case has no limit to compare with
  const allowed = clean(t.overlongSuspensionFactor * limit);
  const suspended = ev.suspendedDays;
  if (suspended <= allowed) return null;
  // The day the suspended count first exceeded `allowed`.
  const since = iv.nthSuspendedDay(ev.acceptedDay, Math.floor(allowed) + 1) ?? ev.endDay;
  const factorNote =
    t.overlongSuspensionFactor === 1
      ? `承诺时限 ${limit} 个工作日`
      : `承诺时限 ${limit} 个工作日的 ${String(t.overlongSuspensionFactor)} 倍（${String(allowed)} 个工作日）`;
  return {
    code: 'overlong-suspension',
    rule: slowActionRuleName('overlong-suspension'),
    caseId: c.id,
    departmentId: c.departmentId,
    sinceDay: since,
    explanation: `累计暂停计时 ${suspended} 个工作日，超过${factorNote}。`,
    evidence: {
      suspendedDays: suspended,
      committedLimitDays: limit,
      factor: t.overlongSuspensionFactor,
      allowedDays: allowed,
      exceededOn: isoFromDay(since),
    },
  };
}

function suspensionOverrunOf(c: CaseInput, ev: CaseEvaluation): SlowActionFlag | null {
  if (!ev.suspensionOverrun) return null;
  const days = ev.suspensionOverrunDays;
  const idx = iv.overrunIndex;
  const s = idx >= 0 ? c.suspensions[idx] : undefined;
  const since = iv.overrunFirstDay ?? ev.endDay;
  const n = iv.overrunSuspensions;
  const startDay = s === undefined ? null : isoFromDay(shanghaiDayOf(s.startAt));
  const detail =
    s === undefined
      ? ''
      : `${s.kind}暂停计时（${startDay ?? ''} 起，申请 ${s.approvedDays ?? 0} 个工作日）`;
  const explanation =
    n > 1
      ? `${n} 次暂停计时超出申请天数，共超出 ${days} 个工作日，最早为${detail}；超出部分已重新计入办理时限。`
      : `${detail}超出申请天数 ${days} 个工作日，超出部分已重新计入办理时限。`;
  return {
    code: 'suspension-overrun',
    rule: slowActionRuleName('suspension-overrun'),
    caseId: c.id,
    departmentId: c.departmentId,
    sinceDay: since,
    explanation,
    evidence: {
      overrunDays: days,
      suspensionsOverrun: n,
      kind: s === undefined ? null : s.kind,
      suspensionStartDay: startDay,
      approvedDays: s === undefined ? null : s.approvedDays,
      firstOverrunDay: isoFromDay(since),
      // Cross-check: recomputed here with the time-limit core's rules; equal to overrunDays.
      recomputedOverrunDays: iv.overrunDays,
    },
  };
}

function inactionOverdueOf(
  c: CaseInput,
  ev: CaseEvaluation,
  t: SlowActionThresholds,
): SlowActionFlag | null {
  if (ev.completed) return null;
  const n = t.inactionOverdueDays;
  if (ev.overdueDays <= n) return null;
  // Only when the statutory deadline differs: with one limit serving as both it says nothing new.
  const statutoryNote =
    ev.statutoryOverdue && ev.statutoryDue !== ev.committedDue
      ? `，已超过法定期限（${isoFromDay(ev.statutoryDue)}）${ev.statutoryOverdueDays} 个工作日`
      : '';
  return {
    code: 'inaction-overdue',
    rule: slowActionRuleName('inaction-overdue'),
    caseId: c.id,
    departmentId: c.departmentId,
    // The day the overdue count first exceeded n: the (n + 1)-th counted day after the deadline.
    sinceDay: iv.nthCountedDay(ev.committedDue, n + 1),
    explanation: `承诺期限 ${isoFromDay(ev.committedDue)} 已过 ${ev.overdueDays} 个工作日仍未办结（阈值：超过 ${n} 个工作日）${statutoryNote}。`,
    evidence: {
      committedDue: isoFromDay(ev.committedDue),
      overdueDays: ev.overdueDays,
      statutoryDue: isoFromDay(ev.statutoryDue),
      statutoryOverdueDays: ev.statutoryOverdueDays,
      elapsedDays: ev.elapsedDays,
      threshold: n,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Public rules: each loads the case's suspensions itself. flagCase loads them once for all.

/**
 * 滞留 (step stall): an open case whose last movement — the latest step entry or exit, or
 * suspension start; acceptance when there is none — lies at least {@link stallThreshold} counted
 * working days before the as-of day (days strictly after the movement day up to the as-of day,
 * suspended days excluded).
 */
export const stallRule: CaseRule = (
  c,
  ev,
  steps,
  asOfMs,
  cal,
  t = DEFAULT_SLOW_ACTION_THRESHOLDS,
) => {
  if (c.acceptedAt > asOfMs) return null;
  iv.load(c, asOfMs, cal);
  return stallOf(c, ev, steps, asOfMs, t);
};

/**
 * 受理未办 (accepted, nothing done): the first action after acceptance (entering a step other
 * than 受理, leaving any step, starting a suspension, completing) fell on a counted working day
 * later than day `acceptedIdleDays`, or none yet and the as-of day is later. Open and completed
 * cases alike, so quarterly history and trends see it.
 */
export const acceptedIdleRule: CaseRule = (
  c,
  ev,
  steps,
  asOfMs,
  cal,
  t = DEFAULT_SLOW_ACTION_THRESHOLDS,
) => {
  if (c.acceptedAt > asOfMs) return null;
  iv.load(c, asOfMs, cal);
  return acceptedIdleOf(c, ev, steps, asOfMs, t);
};

/** 多次补正: more than `maxCorrections` 补正 suspensions started by as-of (or by completion). */
export const repeatedCorrectionRule: CaseRule = (
  c,
  ev,
  _steps,
  asOfMs,
  _cal,
  t = DEFAULT_SLOW_ACTION_THRESHOLDS,
) => {
  if (c.acceptedAt > asOfMs) return null;
  return repeatedCorrectionOf(c, ev, asOfMs, t);
};

/**
 * 暂停过长: suspended working days (as the time-limit core counts them, 申请天数 cap applied) greater
 * than `overlongSuspensionFactor` × the committed limit. Not applicable to dueAt cases.
 */
export const overlongSuspensionRule: CaseRule = (
  c,
  ev,
  _steps,
  asOfMs,
  cal,
  t = DEFAULT_SLOW_ACTION_THRESHOLDS,
) => {
  if (c.acceptedAt > asOfMs) return null;
  iv.load(c, asOfMs, cal);
  return overlongSuspensionOf(c, ev, t);
};

/** 暂停超申请天数: some suspension ran beyond its 申请天数 (`ev.suspensionOverrun`). No threshold. */
export const suspensionOverrunRule: CaseRule = (c, ev, _steps, asOfMs, cal) => {
  if (c.acceptedAt > asOfMs) return null;
  iv.load(c, asOfMs, cal);
  return suspensionOverrunOf(c, ev);
};

/** 超期未办结: open and more than `inactionOverdueDays` counted working days past the committed deadline. */
export const inactionOverdueRule: CaseRule = (
  c,
  ev,
  _steps,
  asOfMs,
  cal,
  t = DEFAULT_SLOW_ACTION_THRESHOLDS,
) => {
  if (c.acceptedAt > asOfMs) return null;
  iv.load(c, asOfMs, cal);
  return inactionOverdueOf(c, ev, t);
};

/** Shared result when nothing is flagged: no allocation for the common case. */
const NO_FLAGS: readonly SlowActionFlag[] = Object.freeze([]);

/**
 * Run every case-level rule on one case. Returns a shared empty array when nothing is flagged,
 * else the flags in the order of SLOW_ACTION_CODES. O(steps + suspensions); allocates nothing
 * but the returned flags. `ev` must be `evaluateCase(c, asOfMs, cal)`.
 * A case accepted after `asOfMs` is not known yet and gets no flag.
 */
export function flagCase(
  c: CaseInput,
  ev: CaseEvaluation,
  steps: readonly CaseStepInput[] | null,
  asOfMs: number,
  cal: WorkingCalendar,
  t: SlowActionThresholds = DEFAULT_SLOW_ACTION_THRESHOLDS,
): readonly SlowActionFlag[] {
  if (c.acceptedAt > asOfMs) return NO_FLAGS;
  iv.load(c, asOfMs, cal);
  let out: SlowActionFlag[] | null = null;
  let f = stallOf(c, ev, steps, asOfMs, t);
  if (f !== null) (out ??= []).push(f);
  f = acceptedIdleOf(c, ev, steps, asOfMs, t);
  if (f !== null) (out ??= []).push(f);
  f = repeatedCorrectionOf(c, ev, asOfMs, t);
  if (f !== null) (out ??= []).push(f);
  f = overlongSuspensionOf(c, ev, t);
  if (f !== null) (out ??= []).push(f);
  f = suspensionOverrunOf(c, ev);
  if (f !== null) (out ??= []).push(f);
  f = inactionOverdueOf(c, ev, t);
  if (f !== null) (out ??= []).push(f);
  return out ?? NO_FLAGS;
}
