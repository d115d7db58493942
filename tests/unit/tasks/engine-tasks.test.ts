import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../mocks/demo-city/tasks';
import { dayFromIso } from '../../../src/domain/calendar/day';
import { addCalendarMonths } from '../../../src/domain/tasks';
import {
  departmentTaskCounts,
  evaluateTasks,
  filterTaskRows,
  NO_TASK_FILTERS,
  overdueTaskCount,
  statusCounts,
  taskReminders,
} from '../../../src/engine/tasks';
import type { SupervisionTask } from '../../../src/feeds/schemas/supervision-task';

const at = (iso: string) => Date.parse(`${iso}T10:00:00+08:00`);
const day = dayFromIso;

function t(id: string, lead: string, over: Partial<SupervisionTask>): SupervisionTask {
  return {
    id,
    source: '领导批示',
    title: `事项${id}`,
    leadDepartmentId: lead,
    coDepartmentIds: ['CO'],
    assignedAt: at('2026-09-01'),
    deadline: day('2026-10-31'),
    complex: false,
    milestones: [],
    status: '在办',
    outcome: null,
    progressNote: '',
    updatedAt: at('2026-09-01'),
    ...over,
  };
}

const AS_OF = day('2026-09-30');
const tasks: SupervisionTask[] = [
  t('A1', 'D1', { deadline: day('2026-09-20') }), // overdue
  t('A2', 'D1', {
    deadline: day('2026-09-25'),
    milestones: [{ name: 'm', due: day('2026-09-10'), doneAt: null }],
  }), // overdue with an overdue milestone
  t('A3', 'D1', { milestones: [{ name: 'm', due: day('2026-09-29'), doneAt: null }] }), // lagging
  t('B1', 'D2', { deadline: day('2026-10-03') }), // due soon
  t('B2', 'D2', {}), // normal
  t('B3', 'D2', {
    status: '办结',
    deadline: day('2026-09-01'),
    milestones: [{ name: 'm', due: day('2026-08-01'), doneAt: at('2026-09-05') }],
  }), // done late: nothing counted against D2
  t('C1', 'CO', { source: '人大代表建议', deadline: null, assignedAt: at('2026-06-30') }), // due 09-30: due soon
];

describe('task slices', () => {
  const rows = evaluateTasks(tasks, AS_OF);

  it('statuses, reminders and counts of hand-made tasks', () => {
    const byId = Object.fromEntries(rows.map((r) => [r.task.id, r.ev.status]));
    expect(byId).toEqual({
      A1: 'overdue',
      A2: 'overdue',
      A3: 'lagging',
      B1: 'due-soon',
      B2: 'normal',
      B3: 'done',
      C1: 'due-soon',
    });
    expect(statusCounts(rows)).toEqual({
      overdue: 2,
      lagging: 1,
      'due-soon': 2,
      normal: 1,
      done: 1,
    });
    const rem = taskReminders(rows);
    expect(rem.overdue.map((r) => r.task.id)).toEqual(['A1', 'A2']);
    expect(rem.lagging.map((r) => r.task.id)).toEqual(['A3']);
    expect(rem.dueSoon.map((r) => r.task.id)).toEqual(['C1', 'B1']); // earliest due first
  });

  it('overdue milestones count against the lead department only', () => {
    expect(departmentTaskCounts(rows)).toEqual([
      {
        departmentId: 'D1',
        open: 3,
        overdueTasks: 2,
        laggingTasks: 1,
        dueSoonTasks: 0,
        overdueMilestones: 2,
      },
      {
        departmentId: 'CO',
        open: 1,
        overdueTasks: 0,
        laggingTasks: 0,
        dueSoonTasks: 1,
        overdueMilestones: 0,
      },
      {
        departmentId: 'D2',
        open: 2,
        overdueTasks: 0,
        laggingTasks: 0,
        dueSoonTasks: 1,
        overdueMilestones: 0,
      },
    ]);
    expect(overdueTaskCount(rows, 'D1')).toEqual({
      overdueTasks: 2,
      overdueMilestones: 2,
      open: 3,
    });
    expect(overdueTaskCount(rows, 'CO')).toEqual({
      overdueTasks: 0,
      overdueMilestones: 0,
      open: 1,
    });
    expect(overdueTaskCount(rows)).toEqual({ overdueTasks: 2, overdueMilestones: 2, open: 6 });
  });

  it('filters by source, status, lead department, range and text', () => {
    const ids = (f: Partial<typeof NO_TASK_FILTERS>) =>
      filterTaskRows(rows, { ...NO_TASK_FILTERS, ...f }).map((r) => r.task.id);
    expect(ids({ sources: ['人大代表建议'] })).toEqual(['C1']);
    expect(ids({ statuses: ['overdue', 'lagging'] })).toEqual(['A1', 'A2', 'A3']);
    expect(ids({ departmentId: 'D2' })).toEqual(['B1', 'B2', 'B3']);
    expect(ids({ query: 'b3' })).toEqual(['B3']);
    // Q4 2026 ledger: B3 was done on 09-05, before the quarter.
    expect(ids({ range: { from: day('2026-10-01'), to: day('2026-12-31') } })).not.toContain('B3');
    expect(ids({ range: { from: day('2026-07-01'), to: day('2026-09-30') } })).toContain('B3');
  });
});

describe('the demo generator and the domain agree on month arithmetic', () => {
  it('addMonths (mocks) = addCalendarMonths (domain) for every day of 2023–2026, 1–12 months', () => {
    for (let d = day('2023-01-01'); d <= day('2026-12-31'); d++) {
      for (const k of [1, 3, 6, 12]) expect(addCalendarMonths(d, k)).toBe(addMonths(d, k));
    }
  });
});
