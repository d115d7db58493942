/**
 * The dashboard's read views: overview, a department, a case, slow-action flags, tasks, the
 * ranking and its history. Each is the engine's pure view function over the model scoped to the
 * viewer, so a page, its chart and its export are the same numbers.
 */
import { z } from 'zod';
import { periodParam, quarterParam } from '../../../src/contract/api-common';
import {
  caseResponse,
  departmentsResponse,
  overviewResponse,
  rankingResponse,
} from '../../../src/contract/service';
import { isoFromDay } from '../../../src/domain/calendar';
import { periodRange } from '../../../src/domain/period/period';
import { formatShanghaiIso } from '../../../src/domain/time-limit';
import { buildCaseTimeline, indexByCaseId } from '../../../src/engine/case-view';
import { overviewFigures } from '../../../src/engine/overview';
import { rankHistory, rankQuarter, type QuarterRanking } from '../../../src/engine/ranking';
import { calendarFor } from '../../../src/engine/settings';
import { slowActionFlagRows } from '../../../src/engine/slow-action-view';
import { evaluateTasks } from '../../../src/engine/tasks';
import { dubanRankingOptions } from '../../duban/figures';
import type { EvaluatedSource } from '../../jobs/evaluate';
import type { SupervisionService } from '../../service';
import { metaOf } from '../../views/meta';
import { scopedModel } from '../../views/scope';
import { notFound, route, type ApiRoute } from '../route';
import { sees } from '../viewer';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;

const rankingCache = new WeakMap<EvaluatedSource, Map<string, QuarterRanking>>();

/** One quarter's ranking over the whole city (the same call as the `rank` CLI), cached per evaluation. */
export function quarterRanking(
  e: EvaluatedSource,
  quarter: z.infer<typeof quarterParam>,
): QuarterRanking {
  let byQuarter = rankingCache.get(e);
  if (!byQuarter) {
    byQuarter = new Map();
    rankingCache.set(e, byQuarter);
  }
  const key = `${quarter.year}Q${quarter.quarter}`;
  const hit = byQuarter.get(key);
  if (hit) return hit;
  const s = e.settings.settings;
  const ranking = rankQuarter(e.dataset, quarter, {
    asOfMs: e.asOfMs,
    settings: s.ranking,
    slowActionThresholds: s.slowAction,
    calendar: calendarFor(s),
    ...dubanRankingOptions(e),
  });
  byQuarter.set(key, ranking);
  return ranking;
}

export function viewRoutes(service: SupervisionService): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/overview',
      summary: '总览：在办、预警、黄牌、红牌，本期办结，趋势，红牌部门',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      query: z.object({ period: periodParam }),
      response: overviewResponse,
      handler: async ({ query, viewer, source }) => {
        const e = await service.evaluatedFor(source);
        const model = scopedModel(e.model, viewer);
        return { ...overviewFigures(model, periodRange(query.period)), meta: metaOf(e) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/departments',
      summary: '部门列表（仅限可见范围）',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      response: departmentsResponse,
      handler: async ({ viewer, source }) => {
        const e = await service.evaluatedFor(source);
        return { items: scopedModel(e.model, viewer).departments };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/cases/:id',
      summary: '单件办件：评估、暂停、环节、好差评、慢作为与时间线',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      params: z.object({ id: z.string().min(1).max(400) }),
      response: caseResponse,
      handler: async ({ params, viewer, source }) => {
        const e = await service.evaluatedFor(source);
        // A revoked card's case leaves the figures, not the record: the case page still shows it.
        const row = e.evaluatedModel.rows.find((r) => r.id === params.id);
        // Outside the viewer's departments the case does not exist for them (404, not 403).
        if (row === undefined || !sees(viewer, row.departmentId)) throw notFound('该办件');
        const record = e.dataset.cases.find((c) => c.id === params.id);
        if (record === undefined) throw notFound('该办件');
        const steps = indexByCaseId(e.dataset.caseEvents).get(params.id) ?? [];
        const evaluations = e.dataset.evaluationsByCase.get(params.id) ?? [];
        const item = e.dataset.itemByCode.get(row.itemCode) ?? null;
        const timeline = buildCaseTimeline({
          caseRecord: record,
          row,
          steps,
          asOfMs: e.asOfMs,
          cal: calendarFor(e.settings.settings),
        });
        return {
          caseId: row.id,
          departmentId: row.departmentId,
          departmentName: e.dataset.departmentById.get(row.departmentId)?.name ?? row.departmentId,
          itemCode: row.itemCode,
          itemName: item?.name ?? null,
          status: row.status,
          channel: row.channel,
          acceptedAt: formatShanghaiIso(row.acceptedAt),
          completedAt: row.completedAt === null ? null : formatShanghaiIso(row.completedAt),
          level: row.level,
          evaluation: {
            ...row,
            committedDueDate: isoFromDay(row.committedDue),
            statutoryDueDate: isoFromDay(row.statutoryDue),
          },
          suspensions: record.suspensions.map((s) => ({ ...s })),
          steps: steps.map((s) => ({ ...s })),
          evaluations: evaluations.map((v) => ({ ...v })),
          flags: e.evaluatedModel.flags.filter((f) => f.caseId === row.id).map((f) => ({ ...f })),
          timeline: { ...timeline },
          meta: metaOf(e),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/slow-action',
      summary: '慢作为标记（含证据）',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      query: z.object({ period: periodParam }),
      response: z.object({
        items: z.array(z.record(z.string(), z.unknown())),
        meta: z.record(z.string(), z.unknown()),
      }),
      handler: async ({ query, viewer, source }) => {
        const e = await service.evaluatedFor(source);
        const rows = slowActionFlagRows(scopedModel(e.model, viewer), query.period);
        return { items: rows.map((r) => ({ ...r })), meta: metaOf(e) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/tasks',
      summary: '督查事项（含节点与提醒状态）',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      response: z.object({
        items: z.array(z.record(z.string(), z.unknown())),
        meta: z.record(z.string(), z.unknown()),
      }),
      handler: async ({ viewer, source }) => {
        const e = await service.evaluatedFor(source);
        const tasks = e.dataset.tasks.filter(
          (t) => sees(viewer, t.leadDepartmentId) || t.coDepartmentIds.some((d) => sees(viewer, d)),
        );
        return {
          items: evaluateTasks(tasks, e.model.asOfDay).map((r) => ({ ...r })),
          // A source without tasks (an imported case file) says so: never another source's tasks.
          hasTasks: e.dataset.tasks.length > 0,
          meta: metaOf(e),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/rankings',
      summary: '季度评比排队（与 rank 命令行同一对象）',
      roles: ALL,
      scope: 'city',
      sourced: true,
      query: z.object({ quarter: quarterParam }),
      response: rankingResponse,
      // The ranking is published city-wide; per-case evidence is a separate, scoped route.
      handler: async ({ query, source }) =>
        quarterRanking(await service.evaluatedFor(source), query.quarter),
    }),
    route({
      method: 'GET',
      url: '/api/v1/rankings/history',
      summary: '近若干季度的排名变化',
      roles: ALL,
      scope: 'city',
      sourced: true,
      query: z.object({
        quarter: quarterParam,
        n: z.coerce.number().int().min(2).max(12).default(6),
      }),
      response: z
        .object({
          quarters: z.array(z.string()),
          departments: z.array(z.record(z.string(), z.unknown())),
        })
        .loose(),
      handler: async ({ query, source }) => {
        const e = await service.evaluatedFor(source);
        const s = e.settings.settings;
        return rankHistory(e.dataset, query.quarter, query.n, {
          asOfMs: e.asOfMs,
          settings: s.ranking,
          slowActionThresholds: s.slowAction,
          calendar: calendarFor(s),
          ...dubanRankingOptions(e),
        });
      },
    }),
  ];
}
