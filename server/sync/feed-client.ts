/**
 * GETs one page of a feed resource over HTTP, per docs/feed-contract.md: 429 and 5xx (and network
 * failures) are retried with exponential back-off, honouring `Retry-After`; any other failure is a
 * {@link FeedError} with the contract's error code, so the sync can restart on `invalid_cursor` and
 * report the rest.
 */
import { parseFeedErrorBody } from '../../src/feeds/schemas/error-body';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    /** The contract's error code, or `network` / `malformed` / `http`. */
    readonly code: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface FetchOptions {
  /** Attempts after the first one for retryable failures. */
  retries: number;
  /** First back-off delay; doubles each attempt. */
  backoffMs: number;
  /** Largest wait honoured from Retry-After or back-off. */
  maxWaitMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Extra request headers (e.g. the platform's bearer token). */
  headers?: Record<string, string>;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  retries: 5,
  backoffMs: 500,
  maxWaitMs: 30_000,
  timeoutMs: 60_000,
};

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new FeedError('aborted', '同步已取消 (sync cancelled)'));
      },
      { once: true },
    );
  });
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const t = header.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const at = Date.parse(t);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Where a page's time went (for the performance report). */
export interface PageTimings {
  httpMs: number;
  jsonMs: number;
}

async function once(
  url: string,
  o: FetchOptions,
  timings: PageTimings,
): Promise<{ status: number; retryAfter: string | null; body: unknown; text: string }> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  const res = await fetch(url, { headers: { accept: 'application/json', ...o.headers }, signal });
  const text = await res.text();
  const parsedAt = performance.now();
  timings.httpMs += parsedAt - started;
  let body: unknown = undefined;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = undefined;
  }
  timings.jsonMs += performance.now() - parsedAt;
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body, text };
}

/** A 200 answer: its JSON body, and the text it was parsed from (records are stored as sent). */
export interface FeedResponse {
  body: unknown;
  text: string;
}

/** The JSON body of a 200 answer; throws FeedError otherwise (after retries where allowed). */
export async function getPage(
  url: string,
  options: FetchOptions,
  timings: PageTimings = { httpMs: 0, jsonMs: 0 },
): Promise<FeedResponse> {
  let lastError: FeedError | null = null;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (options.signal?.aborted) throw new FeedError('aborted', '同步已取消 (sync cancelled)');
    let wait = Math.min(options.maxWaitMs, options.backoffMs * 2 ** attempt);
    try {
      const r = await once(url, options, timings);
      if (r.status === 200) {
        if (r.body === undefined) {
          throw new FeedError('malformed', '响应不是 JSON (the response is not JSON)', 200);
        }
        return { body: r.body, text: r.text };
      }
      const err = parseFeedErrorBody(r.body);
      const error = new FeedError(
        err?.code ?? 'http',
        err?.message ?? `HTTP ${r.status}`,
        r.status,
      );
      if (!RETRYABLE.has(r.status)) throw error;
      lastError = error;
      const after = retryAfterMs(r.retryAfter);
      if (after !== null) wait = Math.min(options.maxWaitMs, after);
    } catch (e) {
      if (e instanceof FeedError) {
        if (e.status === null || !RETRYABLE.has(e.status)) {
          if (e.code !== 'network') throw e;
        }
      } else if (options.signal?.aborted) {
        throw new FeedError('aborted', '同步已取消 (sync cancelled)');
      } else {
        // fetch failed (refused, reset, DNS, timeout): the platform is unreachable right now.
        const detail =
          e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
        lastError = new FeedError(
          'network',
          `无法连接政务服务平台 (cannot reach the city platform: ${detail})`,
        );
      }
    }
    if (attempt < options.retries) await sleep(wait, options.signal);
  }
  throw (
    lastError ?? new FeedError('network', '无法连接政务服务平台 (cannot reach the city platform)')
  );
}
