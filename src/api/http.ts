/**
 * The one way the SPA reads the service: `apiGet(path, schema, signal)` sends the session cookie,
 * maps every failure to a typed {@link ApiRequestError} (HTTP status + the contract's error code),
 * and parses every answer with its schema — a response that does not match is an error, never a
 * cast. The schema may be a promise (src/api/shell-schemas.ts): it is awaited once the answer is in.
 */
import type { z } from '../contract/zod';
import { API_ERROR_CODES, type ApiErrorCode } from '../contract/api-error-codes';
import { shellSchema } from './shell-schemas';

/** What went wrong, as the pages render it: the contract's codes plus the client-side ones. */
export type ApiFailureCode = ApiErrorCode | 'network' | 'invalid_response';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

let baseUrl = '/api/v1';

/** Set once at start-up from the runtime config (`apiBaseUrl`). */
export function configureApi(options: { baseUrl: string }): void {
  baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl.slice(0, -1) : options.baseUrl;
}

export type QueryParams = Record<string, string | number | null | undefined>;

/** The query string of `params`, without empty values, in a stable order. */
export function queryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const v = params[key];
    if (v === null || v === undefined || v === '') continue;
    search.set(key, String(v));
  }
  const s = search.toString();
  return s === '' ? '' : `?${s}`;
}

/** The absolute URL of an API path (`/overview`), e.g. for links to the service's exports. */
export function apiUrl(path: string, params?: QueryParams): string {
  const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.href;
  return new URL(`${baseUrl}${path}${queryString(params)}`, origin).toString();
}

async function failure(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page): the status is all there is.
  }
  const parsed = (await shellSchema('apiErrorSchema')).safeParse(body);
  if (parsed.success) {
    return new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message);
  }
  const byStatus: Partial<Record<number, ApiErrorCode>> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    429: 'rate_limited',
    503: 'unavailable',
  };
  return new ApiRequestError(
    response.status,
    byStatus[response.status] ?? 'internal',
    `HTTP ${response.status}`,
  );
}

async function send<S extends z.ZodType>(
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  schema: S | Promise<S>,
  options: { signal?: AbortSignal; params?: QueryParams; body?: unknown },
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.params), {
      method,
      credentials: 'same-origin',
      headers:
        options.body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await failure(response);
  let raw: unknown = null;
  // 204 No Content (a deletion) has no body to read: the schema decides whether null is an answer.
  if (response.status !== 204) {
    try {
      raw = await response.json();
    } catch {
      throw new ApiRequestError(response.status, 'invalid_response', 'not JSON');
    }
  }
  const parsed = (await schema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiRequestError(
      response.status,
      'invalid_response',
      `${path}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'schema mismatch'}`,
    );
  }
  return parsed.data;
}

/** GET `path` (relative to the API base) and parse the answer with `schema`. */
export function apiGet<S extends z.ZodType>(
  path: string,
  schema: S | Promise<S>,
  signal?: AbortSignal,
  params?: QueryParams,
): Promise<z.output<S>> {
  return send('GET', path, schema, { signal, params });
}

/** A write (PUT/POST/DELETE) with a JSON body, its answer parsed with `schema`. */
export function apiSend<S extends z.ZodType>(
  method: 'PUT' | 'POST' | 'DELETE',
  path: string,
  schema: S | Promise<S>,
  body: unknown,
): Promise<z.output<S>> {
  return send(method, path, schema, { body });
}

export const isApiErrorCode = (code: string): code is ApiErrorCode =>
  (API_ERROR_CODES as readonly string[]).includes(code);
