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
import { rankHistory } from '../../../src/engine/ranking';
import { calendarFor } from '../../../src/engine/settings';
import { slowActionFlagRows } from '../../../src/engine/slow-action-view';
import { evaluateTasks } from '../../../src/engine/tasks';
import { dubanRankingOptions, revokedFlagModel } from '../../duban/figures';
import type { SupervisionService } from '../../service';
import { metaOf } from '../../views/meta';
import { scopedModel } from '../../views/scope';
import { route, type ApiRoute } from '../route';
import { sees } from '../viewer';
import { caseDetail } from '../../views/case-detail';
import { cachedOverview, quarterRanking } from '../../views/figure-cache';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;

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
        return { ...cachedOverview(model, query.period), meta: metaOf(e) };
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
        return { items: scopedModel(e.model, viewer).departments, meta: metaOf(e) };
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
      handler: async ({ params, viewer, source }) =>
        caseDetail(await service.evaluatedFor(source), params.id, viewer),
    }),
    route({
      method: 'GET',
      // The same answer by query string: ids from data may be `..`, contain `/` or `#`, which no
      // path segment can carry safely (browsers resolve `..` and `%2E%2E` before sending).
      url: '/api/v1/case',
      summary: '单件办件（以查询参数传编号，适用于任意编号）',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      query: z.object({ id: z.string().min(1).max(400) }),
      response: caseResponse,
      handler: async ({ query, viewer, source }) =>
        caseDetail(await service.evaluatedFor(source), query.id, viewer),
    }),
    route({
      method: 'GET',
      url: '/api/v1/slow-action',
      summary: '慢作为标记（含证据）',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      // revoked=only: the flags revoked with their 督办单 instead, each tagged `revoked: true`.
      query: z.object({ period: periodParam, revoked: z.enum(['only']).optional() }),
      response: z.object({
        items: z.array(z.record(z.string(), z.unknown())),
        meta: z.record(z.string(), z.unknown()),
      }),
      handler: async ({ query, viewer, source }) => {
        const e = await service.evaluatedFor(source);
        if (query.revoked === 'only') {
          const revoked = slowActionFlagRows(
            scopedModel(revokedFlagModel(e), viewer),
            query.period,
          );
          return { items: revoked.map((r) => ({ ...r, revoked: true })), meta: metaOf(e) };
        }
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
      handler: async ({ query, source }) => {
        const e = await service.evaluatedFor(source);
        return { ...quarterRanking(e, query.quarter), meta: metaOf(e) };
      },
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
        const history = rankHistory(e.dataset, query.quarter, query.n, {
          asOfMs: e.asOfMs,
          settings: s.ranking,
          slowActionThresholds: s.slowAction,
          calendar: calendarFor(s),
          ...dubanRankingOptions(e),
        });
        return { ...history, meta: metaOf(e) };
      },
    }),
  ];
}
