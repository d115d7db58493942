/**
 * The one place the dashboard talks to the configured feed: builds the URL, sends credentials the
 * way runtime config says, applies the request timeout, honours react-query's abort signal and
 * turns every way a request can fail into a typed {@link FeedRequestError} with a readable message.
 */
import { parseFeedErrorBody } from '../schemas/error-body';
import type { RuntimeConfig } from '../runtime-config';

export type FeedErrorKind = 'auth' | 'http' | 'timeout' | 'network' | 'malformed';

/** A feed request that did not yield a usable page. `message` is for people (Chinese first). */
export class FeedRequestError extends Error {
  override readonly name = 'FeedRequestError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** True for errors that mean "log in again / ask for access" rather than "try again later". */
export function isAuthError(error: unknown): error is FeedRequestError {
  return error instanceof FeedRequestError && error.kind === 'auth';
}

function buildUrl(
  baseUrl: string,
  path: string,
  params: Record<string, string | undefined>,
): string {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  const origin = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';
  const url = new URL(`${base}${path}`, origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, value);
  }
  return url.toString();
}

function authHeaders(config: RuntimeConfig): Record<string, string> {
  if (config.auth.mode !== 'bearer') return {};
  const token =
    typeof sessionStorage !== 'undefined'
      ? sessionStorage.getItem(config.auth.bearerTokenStorageKey)
      : null;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * GETs a JSON document from the feed.
 *
 * @throws FeedRequestError — never a bare TypeError or AbortError, except that an abort requested
 *   by the caller (the page no longer needs the data) is re-thrown as is, so react-query ignores it.
 */
export async function getFeedJson(
  config: RuntimeConfig,
  path: string,
  params: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<unknown> {
  const url = buildUrl(config.feedBaseUrl, path, params);
  const controller = new AbortController();
  const timeoutMs = config.requestTimeoutSeconds * 1000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json', ...authHeaders(config) },
        credentials: config.auth.mode === 'cookie' ? 'include' : 'same-origin',
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) {
        throw new FeedRequestError(
          'timeout',
          `数据接口在 ${config.requestTimeoutSeconds} 秒内没有响应 (the feed did not answer within ${config.requestTimeoutSeconds} s)`,
        );
      }
      if (signal?.aborted) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new FeedRequestError('network', `无法连接数据接口 (cannot reach the feed: ${detail})`);
    }
    let body: unknown = null;
    const text = await response.text();
    if (text.length > 0) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = undefined;
      }
    }
    if (response.status === 401 || response.status === 403) {
      const server = parseFeedErrorBody(body);
      const what = response.status === 401 ? '登录已失效或尚未登录' : '当前账号无权访问该数据';
      throw new FeedRequestError(
        'auth',
        `${what} (HTTP ${response.status}${server ? `: ${server.message}` : ''})`,
        response.status,
        server?.code ?? null,
      );
    }
    if (!response.ok) {
      const server = parseFeedErrorBody(body);
      throw new FeedRequestError(
        'http',
        `数据接口返回错误 HTTP ${response.status}${server ? `：${server.message}` : ''} (feed error)`,
        response.status,
        server?.code ?? null,
      );
    }
    if (body === undefined || body === null) {
      throw new FeedRequestError(
        'malformed',
        `数据接口返回的不是 JSON (the feed answered with something that is not JSON)`,
        response.status,
      );
    }
    return body;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
