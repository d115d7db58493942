/**
 * The HTTP face of the service: security headers on everything, the API routes from one table
 * (each parsed with its schemas, checked for role and scoped), the built SPA from the same origin.
 */
import { existsSync } from 'node:fs';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { ZodError, type z } from 'zod';
import { sourceParam } from '../../src/contract/imports';
import { ApiFailure, type ApiRoute } from './route';
import type { Viewer } from './viewer';

/** Turns a request into a viewer (the session's user), or null when nobody is signed in. */
export interface Authenticator {
  viewerOf(request: FastifyRequest): Promise<Viewer | null>;
}

export interface AppOptions {
  routes: readonly ApiRoute[];
  auth: Authenticator;
  /** The built SPA (dist/), served with index.html for client routes; absent in API-only tests. */
  staticDir?: string | null;
  logger?: boolean;
  /** Extra plugins registered before the routes (auth's own routes, multipart …). */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
}

function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, what: string): T {
  if (schema === undefined) return undefined as T;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const detail = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || what}: ${i.message}`)
    .join('; ');
  throw new ApiFailure(400, 'bad_request', `请求参数无效 (invalid ${what}: ${detail})`);
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Ids from data can be long (the API's own schemas allow 400 characters).
    routerOptions: { maxParamLength: 1000 },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS writes <style> elements at run time (docs/security.md).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiFailure) {
      void reply.status(error.status).send({ error: { code: error.code, message: error.message } });
      return;
    }
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status === 413) {
      void reply.status(413).send({
        error: { code: 'payload_too_large', message: '请求体过大 (request body too large)' },
      });
      return;
    }
    if (status >= 400 && status < 500) {
      void reply.status(status).send({
        error: {
          code: 'bad_request',
          message: error instanceof Error ? error.message : 'bad request',
        },
      });
      return;
    }
    app.log.error(error);
    void reply
      .status(500)
      .send({ error: { code: 'internal', message: '服务内部错误 (internal error)' } });
  });

  for (const plugin of options.plugins ?? []) await plugin(app);

  for (const r of options.routes) {
    app.route({
      method: r.method,
      url: r.url,
      handler: async (request, reply) => {
        let viewer: Viewer | null = null;
        if (r.scope !== 'public') {
          viewer = await options.auth.viewerOf(request);
          if (viewer === null)
            throw new ApiFailure(401, 'unauthorized', '请先登录 (sign in first)');
          if (!r.roles.includes(viewer.role))
            throw new ApiFailure(403, 'forbidden', '无权访问 (not allowed for your role)');
        }
        const query = parseWith(r.query, request.query, 'query');
        const params = parseWith(r.params, request.params, 'path');
        const body = parseWith(r.body, request.body, 'body');
        const source =
          r.sourced === true
            ? parseWith(sourceParam, (request.query as Record<string, unknown>)['source'], 'source')
            : 'city';
        const result = await r.handler({
          query,
          params,
          body,
          source,
          viewer: viewer ?? {
            name: 'public',
            role: 'leader',
            departmentId: null,
            departments: new Set(),
          },
          request,
          reply,
        });
        if (reply.sent) return reply;
        if (r.response !== undefined && process.env['NODE_ENV'] !== 'production') {
          // In tests and development every answer is checked against its schema.
          try {
            r.response.parse(result);
          } catch (e) {
            if (e instanceof ZodError) {
              app.log.error(
                { url: r.url, issues: e.issues.slice(0, 5) },
                'response does not match its schema',
              );
              throw new Error(
                `response of ${r.method} ${r.url} does not match its schema: ${JSON.stringify(e.issues.slice(0, 3))}`,
              );
            }
            throw e;
          }
        }
        return result;
      },
    });
  }

  const staticDir = options.staticDir;
  if (staticDir && existsSync(staticDir)) {
    await app.register(fastifyStatic, { root: staticDir, wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      // Client routes (including the signed-out /public/bulletins/…) get the SPA shell; the
      // API prefixes never do, so a wrong API path is a JSON 404, not a page.
      const api = request.url.startsWith('/api/') || request.url.startsWith('/public/api/');
      if (request.method === 'GET' && !api) {
        return reply.sendFile('index.html');
      }
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: '没有这个接口 (no such endpoint)' } });
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply
        .status(404)
        .send({ error: { code: 'not_found', message: '没有这个接口 (no such endpoint)' } }),
    );
  }
  return app;
}
