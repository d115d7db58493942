/** `GET /api/v1/tasks`: the supervision tasks with their evaluation (the engine's TaskRow). */
import { z } from './zod';
import { meta } from './api-common';

export const TASK_SOURCE_VALUES = [
  '领导批示',
  '会议议定',
  '重点工作',
  '人大代表建议',
  '政协提案',
  '12345热线督办',
] as const;
const day = z.number().int();

export const supervisionTask = z.object({
  id: z.string(),
  source: z.enum(TASK_SOURCE_VALUES),
  title: z.string(),
  leadDepartmentId: z.string(),
  coDepartmentIds: z.array(z.string()),
  assignedAt: z.number(),
  deadline: day.nullable(),
  complex: z.boolean(),
  milestones: z.array(z.object({ name: z.string(), due: day, doneAt: z.number().nullable() })),
  status: z.enum(['在办', '办结']),
  outcome: z.enum(['A', 'B', 'C', 'D']).nullable(),
  progressNote: z.string(),
  updatedAt: z.number(),
});

export const taskEvaluation = z.object({
  id: z.string(),
  asOfDay: day,
  assignedDay: day,
  deadline: day.nullable(),
  deadlineBasis: z.enum(['feed', 'default', 'missing']),
  status: z.enum(['normal', 'due-soon', 'lagging', 'overdue', 'done']),
  completedDay: day.nullable(),
  onTime: z.boolean().nullable(),
  daysLeft: z.number().int().nullable(),
  lateDays: z.number().int(),
  milestones: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      due: day,
      doneDay: day.nullable(),
      status: z.enum(['done-on-time', 'done-late', 'overdue', 'due-soon', 'pending', 'unreported']),
      daysLeft: z.number().int().nullable(),
      lateDays: z.number().int(),
    }),
  ),
  overdueMilestones: z.number().int(),
  lateDoneMilestones: z.number().int(),
  next: z.object({ kind: z.enum(['milestone', 'task']), name: z.string(), due: day }).nullable(),
});

export const taskRow = z.object({ task: supervisionTask, ev: taskEvaluation });

export const tasksResponse = z.object({
  items: z.array(taskRow),
  /** false: the source holds no 督查事项 at all (an imported case file), as opposed to none in scope. */
  hasTasks: z.boolean().optional(),
  meta,
});
export type TasksResponse = z.infer<typeof tasksResponse>;
