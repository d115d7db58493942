/**
 * Published rankings: a leader publishes a quarter's ranking as an immutable edition; everyone
 * signed in reads the editions and their differences; the latest edition's department-level
 * figures are the one public data route (the bulletin, no sign-in). docs/ranking.md §12.
 */
import { periodKey } from '../../../src/domain/period/period';
import {
  editionPathParams,
  editionResponse,
  editionsResponse,
  publicBulletinResponse,
  publishResponse,
  quarterPathParams,
} from '../../../src/contract/editions';
import {
  diffRankings,
  latestEdition,
  listEditions,
  loadEdition,
  publicBulletin,
  publishEdition,
  rankingFiguresDiffer,
} from '../../rankings/editions';
import type { SupervisionService } from '../../service';
import { CITY_SOURCE } from '../../sync/sync';
import { requireEvaluated } from '../../views/scope';
import { ApiFailure, notFound, route, type ApiRoute } from '../route';
import { quarterRanking } from '../../views/figure-cache';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;

export function editionRoutes(service: SupervisionService): ApiRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/v1/rankings/:quarter/editions',
      summary: '发布季度排名（生成不可更改的新一版）',
      roles: ['leader'],
      scope: 'city',
      params: quarterPathParams,
      response: publishResponse,
      handler: async ({ params, viewer, request, reply }) => {
        const e = requireEvaluated(service.evaluated);
        const ranking = quarterRanking(e, params.quarter);
        if (ranking.partial) {
          throw new ApiFailure(
            409,
            'conflict',
            `${ranking.quarter} 尚未结束（数据截至 ${ranking.asOf}），季度结束后才能发布 (the quarter has not ended yet; publish it after its last day)`,
          );
        }
        const stored = await publishEdition(service.db, {
          source: e.source,
          ranking,
          settingsVersion: e.settings.version,
          bulletin: e.settings.settings.bulletin,
          asOfMs: e.asOfMs,
          lastSyncAt: service.status.lastSuccessAt,
          publishedBy: { name: viewer.name, role: viewer.role, address: request.ip },
          nowMs: Date.now(),
        });
        void reply.status(201);
        return {
          edition: stored.edition,
          publishedAt: stored.publishedAt,
          publishedBy: stored.publishedBy,
          documentNumber: stored.documentNumber,
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/rankings/:quarter/editions',
      summary: '季度排名的已发布版本',
      roles: ALL,
      scope: 'city',
      params: quarterPathParams,
      response: editionsResponse,
      handler: async ({ params }) => {
        const quarter = periodKey(params.quarter);
        return { quarter, items: await listEditions(service.db, CITY_SOURCE, quarter) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/rankings/:quarter/editions/:n',
      summary: '已发布的一版：原样内容、与上一版的差异、与当前数据是否不同',
      roles: ALL,
      scope: 'city',
      params: editionPathParams,
      response: editionResponse,
      handler: async ({ params }) => {
        const quarter = periodKey(params.quarter);
        const edition = await loadEdition(service.db, CITY_SOURCE, quarter, params.n);
        if (edition === null) throw notFound(`${quarter} 第 ${params.n} 版`);
        const previous =
          params.n > 1 ? await loadEdition(service.db, CITY_SOURCE, quarter, params.n - 1) : null;
        const e = requireEvaluated(service.evaluated);
        const live = quarterRanking(e, params.quarter);
        return {
          ...edition,
          diff:
            previous === null
              ? null
              : diffRankings(previous.ranking, edition.ranking, previous.edition, {
                  from: previous.settingsVersion,
                  to: edition.settingsVersion,
                }),
          liveDiffers: rankingFiguresDiffer(edition.ranking, live),
          liveDiff: diffRankings(edition.ranking, live, 'live', {
            from: edition.settingsVersion,
            to: e.settings.version,
          }),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/public/api/bulletins/:quarter',
      summary: '季度通报（公开，无需登录）：最新一版的部门级数字',
      roles: [],
      scope: 'public',
      params: quarterPathParams,
      response: publicBulletinResponse,
      handler: async ({ params }) => {
        const quarter = periodKey(params.quarter);
        const edition = await latestEdition(service.db, CITY_SOURCE, quarter);
        if (edition === null) throw notFound(`${quarter} 的季度通报（尚未发布）`);
        return publicBulletin(edition);
      },
    }),
  ];
}
