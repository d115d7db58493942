/** `GET /api/v1/slow-action`: the engine's slow-action flag rows, with evidence. */
import { z } from './zod';
import { meta } from './api-common';
import { SLOW_ACTION_CODE_VALUES, slowActionFlag } from './case';

export const slowActionFlagRow = z.object({
  key: z.string(),
  code: z.enum(SLOW_ACTION_CODE_VALUES),
  rule: z.string(),
  caseId: z.string().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  sinceDay: z.number().int(),
  since: z.string(),
  caseState: z.enum(['open', 'completed']).nullable(),
  quarter: z.string().nullable(),
  explanation: z.string(),
  evidence: slowActionFlag.shape.evidence,
});

export const slowActionResponse = z.object({ items: z.array(slowActionFlagRow), meta });
export type SlowActionResponse = z.infer<typeof slowActionResponse>;
