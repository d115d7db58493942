/**
 * `GET /api/v1/departments/:id?period=`: one department's page (the engine's department view
 * functions over the viewer's scoped model), and `GET /api/v1/items`: the service items in scope
 * (the alerts page's item filter).
 */
import { z } from './zod';
import { meta } from './api-common';
import { caseStatusRow } from './case';
import { completionFigures, openCounts } from './overview';
import { slowActionFlagRow } from './slow-action';

export const DEPARTMENT_KIND_VALUES = ['市直部门', '区县', '乡镇街道'] as const;
export const ITEM_KIND_VALUES = ['行政许可', '公共服务', '其他'] as const;

export const departmentInfo = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KIND_VALUES).nullable(),
  parentId: z.string().nullable(),
});

export const departmentsResponse = z.object({ items: z.array(departmentInfo), meta });

export const itemInfo = z.object({
  code: z.string(),
  name: z.string(),
  departmentId: z.string(),
  kind: z.enum(ITEM_KIND_VALUES),
  committedLimitDays: z.number().int(),
  statutoryLimitDays: z.number().int(),
});
export const itemsResponse = z.object({ items: z.array(itemInfo), meta });

export const departmentItemLine = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(ITEM_KIND_VALUES).nullable(),
  committedLimitDays: z.number().int().nullable(),
  statutoryLimitDays: z.number().int().nullable(),
  immediate: z.boolean(),
  open: z.number().int(),
  period: completionFigures,
});

export const departmentQuarterPoint = z.object({
  quarter: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  partial: z.boolean(),
  completion: completionFigures,
  yellowIssued: z.number().int(),
  redIssued: z.number().int(),
});

export const departmentViewResponse = z.object({
  header: z.object({
    info: departmentInfo,
    inFeed: z.boolean(),
    parentName: z.string().nullable(),
    caseCount: z.number().int(),
  }),
  open: openCounts,
  period: completionFigures,
  items: z.array(departmentItemLine),
  /** The worst open alerts (at most 10), worst first. */
  alerts: z.array(caseStatusRow),
  flags: z.array(slowActionFlagRow),
  /** Six quarters ending with `endQuarter`, oldest first. */
  trend: z.array(departmentQuarterPoint),
  endQuarter: z.string(),
  asOfDay: z.number().int(),
  meta,
});
export type DepartmentViewResponse = z.infer<typeof departmentViewResponse>;
