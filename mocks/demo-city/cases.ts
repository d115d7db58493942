/**
 * One case (办件) of the demo city with its step records (环节) and, sometimes, its evaluation
 * (好差评). Each case draws from its own random stream (seed, index), so a case does not depend
 * on the others: cases can be streamed one by one for a million-case benchmark file.
 *
 * Time is modelled in "positions" relative to the acceptance day: position 0 is the acceptance
 * day, position t ≥ 1 the t-th working day after it (day 1 of DOMAIN.md rule 2); a point in time
 * is a position plus a fraction of the office day. A case needing `e` counted working days with
 * suspensions of `s` working days in total completes at position e + s, so completions land on
 * working days and the official calendar's holidays and 调休 shape every deadline.
 */
import type { WorkingCalendar } from '../../src/domain/calendar/calendar';
import { shanghaiDayOf, type DayIndex } from '../../src/domain/calendar/day';
import type { CaseEventWire } from '../../src/feeds/schemas/case-event';
import type {
  CaseStatus,
  CaseWire,
  SuspensionKind,
  SuspensionWire,
} from '../../src/feeds/schemas/case';
import type { EvaluationLevel, EvaluationWire } from '../../src/feeds/schemas/evaluation';
import { CASE_ID_PREFIX } from './catalog';
import type { City, CityDepartment, CityItem } from './city';
import { instantAt, IsoFormatter, officeMinute, officeSecond, WorkingTimeline } from './clock';
import { Rng, WeightedPicker } from './prng';

/** A case with everything that hangs off it, in the feed's shapes. */
export interface CaseBundle {
  case: CaseWire;
  events: CaseEventWire[];
  evaluation: EvaluationWire | null;
}

/** What every case of one dataset shares. */
export interface CaseContext {
  seed: number;
  total: number;
  cal: WorkingCalendar;
  city: City;
  /** Ranks of the first and last working day cases may be accepted on. */
  firstRank: number;
  lastRank: number;
  /** Earliest day a case may be accepted on (online cases may come in on a weekend). */
  periodStart: DayIndex;
  asOfDay: DayIndex;
  timeline: WorkingTimeline;
  fmt: IsoFormatter;
  itemPicker: WeightedPicker<CityItem>;
}

/** Builds the shared context. */
export function createCaseContext(
  seed: number,
  total: number,
  cal: WorkingCalendar,
  city: City,
  periodStart: DayIndex,
  asOfDay: DayIndex,
): CaseContext {
  const firstRank = cal.workingRank(cal.addWorkingDays(periodStart, 0));
  // The last working day on or before as-of.
  const lastRank = cal.workingRank(asOfDay) + (cal.isWorkingDay(asOfDay) ? 0 : -1);
  return {
    seed,
    total,
    cal,
    city,
    firstRank,
    lastRank: Math.max(firstRank, lastRank),
    periodStart,
    asOfDay,
    timeline: new WorkingTimeline(cal),
    fmt: new IsoFormatter(),
    itemPicker: new WeightedPicker(
      city.items,
      city.items.map((item) => item.weight),
    ),
  };
}

/** Case volume grows over the period (more services online, more applicants): density ∝ 1 + g·t. */
const GROWTH = 0.3;

function trendPosition(u: number): number {
  // Inverse of the cumulative (t + g t²/2) / (1 + g/2).
  const f = u * (1 + GROWTH / 2);
  return (-1 + Math.sqrt(1 + 2 * GROWTH * f)) / GROWTH;
}

/** A suspension being planned: `c` counted days done before it starts, `s` working days long. */
interface PlannedSuspension {
  kind: SuspensionKind;
  c: number;
  s: number;
  approved: number | null;
}

/** Departments whose items need site visits, lab tests or public notices. */
const SITE_VISIT_DEPARTMENTS = new Set(['D10', 'D11', 'D12', 'D14', 'D15', 'D24']);
const LAB_TEST_DEPARTMENTS = new Set(['D15', 'D18', 'D21']);
const PUBLIC_NOTICE_DEPARTMENTS = new Set(['D10', 'D12']);

function planSuspensions(
  rng: Rng,
  item: CityItem,
  dept: CityDepartment,
  e: number,
): PlannedSuspension[] {
  const out: PlannedSuspension[] = [];
  if (e < 1) return out;
  const licence = item.kind === '行政许可';
  // 补正: the applicant completes missing materials; more than one is the 一次告知 rule broken.
  if (rng.chance(licence ? 0.12 : 0.05)) {
    const repeats = rng.chance(dept.profileValues.repeatBuzheng) ? 1 + rng.geometric(0.3, 2) : 0;
    for (let k = 0; k <= repeats; k++) {
      const long = rng.chance(0.06);
      out.push({
        kind: '补正',
        c: rng.int(0, Math.min(2 + k, e - 1)),
        // Applicants usually bring the missing papers within days; a few take weeks (暂停过长).
        s: long
          ? rng.int(10, 28)
          : rng.int(1, Math.max(2, Math.min(8, Math.ceil(item.committedLimitDays * 0.8)))),
        approved: null,
      });
    }
  }
  if (licence && item.committedLimitDays >= 5) {
    const special = (kind: SuspensionKind, p: number, approved: number, overrun: number): void => {
      if (!rng.chance(p)) return;
      const s = rng.chance(overrun)
        ? approved + rng.int(1, 8)
        : rng.int(Math.max(1, approved - 4), approved);
      out.push({ kind, c: rng.int(1, Math.max(1, e - 1)), s, approved });
    };
    special('专家评审', 0.03, rng.int(5, 15), 0.18);
    special('听证', 0.008, rng.int(10, 20), 0.12);
    special('鉴定', 0.004, 20, 0.1);
    if (SITE_VISIT_DEPARTMENTS.has(dept.id) || dept.kind !== '市直部门') {
      special('现场勘查', 0.05, 5, 0.08);
    }
    if (LAB_TEST_DEPARTMENTS.has(dept.id)) special('检验检测检疫', 0.03, 10, 0.1);
    if (PUBLIC_NOTICE_DEPARTMENTS.has(dept.id)) special('公示', 0.04, 7, 0.05);
    if (dept.id === 'D10') special('招标拍卖', 0.003, rng.int(20, 40), 0.1);
  }
  out.sort((a, b) => a.c - b.c);
  for (const sus of out) sus.c = Math.min(sus.c, e - 1);
  return out;
}

/** Counted working days the case needs (its completion position before suspensions). */
function plannedWork(
  rng: Rng,
  dueC: number,
  dueS: number,
  dept: CityDepartment,
): { e: number; late: boolean } {
  const p = dept.profileValues;
  const x = rng.next();
  // 即办件 are done over the counter: lateness is rarer there than for items with a limit in days.
  if (x < (dueC === 0 ? p.late * 0.3 : p.late)) {
    if (rng.chance(p.red) || dueS <= dueC)
      return { e: dueS + 1 + rng.geometric(0.65, 25), late: true };
    return { e: dueC + 1 + rng.int(0, Math.max(0, dueS - dueC - 1)), late: true };
  }
  if (x < p.late + p.onDeadline) return { e: dueC, late: false };
  // Early completion is the norm in a reformed city; skewed towards the first part of the limit.
  return { e: Math.min(dueC, Math.floor((dueC + 1) * Math.pow(rng.next(), 1.6))), late: false };
}

/** Office-hours instant of a point `w` (position + fraction) for a case accepted on day `a`. */
function pointInstant(ctx: CaseContext, a: DayIndex, r1: number, w: number): number {
  const t = Math.floor(w);
  const day = ctx.timeline.dayAt(a, r1, t);
  const frac = w - t;
  return instantAt(day, 0, officeSecond(frac));
}

const ONLINE_CHANNELS = ['PC端', '移动端', '移动端', 'PC端', '短信'] as const;
const WINDOW_CHANNELS = ['窗口评价器', '窗口评价器', '窗口评价器', '二维码', '短信'] as const;

function evaluationLevel(rng: Rng, badness: number): EvaluationLevel {
  const k = Math.exp(badness);
  const w1 = 0.015 * k;
  const w2 = 0.025 * k;
  const w3 = 0.06 * Math.sqrt(k);
  const w4 = 0.17;
  const w5 = 0.73;
  const x = rng.next() * (w1 + w2 + w3 + w4 + w5);
  if (x < w1) return 1;
  if (x < w1 + w2) return 2;
  if (x < w1 + w2 + w3) return 3;
  if (x < w1 + w2 + w3 + w4) return 4;
  return 5;
}

/** Generates case number `index` (0-based) of the dataset. */
export function generateCase(ctx: CaseContext, index: number): CaseBundle {
  const { cal, city, fmt, timeline } = ctx;
  const rng = new Rng(ctx.seed, 0xca5e, index);

  // 1. When, what, where.
  const trend = trendPosition((index + rng.next()) / ctx.total);
  const span = ctx.lastRank - ctx.firstRank + 1;
  let a = cal.workingDayOfRank(ctx.firstRank + Math.min(span - 1, Math.floor(trend * span)));
  const item = ctx.itemPicker.pick(rng);
  const dept = city.departmentById.get(item.departmentId);
  if (dept === undefined) throw new Error(`item ${item.code} has no department`);
  const approver = city.departmentById.get(item.approverDepartmentId) ?? dept;
  const online = rng.chance(0.42 + 0.25 * trend);
  // Online applications are sometimes accepted at the weekend; day 1 is still the next working day.
  if (online && rng.chance(0.04) && a - 1 >= ctx.periodStart && !cal.isWorkingDay(a - 1)) a -= 1;
  const r1 = timeline.firstRank(a);
  const committed =
    item.changedOn !== null && item.previousCommitted !== null && a < item.changedOn
      ? item.previousCommitted
      : item.committedLimitDays;
  const statutory = item.statutoryLimitDays;
  // Position of each deadline without suspensions (即办件: the acceptance day, or the next working day).
  const acceptedOnWorkingDay = cal.isWorkingDay(a);
  const dueC = committed >= 1 ? committed : acceptedOnWorkingDay ? 0 : 1;
  const dueS = statutory >= 1 ? statutory : acceptedOnWorkingDay ? 0 : 1;
  // Positions up to this one have happened by the end of the as-of day.
  const asOfPos = a >= ctx.asOfDay ? 0 : cal.countWorkingDays(a, ctx.asOfDay);

  // 2. How it ends: mostly 办结; a few refused at the door, sent back or withdrawn.
  const fate = rng.next();
  const status: CaseStatus =
    fate < 0.02 ? '不予受理' : fate < 0.035 ? '退回' : fate < 0.045 ? '撤回' : '办结';
  let e: number;
  let late = false;
  // 不予受理 is decided at the door, within a day or two.
  if (status === '不予受理') e = Math.min(dueC, rng.int(0, 2));
  else if (status === '退回') e = Math.min(dueC, rng.int(1, 4));
  else if (status === '撤回') e = Math.min(dueC, rng.int(1, 6));
  else ({ e, late } = plannedWork(rng, dueC, dueS, dept));
  // Nothing is decided on a weekend or holiday: a case accepted online then is handled from day 1.
  if (!acceptedOnWorkingDay && e < 1) e = 1;
  const suspensions = status === '办结' ? planSuspensions(rng, item, dept, e) : [];

  // 3. Lay the points out in positions.
  const f0 = rng.next() * 0.9;
  const wAccept = f0;
  const susPoints: { kind: SuspensionKind; start: number; end: number; approved: number | null }[] =
    [];
  let suspendedSoFar = 0;
  let lastW = wAccept;
  for (const sus of suspensions) {
    const ts = sus.c + suspendedSoFar + 1;
    const start = Math.max(lastW + 0.01, ts + rng.next() * 0.9);
    suspendedSoFar += sus.s;
    const end = Math.max(start + 0.01, ts + sus.s + rng.next() * 0.9);
    susPoints.push({ kind: sus.kind, start, end, approved: sus.approved });
    lastW = end;
  }
  const tc = e + suspendedSoFar;
  const wComplete = Math.max(
    lastW + 0.02,
    tc === 0 ? f0 + 0.002 + (0.97 - f0) * rng.next() * 0.6 : tc + rng.next() * 0.95,
  );

  // 4. Patterns of inaction: a stalled step (滞留) or a case nobody touched (受理未办).
  const p = dept.profileValues;
  const daysBeforeAsOf = asOfPos;
  let stopAt = Number.POSITIVE_INFINITY; // steps after this point never happen
  if (status === '办结' && committed >= 1) {
    if (daysBeforeAsOf >= 3 && daysBeforeAsOf <= 20 && rng.chance(p.untouched)) {
      stopAt = wAccept + 0.001;
    } else if (
      daysBeforeAsOf >= 4 &&
      (daysBeforeAsOf <= 120 ? rng.chance(p.stall) : rng.chance(p.stall * 0.05))
    ) {
      const hi = Math.min(wComplete, asOfPos + 1 - 3);
      if (hi > wAccept + 1) stopAt = wAccept + 1 + rng.next() * (hi - wAccept - 1);
    }
  }
  const happened = asOfPos + 1; // points with w < happened are on or before the as-of day
  const cutoff = Math.min(stopAt, happened);
  const completed = wComplete < cutoff;

  // 5. Steps (环节) between acceptance and completion.
  const steps: string[] = ['受理'];
  if (committed >= 1 && status === '办结') {
    steps.push('审查');
    if (item.kind === '行政许可' || rng.chance(0.4)) steps.push('审核');
    steps.push('审批');
  } else if (status === '退回' || status === '撤回') {
    steps.push('审查');
  }
  const transitions: number[] = [];
  for (let k = 1; k < steps.length; k++)
    transitions.push(wAccept + rng.next() * (wComplete - wAccept));
  transitions.sort((x, y) => x - y);
  if (transitions.length > 0) {
    // The front desk hands over within a day or so.
    const first = transitions[0] as number;
    transitions[0] = Math.min(first, wAccept + 0.05 + rng.next() * 1.1);
    // Keep every step at least a couple of seconds long and inside (acceptance, completion).
    const gap = 1e-4;
    for (let k = 0; k < transitions.length; k++) {
      const prev = k === 0 ? wAccept : (transitions[k - 1] as number);
      transitions[k] = Math.max(transitions[k] as number, prev + gap);
    }
    for (let k = transitions.length - 1; k >= 0; k--) {
      const next = k === transitions.length - 1 ? wComplete : (transitions[k + 1] as number);
      transitions[k] = Math.min(transitions[k] as number, next - gap);
    }
  }
  const caseId = `${CASE_ID_PREFIX}${fmt.format(instantAt(a, 0)).slice(0, 10).replaceAll('-', '')}${String(index + 1).padStart(7, '0')}`;
  const slowStep = p.stall > 0.01 && rng.chance(0.5);
  const handlerFor = (step: string, k: number): string => {
    const staff = step === '审批' ? approver.staff : dept.staff;
    if (step === '审批') return staff[0] ?? '—';
    if (slowStep && stopAt !== Number.POSITIVE_INFINITY && k === steps.length - 1)
      return dept.bottleneck;
    return staff[1 + ((index + k * 7) % Math.max(1, staff.length - 1))] ?? staff[0] ?? '—';
  };
  const events: CaseEventWire[] = [];
  let latest = pointInstant(ctx, a, r1, wAccept);
  const enterOf = (k: number): number => (k === 0 ? wAccept : (transitions[k - 1] as number));
  for (let k = 0; k < steps.length; k++) {
    const enteredW = enterOf(k);
    if (enteredW >= cutoff) break;
    const leftW = k + 1 < steps.length ? enterOf(k + 1) : wComplete;
    const step = steps[k] as string;
    const enteredAt = pointInstant(ctx, a, r1, enteredW);
    const leftAt = leftW < cutoff ? pointInstant(ctx, a, r1, leftW) : null;
    latest = Math.max(latest, leftAt ?? enteredAt);
    events.push({
      id: `${caseId}-${k + 1}`,
      caseId,
      step,
      departmentId: step === '审批' ? approver.id : dept.id,
      handler: handlerFor(step, k),
      enteredAt: fmt.format(enteredAt),
      leftAt: leftAt === null ? null : fmt.format(leftAt),
      updatedAt: fmt.format(leftAt ?? enteredAt),
    });
  }
  let completedAt: number | null = null;
  if (completed) {
    completedAt = pointInstant(ctx, a, r1, wComplete);
    latest = Math.max(latest, completedAt);
    if (status === '办结') {
      const k = events.length;
      events.push({
        id: `${caseId}-${k + 1}`,
        caseId,
        step: '办结',
        departmentId: approver.id,
        handler: approver.staff[0] ?? '—',
        enteredAt: fmt.format(completedAt),
        leftAt: fmt.format(completedAt),
        updatedAt: fmt.format(completedAt),
      });
      // Licences taken at the window are delivered (送达) within a couple of working days.
      if (item.kind === '行政许可' && !online && rng.chance(0.6)) {
        const deliveredW = Math.floor(wComplete) + rng.int(0, 2) + 0.3 + rng.next() * 0.6;
        const deliveredAt =
          deliveredW < happened
            ? Math.max(completedAt + 60_000, pointInstant(ctx, a, r1, deliveredW))
            : null;
        latest = Math.max(latest, deliveredAt ?? completedAt);
        events.push({
          id: `${caseId}-${k + 2}`,
          caseId,
          step: '送达',
          departmentId: dept.id,
          handler: dept.staff[dept.staff.length - 1] ?? '—',
          enteredAt: fmt.format(completedAt),
          leftAt: deliveredAt === null ? null : fmt.format(deliveredAt),
          updatedAt: fmt.format(deliveredAt ?? completedAt),
        });
      }
    }
  }

  // 6. Suspensions as known at the as-of day.
  const suspensionWires: SuspensionWire[] = [];
  for (const sp of susPoints) {
    // A stalled case's clock stops moving, but a suspension already running still ends.
    if (sp.start >= cutoff) continue;
    const startAt = pointInstant(ctx, a, r1, sp.start);
    const endAt = sp.end < happened ? pointInstant(ctx, a, r1, sp.end) : null;
    latest = Math.max(latest, endAt ?? startAt);
    suspensionWires.push({
      kind: sp.kind,
      startAt: fmt.format(startAt),
      endAt: endAt === null ? null : fmt.format(endAt),
      ...(sp.approved === null ? {} : { approvedDays: sp.approved }),
    });
  }

  const finalStatus: CaseStatus = completed ? status : '在办';
  const result =
    finalStatus === '在办'
      ? null
      : finalStatus === '办结'
        ? item.kind === '行政许可'
          ? rng.chance(0.97)
            ? '准予许可'
            : '不予许可'
          : '已办结'
        : finalStatus === '不予受理'
          ? '不符合受理条件，不予受理'
          : finalStatus === '退回'
            ? '申请材料不符合要求，予以退回'
            : '申请人主动撤回申请';

  // 7. 好差评 on about 60% of completed cases.
  let evaluation: EvaluationWire | null = null;
  if (finalStatus === '办结' && completedAt !== null && rng.chance(online ? 0.52 : 0.68)) {
    const immediate = rng.chance(0.6);
    const at =
      completedAt +
      (immediate ? rng.int(1, 30) * 60_000 : rng.int(1, 3) * 86_400_000 + rng.int(0, 600) * 60_000);
    const evalDay = shanghaiDayOf(at);
    if (evalDay <= ctx.asOfDay) {
      const badness =
        p.mood +
        (late ? 1.3 : 0) +
        (suspensions.filter((s) => s.kind === '补正').length > 1 ? 0.7 : 0);
      const level = evaluationLevel(rng, badness);
      let rectifiedAt: number | null = null;
      if (level <= 2 && rng.chance(0.9)) {
        const delay = rng.chance(p.lateRectify) ? rng.int(16, 35) : rng.int(1, 12);
        const rectDay = cal.addWorkingDays(evalDay, delay);
        if (rectDay <= ctx.asOfDay) rectifiedAt = instantAt(rectDay, officeMinute(rng.next()));
      }
      evaluation = {
        id: `PJ${caseId.slice(CASE_ID_PREFIX.length)}`,
        caseId,
        level,
        at: fmt.format(at),
        channel: rng.pick(online ? ONLINE_CHANNELS : WINDOW_CHANNELS),
        rectifiedAt: rectifiedAt === null ? null : fmt.format(rectifiedAt),
        updatedAt: fmt.format(rectifiedAt ?? at),
      };
    }
  }

  const caseWire: CaseWire = {
    id: caseId,
    departmentId: dept.id,
    itemCode: item.code,
    channel: online ? '网上' : '窗口',
    status: finalStatus,
    acceptedAt: fmt.format(pointInstant(ctx, a, r1, wAccept)),
    committedLimitDays: committed,
    statutoryLimitDays: statutory,
    completedAt: completedAt === null ? null : fmt.format(completedAt),
    suspensions: suspensionWires,
    result,
    updatedAt: fmt.format(latest),
  };
  return { case: caseWire, events, evaluation };
}
