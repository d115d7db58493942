/**
 * `GET /api/v1/overview`: the overview's figures (the engine's `overviewFigures`) for one period,
 * as of the service's last evaluation. Days are civil-day indexes (DayIndex), as in the engine.
 */
import { z } from './zod';
import { meta } from './api-common';

const count = z.number().int().nonnegative();

export const warningLevelCounts = z.object({
  normal: count,
  'early-warning': count,
  yellow: count,
  red: count,
});

export const openCounts = z.object({ open: count, levels: warningLevelCounts });

export const completionFigures = z.object({
  completed: count,
  withDeadline: count,
  onTime: count,
  late: count,
  early: count,
  onTimeRate: z.number().nullable(),
  meanElapsedDays: z.number().nullable(),
});

export const weekPoint = z.object({
  weekStart: z.number().int(),
  label: z.string(),
  yellowIssued: count,
  redIssued: count,
  completed: count,
  onTime: count,
  onTimeRate: z.number().nullable(),
});

export const departmentLine = z.object({
  departmentId: z.string(),
  name: z.string(),
  open: openCounts,
  period: completionFigures,
  flags: count,
});

export const overviewFigures = z.object({
  open: openCounts,
  period: completionFigures,
  trend: z.array(weekPoint),
  redDepartments: z.array(departmentLine),
  departments: z.array(departmentLine),
  coverage: z.object({ withData: count, total: count }),
  casesOutsideCalendar: count,
});

export const overviewResponse = overviewFigures.extend({
  /** The official calendar's coverage, for the "outside the calendar" note. */
  calendar: z.object({ coveredFrom: z.string(), coveredTo: z.string() }).optional(),
  meta,
});
export type OverviewResponse = z.infer<typeof overviewResponse>;
