/**
 * Every API route is one record: method, path, schemas, who may call it and how it is scoped to
 * departments, and its handler. The app registers them from one table (server/http/routes.ts), the
 * OpenAPI document is generated from the same table, and the role × route matrix test walks it,
 * so a route without a scope rule cannot exist.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiErrorCode } from '../../src/contract/api-error';
import type { Role, Viewer } from './viewer';

/**
 * How a route's answer is limited to the caller's departments:
 * - `public`: no sign-in, no department data (health, the public bulletin);
 * - `own-departments`: the handler filters every row, count and export by `viewer.departments`
 *   and answers 404 for a single record outside them;
 * - `city`: the answer holds no department's case data (settings, sync status).
 */
export type ScopeRule = 'public' | 'own-departments' | 'city';

export interface RouteContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  viewer: Viewer;
  /** For `sourced` routes: `city` or `import:<id>` from `?source=` (default `city`). */
  source: string;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface ApiRoute<Q = unknown, P = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/api/v1/cases/:id`. */
  url: string;
  summary: string;
  /** Roles that may call it; ignored for `public`. */
  roles: readonly Role[];
  scope: ScopeRule;
  /**
   * A read route of the dashboard's figures: it accepts `?source=city|import:<id>` (validated
   * once, in the app, for every such route) and answers from that source's evaluation.
   */
  sourced?: boolean;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  /** The JSON answer's schema; omitted for streamed files and event streams. */
  response?: z.ZodType;
  /** For file and stream answers: the content type, documented in OpenAPI. */
  produces?: string;
  handler(ctx: RouteContext<Q, P, B>): Promise<unknown> | unknown;
}

/** Keeps a route's generic types while storing it in a heterogeneous table. */
export function route<Q, P, B>(r: ApiRoute<Q, P, B>): ApiRoute {
  return r as unknown as ApiRoute;
}

/** A failure with the contract's error code; the app turns it into `{error: {code, message}}`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiFailure =>
  new ApiFailure(404, 'not_found', `没有找到${what} (not found)`);
export const badRequest = (message: string): ApiFailure =>
  new ApiFailure(400, 'bad_request', message);
