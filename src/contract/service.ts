/**
 * Schemas of the service's smaller answers (health, sync status, rejected records), and the view
 * answers re-exported from their own modules, each a precise schema of the engine's view model.
 */
import { z } from './zod';

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

export { overviewResponse } from './overview';
export { caseResponse } from './case';
export { quarterRanking as rankingResponse, rankHistory as rankHistoryResponse } from './rankings';
export { departmentsResponse } from './department';
export { slowActionResponse } from './slow-action';
export { tasksResponse } from './tasks';

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
export type RejectedResponse = z.infer<typeof rejectedResponse>;

export const settingsResponse = z.object({
  version: z.number().int(),
  /** The engine settings; the SPA checks them with the engine's own validator. */
  settings: z.record(z.string(), z.unknown()),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});
export const settingsSaved = z.object({ version: z.number().int() });

/** `GET /api/v1/me`: who is signed in. */
export const meResponse = z.object({
  name: z.string(),
  role: z.enum(['admin', 'supervisor', 'leader', 'liaison']),
  departmentId: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

/** What every server-sent event carries (`status`, `sync`, `evaluated`). */
export const serviceEvent = z
  .object({ type: z.string(), at: z.string().optional(), state: z.string().optional() })
  .loose();
