/**
 * Published ranking editions and the public bulletin: the shapes of
 * `/api/v1/rankings/{quarter}/editions[/{n}]` and `/public/api/bulletins/{quarter}`
 * (docs/ranking.md §12, docs/service.md).
 */
import { z } from './zod';
import { quarterParam } from './api-common';
import { indicatorValue, INDICATOR_KEY_VALUES, quarterSupervision } from './rankings';

const record = z.record(z.string(), z.unknown());

export const quarterPathParams = z.object({ quarter: quarterParam });
export const editionPathParams = z.object({
  quarter: quarterParam,
  n: z.coerce.number().int().min(1).max(1_000_000),
});

export const publishResponse = z.object({
  edition: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  documentNumber: z.string(),
});

export const editionSummary = z.object({
  edition: z.number().int(),
  documentNumber: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  settingsVersion: z.number().int(),
  asOf: z.string(),
});
export const editionsResponse = z.object({
  quarter: z.string(),
  items: z.array(editionSummary),
});

const change = <T extends z.ZodType>(t: T) => z.object({ from: t, to: t });
export const rankingDiff = z.object({
  against: z.union([z.number().int(), z.literal('live')]),
  settingsVersion: change(z.number().int().nullable()),
  departments: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string().nullable(),
      group: z.string(),
      rank: change(z.number().int().nullable()),
      groupRank: change(z.number().int().nullable()),
      score: change(z.number().nullable()),
      counted: change(z.number().int()),
    }),
  ),
  unchanged: z.number().int(),
});

export const editionResponse = z.object({
  quarter: z.string(),
  edition: z.number().int(),
  documentNumber: z.string(),
  issuedOn: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  publisherRole: z.string(),
  settingsVersion: z.number().int(),
  asOf: z.string(),
  lastSyncAt: z.string().nullable(),
  bulletin: z.object({ city: z.string(), office: z.string(), documentPrefix: z.string() }),
  ranking: z.object({ quarter: z.string(), departments: z.array(record) }).loose(),
  /** Against edition n − 1; null for edition 1. */
  diff: rankingDiff.nullable(),
  /** The live ranking's figures differ from this edition (late data, a revoked card, settings). */
  liveDiffers: z.boolean(),
  /** What differs, department by department (edition → live). */
  liveDiff: rankingDiff,
});

export const publicBulletinResponse = z.object({
  quarter: z.string(),
  edition: z.number().int(),
  documentNumber: z.string(),
  issuedOn: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  city: z.string(),
  office: z.string(),
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  previousQuarter: z.string(),
  weights: z.record(z.string(), z.number()),
  minCountedCases: z.number(),
  rectificationWindowDays: z.number(),
  groups: z.array(record),
  departments: z.array(record),
  cityTotals: record,
  coverage: record,
  /** The quarter's red cards and overdue notices as published (null: an edition from before). */
  supervision: quarterSupervision.nullable(),
});

/**
 * The public bulletin with its department rows and totals typed (the SPA renders them; the
 * service's answer is built from a whitelist, docs/ranking.md §12). Unknown fields are dropped.
 */
const indicators = z.record(z.enum(INDICATOR_KEY_VALUES), indicatorValue);
export const publicBulletinTyped = publicBulletinResponse.extend({
  weights: z.record(z.enum(INDICATOR_KEY_VALUES), z.number()),
  groups: z.array(
    z.object({
      group: z.enum(['市直部门', '区县', '乡镇街道', '未分类']),
      departmentIds: z.array(z.string()),
      ranked: z.number().int(),
      insufficientSample: z.number().int(),
    }),
  ),
  departments: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string().nullable(),
      group: z.string(),
      groupRank: z.number().int().nullable(),
      previousGroupRank: z.number().int().nullable(),
      groupRankChange: z.number().int().nullable(),
      rank: z.number().int().nullable(),
      rankChange: z.number().int().nullable(),
      ranked: z.boolean(),
      insufficientSample: z.boolean(),
      counted: z.number().int(),
      score: z.number().nullable(),
      missingWeight: z.number(),
      indicators,
      deadlineRush: z.boolean(),
    }),
  ),
  cityTotals: z.object({ counted: z.number().int(), score: z.number().nullable(), indicators }),
  coverage: z.object({
    departments: z.number().int(),
    withData: z.number().int(),
    ranked: z.number().int(),
    insufficientSample: z.number().int(),
    byIndicator: z.record(z.enum(INDICATOR_KEY_VALUES), z.number().int()),
  }),
});
