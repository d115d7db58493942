/**
 * Headline figures of a generated dataset, computed the way the dashboard computes them: every case
 * goes through `parseCaseRecord` (the boundary) and `evaluateCase` (the time-limit core) as of the
 * end of the as-of day. Used by the demo-data CLI (`--summary`), the docs and the tests.
 * Slow-action flags come from the domain's engine (`flagCase`, `flagDeadlineRushByDepartment`)
 * with its default thresholds, over the whole generated period.
 */
import { officialCalendar } from '../../src/domain/calendar/official';
import { shanghaiDayOf } from '../../src/domain/calendar/day';
import { evaluateCase } from '../../src/domain/time-limit/evaluate';
import { parseInstant } from '../../src/domain/time-limit/instant';
import {
  flagCase,
  flagDeadlineRushByDepartment,
  SLOW_ACTION_CODES,
  type CaseStepInput,
  type EvaluatedCase,
  type SlowActionCode,
} from '../../src/domain/slow-action';
import { parseCaseRecord } from '../../src/feeds/case-record';
import type { SupervisionTaskWire } from '../../src/feeds/schemas/supervision-task';
import type { CaseBundle } from './cases';
import type { DemoCity, DemoDataset } from './generate';

/** Headline figures of one dataset. */
export interface DemoSummary {
  asOf: string;
  seed: number;
  cases: number;
  /** Cases the boundary rejected (must be 0 for generated data). */
  rejected: number;
  completed: number;
  open: number;
  onTime: number;
  late: number;
  early: number;
  /** onTime ÷ completed, 0–1. */
  onTimeShare: number;
  /** Open and past the committed deadline. */
  openOverdue: number;
  /** Current warning levels as of the as-of day. */
  redCards: number;
  yellowCards: number;
  earlyWarnings: number;
  suspensionOverruns: number;
  /** Case-level slow-action flags by reason code (a case may carry several). */
  flags: Record<SlowActionCode, number>;
  /** Departments flagged 临期突击 over the whole period. */
  deadlineRushDepartments: string[];
  caseEvents: number;
  evaluations: number;
  /** Evaluations at level 4–5 ÷ all evaluations. */
  goodShare: number;
  badReviews: number;
  /** 差评 rectified within 15 working days ÷ 差评. */
  rectifiedInTimeShare: number;
  tasks: number;
  tasksOpen: number;
  /** Tasks past their deadline and not done (feed deadline only; missing deadlines not counted). */
  tasksOverdue: number;
  /** Milestones past due and not done, or done late. */
  milestonesLate: number;
}

const RECTIFY_LIMIT_DAYS = 15;

/** Computes the summary from a stream of cases (constant memory per case). */
export function summarizeCaseStream(
  bundles: Iterable<CaseBundle>,
  tasks: readonly SupervisionTaskWire[],
  meta: { asOf: string; seed: number; serverTime: string },
): DemoSummary {
  const cal = officialCalendar();
  const asOfMs = parseInstant(meta.serverTime);
  if (asOfMs === null) throw new RangeError(`bad serverTime ${meta.serverTime}`);
  const s: DemoSummary = {
    asOf: meta.asOf,
    seed: meta.seed,
    cases: 0,
    rejected: 0,
    completed: 0,
    open: 0,
    onTime: 0,
    late: 0,
    early: 0,
    onTimeShare: 0,
    openOverdue: 0,
    redCards: 0,
    yellowCards: 0,
    earlyWarnings: 0,
    suspensionOverruns: 0,
    flags: Object.fromEntries(SLOW_ACTION_CODES.map((code) => [code, 0])) as Record<
      SlowActionCode,
      number
    >,
    deadlineRushDepartments: [],
    caseEvents: 0,
    evaluations: 0,
    goodShare: 0,
    badReviews: 0,
    rectifiedInTimeShare: 0,
    tasks: tasks.length,
    tasksOpen: 0,
    tasksOverdue: 0,
    milestonesLate: 0,
  };
  let good = 0;
  let rectifiedInTime = 0;
  // Completed cases, kept for the department-level 临期突击 rule.
  const evaluated: EvaluatedCase[] = [];
  for (const bundle of bundles) {
    s.cases++;
    s.caseEvents += bundle.events.length;
    const parsed = parseCaseRecord(bundle.case);
    if (!parsed.ok) {
      s.rejected++;
      continue;
    }
    const c = parsed.value;
    const ev = evaluateCase(c, asOfMs, cal);
    if (ev.completed) {
      s.completed++;
      if (ev.onTime === true) s.onTime++;
      if (ev.late === true) s.late++;
      if (ev.early === true) s.early++;
    } else {
      s.open++;
      if (ev.overdue) s.openOverdue++;
    }
    const steps: CaseStepInput[] = bundle.events.map((e) => ({
      step: e.step,
      enteredAt: parseInstant(e.enteredAt) ?? c.acceptedAt,
      leftAt: e.leftAt === null ? null : parseInstant(e.leftAt),
    }));
    for (const flag of flagCase(c, ev, steps, asOfMs, cal)) s.flags[flag.code]++;
    if (ev.completed) evaluated.push({ c, ev });
    if (ev.level === 'red') s.redCards++;
    else if (ev.level === 'yellow') s.yellowCards++;
    else if (ev.level === 'early-warning') s.earlyWarnings++;
    if (ev.suspensionOverrun) s.suspensionOverruns++;
    const evaluation = bundle.evaluation;
    if (evaluation !== null) {
      s.evaluations++;
      if (evaluation.level >= 4) good++;
      if (evaluation.level <= 2) {
        s.badReviews++;
        const at = parseInstant(evaluation.at);
        const fixed = evaluation.rectifiedAt === null ? null : parseInstant(evaluation.rectifiedAt);
        if (at !== null && fixed !== null) {
          if (cal.countWorkingDays(shanghaiDayOf(at), shanghaiDayOf(fixed)) <= RECTIFY_LIMIT_DAYS)
            rectifiedInTime++;
        }
      }
    }
  }
  s.deadlineRushDepartments = flagDeadlineRushByDepartment(evaluated).map((f) => f.departmentId);
  s.onTimeShare = s.completed === 0 ? 0 : s.onTime / s.completed;
  s.goodShare = s.evaluations === 0 ? 0 : good / s.evaluations;
  s.rectifiedInTimeShare = s.badReviews === 0 ? 0 : rectifiedInTime / s.badReviews;
  for (const task of tasks) {
    if (task.status === '在办') {
      s.tasksOpen++;
      if (task.deadline !== null && task.deadline < meta.asOf) s.tasksOverdue++;
    }
    for (const m of task.milestones) {
      const doneDay = m.doneAt === null ? null : m.doneAt.slice(0, 10);
      if ((doneDay === null && m.due < meta.asOf) || (doneDay !== null && doneDay > m.due))
        s.milestonesLate++;
    }
  }
  return s;
}

/** Summary of a materialised dataset. */
export function summarizeDataset(dataset: DemoDataset): DemoSummary {
  const events = new Map<string, CaseBundle['events']>();
  for (const e of dataset.caseEvents) {
    const list = events.get(e.caseId);
    if (list === undefined) events.set(e.caseId, [e]);
    else list.push(e);
  }
  const evaluations = new Map(dataset.evaluations.map((e) => [e.caseId, e]));
  function* bundles(): Generator<CaseBundle> {
    for (const c of dataset.cases) {
      yield { case: c, events: events.get(c.id) ?? [], evaluation: evaluations.get(c.id) ?? null };
    }
  }
  return summarizeCaseStream(bundles(), dataset.tasks, dataset);
}

/** Summary of a streamed city (for large volumes; regenerates the cases once). */
export function summarizeDemoCity(city: DemoCity): DemoSummary {
  return summarizeCaseStream(city.cases(), city.tasks, city);
}

/** The summary as a few lines of text (Chinese first), for the CLI and the docs. */
export function formatSummary(s: DemoSummary): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return [
    `演示数据 (demo city) seed ${s.seed}, as-of ${s.asOf}`,
    `办件 cases ${s.cases}（办结 completed ${s.completed}，在办 open ${s.open}，拒收 rejected ${s.rejected}）`,
    `按时办结率 on time ${pct(s.onTimeShare)}（按时 ${s.onTime}，超期办结 late ${s.late}，提前 early ${s.early}）`,
    `红牌 red ${s.redCards}，黄牌 yellow ${s.yellowCards}，预警 early warnings ${s.earlyWarnings}，超期未办结 open overdue ${s.openOverdue}，暂停超批准天数 suspension overruns ${s.suspensionOverruns}`,
    `慢作为 flags：滞留 ${s.flags.stall}，受理未办 ${s.flags['accepted-idle']}，多次补正 ${s.flags['repeated-correction']}，暂停过长 ${s.flags['overlong-suspension']}，暂停超期 ${s.flags['suspension-overrun']}，超期未办结 ${s.flags['inaction-overdue']}；临期突击部门 ${s.deadlineRushDepartments.join('、') || '无'}`,
    `环节 case events ${s.caseEvents}；好差评 evaluations ${s.evaluations}（好评率 ${pct(s.goodShare)}，差评 ${s.badReviews}，15 个工作日内整改 ${pct(s.rectifiedInTimeShare)}）`,
    `督查事项 tasks ${s.tasks}（在办 ${s.tasksOpen}，逾期 ${s.tasksOverdue}，节点滞后 ${s.milestonesLate}）`,
  ].join('\n');
}
