/** `GET /api/v1/alerts`: the open cases with a warning, filtered, sorted and paged by the service. */
import { z } from './zod';
import { pageParams, meta } from './api-common';
import { SLOW_ACTION_CODE_VALUES } from './case';

export const ALERT_LEVEL_VALUES = ['red', 'yellow', 'early-warning'] as const;
export const ALERT_SORT_VALUES = [
  'severity',
  'id',
  'department',
  'item',
  'accepted',
  'committedDue',
  'statutoryDue',
  'elapsed',
  'remaining',
  'suspended',
] as const;

export const alertsQuery = z.object({
  /** Comma-separated levels, e.g. `red,yellow`; empty = all three. */
  level: z.string().max(100).optional(),
  dept: z.string().max(400).optional(),
  item: z.string().max(400).optional(),
  channel: z.enum(['窗口', '网上']).optional(),
  /** Case-id substring. */
  q: z.string().max(200).optional(),
  /** Only cases accepted in this period (`2026Q3`, `2026-07`, `2026`). */
  period: z.string().max(10).optional(),
  /** A sort key, `-key` for descending; default severity (worst first). */
  sort: z.string().max(40).optional(),
  /** `only`: the cases whose card was revoked on appeal (督办), left out of the list otherwise. */
  revoked: z.enum(['only']).optional(),
  ...pageParams,
});
export type AlertsQuery = z.infer<typeof alertsQuery>;

export const alertItem = z.object({
  caseId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  channel: z.string().nullable(),
  level: z.enum(ALERT_LEVEL_VALUES),
  /** ISO instant, +08:00. */
  acceptedAt: z.string(),
  /** Civil dates YYYY-MM-DD. */
  committedDue: z.string(),
  statutoryDue: z.string(),
  committedLimitDays: z.number().int().nullable(),
  statutoryLimitDays: z.number().int().nullable(),
  elapsedDays: z.number().int(),
  remainingDays: z.number().int(),
  statutoryRemainingDays: z.number().int(),
  suspendedDays: z.number().int(),
  overdueDays: z.number().int(),
  /** Working days a suspension ran past its approved days (counted again in the time limit). */
  suspensionOverrunDays: z.number().int(),
  /** Civil date the current level was reached. */
  levelSince: z.string().nullable(),
  flagCodes: z.array(z.enum(SLOW_ACTION_CODE_VALUES)),
  /**
   * Why the case has its level, in Chinese, for the export's 原因 column; the SPA renders the
   * reason from the figures in the UI language instead.
   */
  reason: z.string(),
  /** 已撤销: the card was revoked on appeal (only with `revoked=only`). */
  revoked: z.boolean().optional(),
});
export type AlertItem = z.infer<typeof alertItem>;

export const alertsResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({
    red: z.number().int(),
    yellow: z.number().int(),
    'early-warning': z.number().int(),
  }),
  items: z.array(alertItem),
  meta,
});
export type AlertsResponse = z.infer<typeof alertsResponse>;
