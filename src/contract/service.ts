/**
 * Schemas of the service's smaller answers: health, sync status, and the view answers whose inner
 * shapes are the engine's view models (checked at their top level here; the engine's TypeScript
 * types are the inner contract until each gets its own schema).
 */
import { z } from 'zod';
import { meta } from './api-common';

export const healthResponse = z.object({
  status: z.literal('ok'),
  lastSyncAt: z.string().nullable(),
  cases: z.number().int(),
});

export const syncStatusResponse = z.object({
  state: z.enum(['idle', 'syncing', 'error']),
  lastSuccessAt: z.string().nullable(),
  failure: z
    .object({
      side: z.enum(['platform', 'service']),
      code: z.string(),
      message: z.string(),
      since: z.string(),
    })
    .nullable(),
  progress: z.record(z.string(), z.number()),
  cases: z.number().int(),
  evaluatedAt: z.string().nullable(),
  asOf: z.string().nullable(),
});
export type SyncStatusResponse = z.infer<typeof syncStatusResponse>;

const record = z.record(z.string(), z.unknown());

export const overviewResponse = z.object({
  open: record,
  period: record,
  trend: z.array(record),
  redDepartments: z.array(record),
  departments: z.array(record),
  coverage: z.object({ withData: z.number().int(), total: z.number().int() }),
  casesOutsideCalendar: z.number().int(),
  meta,
});

export const caseResponse = z.object({
  caseId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemCode: z.string(),
  itemName: z.string().nullable(),
  status: z.string(),
  channel: z.string().nullable(),
  acceptedAt: z.string(),
  completedAt: z.string().nullable(),
  level: z.enum(['normal', 'early-warning', 'yellow', 'red']),
  evaluation: record,
  suspensions: z.array(record),
  steps: z.array(record),
  evaluations: z.array(record),
  flags: z.array(record),
  timeline: record,
  meta,
});

export const rankingResponse = z
  .object({
    quarter: z.string(),
    asOf: z.string(),
    departments: z.array(record),
    city: record,
    coverage: record,
  })
  .loose();

export const departmentsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string().nullable(),
      parentId: z.string().nullable(),
    }),
  ),
});

export const rejectedResponse = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      resource: z.string(),
      index: z.number().int(),
      id: z.string().nullable(),
      reason: z.string(),
      raw: z.string(),
      seenAt: z.string(),
    }),
  ),
});
