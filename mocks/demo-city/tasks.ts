/**
 * Supervision tasks (督查事项) of the demo city: leaders' instructions, meeting decisions, key
 * work, deputies' suggestions, CPPCC proposals and 12345 hotline escalations, with milestones —
 * most met, some late, some tasks overdue. Deadlines are calendar dates.
 */
import type { WorkingCalendar } from '../../src/domain/calendar/calendar';
import {
  civilFromDay,
  dayFromCivil,
  isoFromDay,
  shanghaiDayOf,
  type DayIndex,
} from '../../src/domain/calendar/day';
import type {
  MilestoneWire,
  SupervisionTaskWire,
  TaskOutcome,
  TaskSource,
} from '../../src/feeds/schemas/supervision-task';
import { GENERAL_TASK_TOPICS, HOTLINE_ISSUES, HOTLINE_PLACES, TASK_TOPICS } from './catalog';
import type { City } from './city';
import type { IsoFormatter } from './clock';
import { instantAt, officeMinute } from './clock';
import { Rng } from './prng';

/** How many tasks of each source the city has (≈150 in all). */
const TASK_MIX: ReadonlyArray<readonly [TaskSource, number]> = [
  ['领导批示', 30],
  ['会议议定', 28],
  ['重点工作', 24],
  ['人大代表建议', 26],
  ['政协提案', 22],
  ['12345热线督办', 22],
];

/** Same civil day n months later (clamped to the month's end), as the 3-month default rule counts. */
export function addMonths(day: DayIndex, months: number): DayIndex {
  const { year, month, day: dom } = civilFromDay(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = dayFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayFromCivil(y, m, 1);
  return dayFromCivil(y, m, Math.min(dom, last));
}

function milestoneNames(source: TaskSource, count: number): string[] {
  switch (source) {
    case '人大代表建议':
    case '政协提案':
      return ['交办签收', '走访代表委员', '拟定答复意见', '正式答复'].slice(4 - count);
    case '12345热线督办':
      return ['核实情况', '现场处置', '回访群众'].slice(0, count);
    case '重点工作':
      return ['制定实施方案', '完成阶段目标', '推进过半', '全面完成'].slice(4 - count);
    default:
      return ['研究部署', '推进落实', '完成并报送结果', '总结验收'].slice(0, count);
  }
}

/** Builds the city's supervision tasks for a period ending on the as-of day. */
export function generateTasks(
  seed: number,
  city: City,
  cal: WorkingCalendar,
  periodStart: DayIndex,
  asOfDay: DayIndex,
  fmt: IsoFormatter,
): SupervisionTaskWire[] {
  const rng = new Rng(seed, 0x7a5c);
  const cityDepartments = city.departments.filter((d) => d.kind === '市直部门');
  const counties = city.departments.filter((d) => d.kind !== '市直部门');
  const tasks: SupervisionTaskWire[] = [];
  let serial = 0;
  const numberBySource = new Map<TaskSource, number>();
  for (const [source, count] of TASK_MIX) {
    for (let n = 0; n < count; n++) {
      serial++;
      const hotline = source === '12345热线督办';
      const lead = hotline && rng.chance(0.6) ? rng.pick(counties) : rng.pick(cityDepartments);
      const coCount = hotline ? rng.int(0, 1) : rng.int(0, 3);
      const coDepartmentIds: string[] = [];
      for (let k = 0; k < coCount; k++) {
        const co = rng.pick(cityDepartments).id;
        if (co !== lead.id && !coDepartmentIds.includes(co)) coDepartmentIds.push(co);
      }
      // Assigned on a working day somewhere in the period (hotline escalations mostly recent).
      const spread = hotline ? 0.35 : 1;
      const lastDay = cal.addWorkingDays(asOfDay, -2);
      const firstDay = Math.max(
        periodStart,
        lastDay - Math.floor((lastDay - periodStart) * spread),
      );
      const assignedDay = cal.addWorkingDays(
        firstDay + rng.int(0, Math.max(0, lastDay - firstDay)),
        0,
      );
      const assignedAt = instantAt(assignedDay, officeMinute(rng.next()));
      const complex = (source === '人大代表建议' || source === '政协提案') && rng.chance(0.2);
      let deadline: DayIndex | null;
      switch (source) {
        case '领导批示':
          deadline = assignedDay + rng.int(15, 60);
          break;
        case '会议议定':
          deadline = assignedDay + rng.int(30, 120);
          break;
        case '重点工作': {
          // Key work runs to a quarter's end or the year's end.
          const { year } = civilFromDay(assignedDay);
          deadline = rng.chance(0.5)
            ? dayFromCivil(year, 12, 31)
            : addMonths(assignedDay, rng.int(3, 6));
          break;
        }
        case '人大代表建议':
        case '政协提案':
          // Half leave the deadline to the default rule (3 months, 6 for complex 建议).
          deadline = rng.chance(0.5)
            ? null
            : addMonths(assignedDay, complex && source === '人大代表建议' ? 6 : 3);
          break;
        default:
          deadline = assignedDay + rng.int(5, 15);
      }
      const effectiveDeadline =
        deadline ?? addMonths(assignedDay, complex && source === '人大代表建议' ? 6 : 3);
      const span = Math.max(3, effectiveDeadline - assignedDay);

      // Lead departments that are slow with cases are slow with tasks too.
      const slow = lead.profile === 'slow';
      const milestoneCount = hotline ? 3 : rng.int(2, 4);
      const names = milestoneNames(source, milestoneCount);
      const milestones: MilestoneWire[] = [];
      let allDone = true;
      let lastDone: number | null = null;
      let stalled = false;
      names.forEach((name, k) => {
        const due =
          k === names.length - 1
            ? effectiveDeadline
            : assignedDay + Math.round((span * (k + 1)) / names.length);
        let doneDay: DayIndex | null = null;
        if (!stalled) {
          const x = rng.next();
          const lateP = slow ? 0.3 : 0.1;
          const missP = slow ? 0.12 : 0.04;
          if (x < missP) stalled = true;
          else if (x < missP + lateP) doneDay = due + rng.int(1, 20);
          else {
            // On time: the last working day on or before the chosen day (due dates may fall on a weekend).
            const day = due - rng.int(0, Math.min(10, Math.max(0, due - assignedDay - 1)));
            doneDay = Math.max(assignedDay, cal.addWorkingDays(day + 1, -1));
          }
        }
        if (doneDay !== null && doneDay > asOfDay) doneDay = null;
        if (doneDay !== null && lastDone !== null)
          doneDay = Math.max(doneDay, shanghaiDayOf(lastDone));
        // Milestones are done in order: never before the previous one.
        const doneAt =
          doneDay === null
            ? null
            : Math.max(
                assignedAt + 3_600_000,
                (lastDone ?? 0) + 600_000,
                instantAt(cal.addWorkingDays(doneDay, 0), officeMinute(rng.next())),
              );
        const doneAtKnown = doneAt !== null && shanghaiDayOf(doneAt) <= asOfDay ? doneAt : null;
        if (doneAtKnown === null) {
          allDone = false;
          stalled = true;
        } else lastDone = doneAtKnown;
        milestones.push({
          name,
          due: isoFromDay(due),
          doneAt: doneAtKnown === null ? null : fmt.format(doneAtKnown),
        });
      });
      const status = allDone ? '办结' : '在办';
      const proposal = source === '人大代表建议' || source === '政协提案';
      let outcome: TaskOutcome | null = null;
      if (proposal && status === '办结') {
        const x = rng.next();
        outcome = x < 0.6 ? 'A' : x < 0.85 ? 'B' : x < 0.95 ? 'C' : 'D';
      }
      const number = (numberBySource.get(source) ?? 0) + rng.int(1, 9);
      numberBySource.set(source, number);
      const topic = rng.pick(TASK_TOPICS[lead.id] ?? GENERAL_TASK_TOPICS);
      const { year } = civilFromDay(assignedDay);
      const title = ((): string => {
        switch (source) {
          case '领导批示':
            return rng.chance(0.5) ? `市长批示：加快推进${topic}` : `关于${topic}的批示件办理`;
          case '会议议定':
            return `市政府第${number}次常务会议议定事项：${topic}`;
          case '重点工作':
            return `${year}年市政府重点工作：${topic}`;
          case '人大代表建议':
            return `关于${topic}的建议（第${number}号）`;
          case '政协提案':
            return `关于${topic}的提案（第${number}号）`;
          default:
            return `12345热线督办：${rng.pick(HOTLINE_PLACES)}${rng.pick(HOTLINE_ISSUES)}`;
        }
      })();
      const overdue = status === '在办' && effectiveDeadline < asOfDay;
      const progressNote =
        status === '办结'
          ? proposal
            ? `已正式答复，办理结果为 ${outcome ?? 'A'} 类，代表委员表示满意。`
            : '已按期办结，办理情况已报送市委市政府督查室。'
          : overdue
            ? `已超过办理期限，${lead.name}正在协调推进，拟申请延期。`
            : `${milestones.find((m) => m.doneAt === null)?.name ?? '推进落实'}阶段，正在按计划推进。`;
      const updatedCandidates = [assignedAt, ...(lastDone === null ? [] : [lastDone])];
      tasks.push({
        id: `DC${year}${String(serial).padStart(4, '0')}`,
        source,
        title,
        leadDepartmentId: lead.id,
        coDepartmentIds,
        assignedAt: fmt.format(assignedAt),
        deadline: deadline === null ? null : isoFromDay(deadline),
        ...(complex ? { complex: true } : {}),
        milestones,
        status,
        ...(outcome === null ? {} : { outcome }),
        progressNote,
        updatedAt: fmt.format(Math.max(...updatedCandidates)),
      });
    }
  }
  return tasks;
}
