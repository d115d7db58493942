/**
 * The task list's columns: one definition for the screen table and both exports, so an export
 * carries exactly the columns and rows the supervisor sees.
 */
import { describeOutcome, type TaskEvaluation } from '../../domain/tasks';
import type { TableColumn } from '../../export/table-export';
import type { TaskRow } from '../../engine/tasks';
import type { TasksMsg } from './tasks-messages';

/** "剩 3 天" / "今日到期" / "逾期 5 天" / "按期办结" / "逾期办结（2 天）" for a task. */
export function daysText(ev: TaskEvaluation, m: TasksMsg): string {
  if (ev.status === 'done') {
    if (ev.onTime === false) return m('late', { n: ev.lateDays });
    return m('onTime');
  }
  if (ev.daysLeft === null) return '';
  if (ev.daysLeft < 0) return m('daysLate', { n: -ev.daysLeft });
  if (ev.daysLeft === 0) return m('dueToday');
  return m('daysLeft', { n: ev.daysLeft });
}

/** Where the deadline came from, with the default rule spelled out. */
export function basisText(row: TaskRow, m: TasksMsg): string {
  switch (row.ev.deadlineBasis) {
    case 'feed':
      return m('basisFeed');
    case 'missing':
      return m('basisMissing');
    case 'default':
      return m('basisDefault', {
        rule:
          row.task.source === '人大代表建议' && row.task.complex
            ? m('ruleProposal6')
            : m('ruleProposal3'),
      });
  }
}

/** The columns of the task list (screen and export). */
export function taskColumns(
  m: TasksMsg,
  departmentName: (id: string) => string,
): TableColumn<TaskRow>[] {
  return [
    { key: 'id', header: m('col.id'), kind: 'text', value: (r) => r.task.id, width: 14 },
    {
      key: 'source',
      header: m('col.source'),
      kind: 'text',
      value: (r) => r.task.source,
      width: 14,
    },
    { key: 'title', header: m('col.title'), kind: 'text', value: (r) => r.task.title, width: 40 },
    {
      key: 'lead',
      header: m('col.lead'),
      kind: 'text',
      value: (r) => departmentName(r.task.leadDepartmentId),
      width: 18,
    },
    {
      key: 'co',
      header: m('col.co'),
      kind: 'text',
      value: (r) => r.task.coDepartmentIds.map(departmentName).join('、'),
      width: 24,
    },
    { key: 'assigned', header: m('col.assigned'), kind: 'date', value: (r) => r.ev.assignedDay },
    { key: 'deadline', header: m('col.deadline'), kind: 'date', value: (r) => r.ev.deadline },
    {
      key: 'basis',
      header: m('col.basis'),
      kind: 'text',
      value: (r) => basisText(r, m),
      width: 24,
    },
    {
      key: 'status',
      header: m('col.status'),
      kind: 'text',
      value: (r) => m(`status.${r.ev.status}`),
      width: 8,
    },
    {
      key: 'days',
      header: m('col.days'),
      kind: 'text',
      value: (r) => daysText(r.ev, m),
      width: 16,
    },
    {
      key: 'milestones',
      header: m('col.milestones'),
      kind: 'text',
      // "2/4": done (on the as-of day) of all milestones.
      value: (r) =>
        `${r.ev.milestones.filter((x) => x.doneDay !== null).length}/${r.ev.milestones.length}`,
      width: 10,
    },
    {
      key: 'overdueMs',
      header: m('col.overdueMs'),
      kind: 'integer',
      value: (r) => r.ev.overdueMilestones,
    },
    {
      key: 'next',
      header: m('col.next'),
      kind: 'text',
      value: (r) => (r.ev.next?.kind === 'milestone' ? r.ev.next.name : ''),
      width: 16,
    },
    {
      key: 'nextDue',
      header: m('col.nextDue'),
      kind: 'date',
      value: (r) => (r.ev.next?.kind === 'milestone' ? r.ev.next.due : null),
    },
    { key: 'completed', header: m('col.completed'), kind: 'date', value: (r) => r.ev.completedDay },
    {
      key: 'outcome',
      header: m('col.outcome'),
      kind: 'text',
      value: (r) => describeOutcome(r.task.outcome),
      width: 12,
    },
    {
      key: 'note',
      header: m('col.note'),
      kind: 'text',
      value: (r) => r.task.progressNote,
      width: 40,
    },
  ];
}
