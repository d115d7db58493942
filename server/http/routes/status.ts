/** Health (no sign-in, ever), sync status and the server-sent event stream. */
import { healthResponse, syncStatusResponse } from '../../../src/contract/service';
import { formatShanghaiIso } from '../../../src/domain/time-limit';
import type { ServiceEvent, SupervisionService } from '../../service';
import { route, type ApiRoute } from '../route';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;

export function statusRoutes(service: SupervisionService): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/health',
      summary: '健康检查（无需登录）',
      roles: ALL,
      scope: 'public',
      response: healthResponse,
      handler: () => ({
        status: 'ok' as const,
        lastSyncAt: service.status.lastSuccessAt,
        cases: service.evaluated?.model.rows.length ?? 0,
      }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/sync-status',
      summary: '数据同步状态',
      roles: ALL,
      scope: 'city',
      response: syncStatusResponse,
      handler: () => {
        const e = service.evaluated;
        return {
          state: service.status.state,
          lastSuccessAt: service.status.lastSuccessAt,
          failure: service.status.failure,
          progress: service.status.progress,
          cases: e?.model.rows.length ?? 0,
          evaluatedAt: e ? new Date(e.evaluatedAt).toISOString() : null,
          asOf: e ? formatShanghaiIso(e.asOfMs) : null,
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/events',
      summary: '服务器推送事件（同步完成、状态变化）',
      roles: ALL,
      scope: 'city',
      produces: 'text/event-stream',
      handler: ({ reply, request }) => {
        // Events name what changed, never any department's data, so every signed-in role may listen.
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-content-type-options': 'nosniff',
        });
        const send = (e: ServiceEvent): void => {
          res.write(
            `event: ${e.type}\ndata: ${JSON.stringify({ ...e, state: service.status.state })}\n\n`,
          );
        };
        send({ type: 'status', at: new Date().toISOString() });
        const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
        service.events.on('event', send);
        request.raw.on('close', () => {
          clearInterval(ping);
          service.events.off('event', send);
        });
      },
    }),
  ];
}
