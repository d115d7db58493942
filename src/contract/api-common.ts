/** Small schemas shared by the API's requests and responses. */
import { z } from './zod';
import { parsePeriod, type Period } from '../domain/period/period';

/** `2026Q3`, `2026-07` or `2026`. */
export const periodParam = z.string().transform((s, ctx): Period => {
  const p = parsePeriod(s);
  if (p === null) {
    ctx.addIssue({ code: 'custom', message: `不是统计周期 (not a period: ${s.slice(0, 20)})` });
    return z.NEVER;
  }
  return p;
});

/** `2026Q3` only. */
export const quarterParam = z.string().transform((s, ctx): Period & { kind: 'quarter' } => {
  const p = parsePeriod(s);
  if (p === null || p.kind !== 'quarter') {
    ctx.addIssue({ code: 'custom', message: `应形如 2026Q3 (not a quarter: ${s.slice(0, 20)})` });
    return z.NEVER;
  }
  return p;
});

export const pageParams = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export const meta = z.object({
  /** The instant every figure is as of (ISO, +08:00). */
  asOf: z.string(),
  settingsVersion: z.number().int(),
  /**
   * The data source the figures come from (`city` or `import:<id>`): a page can check that what it
   * shows is the source chosen in its header (issue 18.2).
   */
  source: z.string().optional(),
});
export type ResponseMeta = z.infer<typeof meta>;
