/**
 * Drill-downs the dashboard needs beyond the read views in views.ts: one department's page, the
 * service items in scope (the alerts filter), and the cases and evaluations behind a ranking
 * figure. Each is the engine's pure view function over the viewer's scoped model or dataset.
 */
import { z } from 'zod';
import { periodParam, quarterParam } from '../../../src/contract/api-common';
import { departmentViewResponse, itemsResponse } from '../../../src/contract/department';
import { rankingEvidence as rankingEvidenceResponse } from '../../../src/contract/rankings';
import type { Period } from '../../../src/domain/period/period';
import { departmentPage } from '../../../src/engine/department-page';
import { rankingEvidence } from '../../../src/engine/ranking-evidence';
import { calendarFor } from '../../../src/engine/settings';
import type { SupervisionService } from '../../service';
import { metaOf } from '../../views/meta';
import { scopedModel } from '../../views/scope';
import { ApiFailure, notFound, route, type ApiRoute } from '../route';
import { sees, type Viewer } from '../viewer';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;

export function drillDownRoutes(service: SupervisionService): ApiRoute[] {
  /** One department's page for `viewer` (404 outside their departments or unknown). */
  const department = async (id: string, period: Period, viewer: Viewer, source: string) => {
    const e = await service.evaluatedFor(source);
    // Outside the viewer's departments the department does not exist for them (404).
    if (!sees(viewer, id)) throw notFound('该部门');
    const page = departmentPage(scopedModel(e.model, viewer), id, period);
    if (page === null) throw notFound('该部门');
    return { ...page, meta: metaOf(e) };
  };

  return [
    route({
      method: 'GET',
      url: '/api/v1/departments/:id',
      summary: '部门详情：指标、事项、最严重预警、慢作为、季度趋势',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      params: z.object({ id: z.string().min(1).max(200) }),
      query: z.object({ period: periodParam }),
      response: departmentViewResponse,
      handler: ({ params, query, viewer, source }) =>
        department(params.id, query.period, viewer, source),
    }),
    route({
      method: 'GET',
      // The same answer by query string: ids from data may be `..`, contain `/` or `#`, which no
      // path segment can carry safely (browsers resolve `..` and `%2E%2E` before sending).
      url: '/api/v1/department',
      summary: '部门详情（以查询参数传编号，适用于任意编号）',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      query: z.object({ id: z.string().min(1).max(400), period: periodParam }),
      response: departmentViewResponse,
      handler: ({ query, viewer, source }) => department(query.id, query.period, viewer, source),
    }),
    route({
      method: 'GET',
      url: '/api/v1/items',
      summary: '办理事项列表（仅限可见范围）',
      roles: ALL,
      scope: 'own-departments',
      sourced: true,
      response: itemsResponse,
      handler: async ({ viewer, source }) => {
        const e = await service.evaluatedFor(source);
        return { items: scopedModel(e.model, viewer).items, meta: metaOf(e) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/rankings/evidence',
      summary: '评比指标的依据：计入的办件与评价（部门或全市）',
      roles: ALL,
      scope: 'own-departments',
      query: z.object({ quarter: quarterParam, dept: z.string().max(200).optional() }),
      sourced: true,
      response: rankingEvidenceResponse,
      handler: async ({ query, viewer, source }) => {
        const e = await service.evaluatedFor(source);
        const dept = query.dept ?? null;
        if (dept !== null && !sees(viewer, dept)) throw notFound('该部门');
        if (dept === null && viewer.departments !== null) {
          throw new ApiFailure(403, 'forbidden', '只能查看本部门的依据 (own departments only)');
        }
        const s = e.settings.settings;
        const evidence = rankingEvidence(e.dataset, query.quarter, dept, {
          asOfMs: e.asOfMs,
          settings: s.ranking,
          slowActionThresholds: s.slowAction,
          calendar: calendarFor(s),
        });
        return { ...evidence, meta: metaOf(e) };
      },
    }),
  ];
}
