import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../../src/domain/calendar/day';
import {
  describeOutcome,
  evaluateTask,
  taskActiveInRange,
  type MilestoneInput,
  type TaskInput,
} from '../../../src/domain/tasks';

/** An instant at 10:00 Asia/Shanghai on a civil date. */
const at = (iso: string, time = '10:00') => Date.parse(`${iso}T${time}:00+08:00`);
const day = dayFromIso;

function task(over: Partial<TaskInput> = {}): TaskInput {
  return {
    id: 'T1',
    source: '领导批示',
    assignedAt: at('2026-09-01'),
    deadline: day('2026-09-30'),
    complex: false,
    milestones: [],
    status: '在办',
    updatedAt: at('2026-09-01'),
    ...over,
  };
}
const ms = (name: string, due: string, doneAt: string | null = null): MilestoneInput => ({
  name,
  due: day(due),
  doneAt: doneAt === null ? null : at(doneAt),
});

describe('task status as of a day', () => {
  it('正常 when the deadline is more than 3 days away', () => {
    const ev = evaluateTask(task(), day('2026-09-26'));
    expect(ev.status).toBe('normal');
    expect(ev.daysLeft).toBe(4);
  });

  it('临期 when 0 ≤ deadline − asOf ≤ 3 (due today is 临期, not 逾期)', () => {
    expect(evaluateTask(task(), day('2026-09-27')).status).toBe('due-soon');
    expect(evaluateTask(task(), day('2026-09-30')).status).toBe('due-soon');
    expect(evaluateTask(task(), day('2026-09-30')).daysLeft).toBe(0);
  });

  it('逾期 from the day after the deadline, with calendar days late', () => {
    const ev = evaluateTask(task(), day('2026-10-01'));
    expect(ev.status).toBe('overdue');
    expect(ev.lateDays).toBe(1);
    expect(evaluateTask(task(), day('2026-10-31')).lateDays).toBe(31);
  });

  it('临期 across a month end and a leap day', () => {
    const t = task({ deadline: day('2024-03-01') });
    expect(evaluateTask(t, day('2024-02-26')).status).toBe('normal'); // 4 days (29 Feb exists)
    expect(evaluateTask(t, day('2024-02-27')).status).toBe('due-soon'); // 3 days
    const t2 = task({ deadline: day('2025-03-01') });
    expect(evaluateTask(t2, day('2025-02-25')).status).toBe('normal'); // 4 days
    expect(evaluateTask(t2, day('2025-02-26')).status).toBe('due-soon'); // 3 days, no 29 Feb
    const t3 = task({ deadline: day('2026-12-31') });
    expect(evaluateTask(t3, day('2027-01-01')).status).toBe('overdue');
  });

  it('滞后 when an open milestone is past due while the task is not', () => {
    const t = task({ milestones: [ms('研究部署', '2026-09-10'), ms('完成', '2026-09-30')] });
    const ev = evaluateTask(t, day('2026-09-11'));
    expect(ev.status).toBe('lagging');
    expect(ev.overdueMilestones).toBe(1);
    expect(ev.milestones[0]).toMatchObject({ status: 'overdue', lateDays: 1, daysLeft: -1 });
    expect(ev.milestones[1]).toMatchObject({ status: 'pending', daysLeft: 19 });
    // Due on the as-of day itself: not yet late.
    expect(evaluateTask(t, day('2026-09-10')).status).toBe('due-soon');
  });

  it('a milestone done late no longer makes the task lag', () => {
    const t = task({
      milestones: [ms('研究部署', '2026-09-10', '2026-09-15'), ms('完成', '2026-09-30')],
    });
    const ev = evaluateTask(t, day('2026-09-16'));
    expect(ev.status).toBe('normal');
    expect(ev.milestones[0]).toMatchObject({ status: 'done-late', lateDays: 5 });
    expect(ev.lateDoneMilestones).toBe(1);
  });

  it('临期 when an open milestone is due within 3 days even if the deadline is far', () => {
    const t = task({ milestones: [ms('研究部署', '2026-09-12'), ms('完成', '2026-09-30')] });
    const ev = evaluateTask(t, day('2026-09-09'));
    expect(ev.status).toBe('due-soon');
    expect(ev.next).toEqual({ kind: 'milestone', name: '研究部署', due: day('2026-09-12') });
  });

  it('precedence: 逾期 > 滞后 > 临期', () => {
    const t = task({
      deadline: day('2026-09-20'),
      milestones: [ms('a', '2026-09-10'), ms('b', '2026-09-22')],
    });
    const ev = evaluateTask(t, day('2026-09-21'));
    expect(ev.status).toBe('overdue'); // the task is late, a milestone too, another is 临期
    expect(ev.overdueMilestones).toBe(1);
    const lagging = evaluateTask(
      task({ deadline: day('2026-09-25'), milestones: [ms('a', '2026-09-10')] }),
      day('2026-09-23'),
    );
    expect(lagging.status).toBe('lagging'); // 滞后 beats 临期
  });

  it('已办结 on time: completion = latest milestone day', () => {
    const t = task({
      status: '办结',
      milestones: [ms('a', '2026-09-10', '2026-09-09'), ms('b', '2026-09-30', '2026-09-30')],
      updatedAt: at('2026-10-05'),
    });
    const ev = evaluateTask(t, day('2026-10-10'));
    expect(ev.status).toBe('done');
    expect(ev.completedDay).toBe(day('2026-09-30'));
    expect(ev.onTime).toBe(true);
    expect(ev.lateDays).toBe(0);
    expect(ev.overdueMilestones).toBe(0);
  });

  it('已办结 late: completed after the deadline, days late counted', () => {
    const t = task({ status: '办结', milestones: [ms('b', '2026-09-30', '2026-10-03')] });
    const ev = evaluateTask(t, day('2026-10-10'));
    expect(ev).toMatchObject({ status: 'done', onTime: false, lateDays: 3 });
  });

  it('已办结 without milestones uses the update day; unreported milestones are not held against it', () => {
    const t = task({
      status: '办结',
      milestones: [ms('a', '2026-09-10')],
      updatedAt: at('2026-09-29', '23:30'),
    });
    const ev = evaluateTask(t, day('2026-10-10'));
    expect(ev.status).toBe('done');
    expect(ev.completedDay).toBe(day('2026-09-29'));
    expect(ev.milestones[0]?.status).toBe('unreported');
    expect(ev.overdueMilestones).toBe(0);
  });

  it('completion after the as-of day is not yet known (open then)', () => {
    const t = task({ status: '办结', milestones: [ms('b', '2026-09-30', '2026-10-03')] });
    const ev = evaluateTask(t, day('2026-10-02'));
    expect(ev.status).toBe('overdue');
    expect(ev.milestones[0]?.status).toBe('overdue');
  });

  it('uses Asia/Shanghai dates: 23:30 UTC on 09-30 is 10-01 in Shanghai', () => {
    const t = task({
      assignedAt: Date.parse('2026-06-30T17:00:00Z'),
      deadline: null,
      source: '政协提案',
    });
    const ev = evaluateTask(t, day('2026-07-01'));
    expect(isoFromDay(ev.assignedDay)).toBe('2026-07-01');
    expect(ev.deadline === null ? null : isoFromDay(ev.deadline)).toBe('2026-10-01');
    expect(ev.deadlineBasis).toBe('default');
  });

  it('default deadlines drive the status: 建议 assigned 2023-11-29 is due 2024-02-29', () => {
    const t = task({ source: '人大代表建议', assignedAt: at('2023-11-29'), deadline: null });
    expect(evaluateTask(t, day('2024-02-29')).status).toBe('due-soon');
    expect(evaluateTask(t, day('2024-03-01')).status).toBe('overdue');
    const complex = task({
      source: '人大代表建议',
      assignedAt: at('2023-08-31'),
      deadline: null,
      complex: true,
    });
    expect(evaluateTask(complex, day('2024-02-29')).status).toBe('due-soon');
    expect(evaluateTask(complex, day('2024-03-01')).lateDays).toBe(1);
  });

  it('a task with no deadline at all is never overdue by itself', () => {
    const t = task({ source: '会议议定', deadline: null });
    expect(evaluateTask(t, day('2030-01-01'))).toMatchObject({
      status: 'normal',
      deadline: null,
      deadlineBasis: 'missing',
      daysLeft: null,
    });
  });
});

describe('ledger range and outcomes', () => {
  it('a task belongs to a range when assigned by its end and not done before its start', () => {
    const open = evaluateTask(task(), day('2026-10-10'));
    expect(taskActiveInRange(open, day('2026-10-01'), day('2026-12-31'))).toBe(true);
    expect(taskActiveInRange(open, day('2026-07-01'), day('2026-08-31'))).toBe(false);
    const done = evaluateTask(
      task({ status: '办结', milestones: [ms('b', '2026-09-30', '2026-09-20')] }),
      day('2026-10-10'),
    );
    expect(taskActiveInRange(done, day('2026-10-01'), day('2026-12-31'))).toBe(false);
    expect(taskActiveInRange(done, day('2026-09-20'), day('2026-09-20'))).toBe(true);
  });

  it('outcome codes A–D', () => {
    expect(describeOutcome('A')).toBe('A 已解决');
    expect(describeOutcome('B')).toBe('B 正在解决');
    expect(describeOutcome('C')).toBe('C 列入计划');
    expect(describeOutcome('D')).toBe('D 留作参考');
    expect(describeOutcome(null)).toBe('');
  });
});
