/**
 * Auth's Fastify hooks, registered before the API routes: cookies, the sign-in rate limit, the
 * CSRF origin check on every state-changing request, and the audit of exports and settings
 * changes (written in onSend, before the answer leaves: an export is never delivered unaudited).
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { exportedRows } from '../http/export-stream';
import { ApiFailure } from '../http/route';
import type { Accounts } from './accounts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The host:port an Origin or Referer header names, or null when absent or unreadable. */
function hostOf(header: string | undefined): string | null {
  if (header === undefined || header === 'null') return null;
  try {
    return new URL(header).host;
  } catch {
    return null;
  }
}

/**
 * CSRF: SameSite=Strict already keeps the cookie off cross-site requests; this second line
 * refuses any state-changing request whose Origin (or, lacking it, Referer) is not this host.
 * A request with neither is refused too: browsers always send Origin on POST/PUT/DELETE.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const host = request.headers.host;
  if (host === undefined) return false;
  const origin = request.headers.origin;
  const source = origin !== undefined ? hostOf(origin) : hostOf(request.headers.referer);
  return source !== null && source === host;
}

const savedSettings = z.object({ version: z.number().int() });

export function authPlugin(accounts: Accounts): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    await app.register(cookie);
    // Not global: only sign-in is limited (per address), before any password is checked.
    await app.register(rateLimit, { global: false });
    const signInLimit = app.createRateLimit({
      max: accounts.options.signInRateLimit.max,
      timeWindow: accounts.options.signInRateLimit.windowMs,
    });

    app.addHook('onRequest', async (request) => {
      if (STATE_CHANGING.has(request.method) && !sameOrigin(request)) {
        throw new ApiFailure(403, 'forbidden', '跨站请求被拒绝 (cross-site request refused)');
      }
      if (request.method === 'POST' && request.routeOptions.url === '/api/v1/session') {
        const limit = await signInLimit(request);
        if (!limit.isAllowed && limit.isExceeded) {
          throw new ApiFailure(
            429,
            'rate_limited',
            '登录尝试过于频繁，请稍后再试 (too many sign-ins)',
          );
        }
      }
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const url = request.routeOptions.url ?? '';
      if (reply.statusCode >= 400) return payload;
      if (url.includes('/export.')) {
        const viewer = await accounts.viewerOf(request);
        const queryAt = request.url.indexOf('?');
        await accounts.audit({
          userName: viewer?.name ?? 'anonymous',
          role: viewer?.role ?? null,
          address: request.ip,
          action: 'export',
          detail: {
            route: url,
            query: queryAt === -1 ? '' : request.url.slice(queryAt + 1),
            rows: exportedRows.get(request) ?? null,
          },
        });
      } else if (request.method === 'POST' && url.startsWith('/api/v1/notices')) {
        // 督办: issuing a notice and every answer, appeal, decision and closing. The notice's own
        // event log says what changed; this row adds the address and sits with the other actions.
        const viewer = await accounts.viewerOf(request);
        const params = request.params;
        const id =
          typeof params === 'object' && params !== null && 'id' in params
            ? String(params.id)
            : null;
        await accounts.audit({
          userName: viewer?.name ?? 'anonymous',
          role: viewer?.role ?? null,
          address: request.ip,
          action: 'supervision-action',
          detail: { route: url, noticeId: id },
        });
      } else if (request.method === 'PUT' && url === '/api/v1/settings') {
        const viewer = await accounts.viewerOf(request);
        const saved =
          typeof payload === 'string' ? savedSettings.safeParse(JSON.parse(payload)) : null;
        const body = request.body;
        await accounts.audit({
          userName: viewer?.name ?? 'anonymous',
          role: viewer?.role ?? null,
          address: request.ip,
          action: 'settings-change',
          detail: {
            version: saved?.success === true ? saved.data.version : null,
            sections:
              typeof body === 'object' && body !== null ? Object.keys(body).slice(0, 50) : [],
          },
        });
      }
      return payload;
    });
  };
}
