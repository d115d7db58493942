/**
 * The demo feed over real HTTP (node:http): `GET /api/v1/{resource}` answered by a
 * {@link FeedServer}, plus the faults a real platform shows. Used by the `demo-feed` command and by
 * the service tests, which can also intercept single requests (a 500 or 429 in the middle of a
 * sync, a malformed page) and swap the dataset (records that changed since the last sync).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FeedResource } from '../src/feeds/query-keys';
import { feedErrorBody } from '../src/feeds/schemas/error-body';
import { FEED_RESOURCES, type FeedServer } from './feed-server';

export const FEED_FAULTS = ['none', 'outage', 'timeout', '500', 'malformed', '401'] as const;
export type FeedFault = (typeof FEED_FAULTS)[number];

export function isFeedFault(s: string): s is FeedFault {
  return (FEED_FAULTS as readonly string[]).includes(s);
}

/** What an interceptor may answer instead of the feed (null = let the feed answer). */
export interface InterceptedAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A feed that answers with its body's bytes (the disk-backed feed, mocks/disk-feed, which joins
 * records already serialised instead of serialising a page object).
 */
export interface TextFeedSource {
  answerText(resource: FeedResource, params: URLSearchParams): { status: number; body: Buffer };
}

/** What the HTTP server answers from. */
export type FeedSource = FeedServer | TextFeedSource;

export interface FeedRequestInfo {
  resource: FeedResource;
  params: URLSearchParams;
  /** 1-based count of requests for this resource so far. */
  n: number;
}

export interface FeedHttpOptions {
  port?: number;
  host?: string;
  fault?: FeedFault;
  /** Allow `GET /demo/fault?mode=…` to switch the fault at run time (the demo; loopback only). */
  faultSwitch?: boolean;
  intercept?: (req: FeedRequestInfo) => InterceptedAnswer | null;
  /**
   * With `faultSwitch`: `GET /demo/touch?cases=N` changes N cases on the platform (a later
   * `updatedAt` and server clock) and serves the feed this returns — the bench's incremental cycle.
   */
  touch?: (cases: number) => FeedSource;
  onFault?: (fault: FeedFault) => void;
}

export interface FeedHttpServer {
  url: string;
  port: number;
  server: Server;
  /** Requests served per resource. */
  counts: Map<FeedResource, number>;
  setFault(fault: FeedFault): void;
  setFeed(feed: FeedSource): void;
  close(): Promise<void>;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFeedHttpServer(
  initial: FeedSource,
  options: FeedHttpOptions = {},
): Promise<FeedHttpServer> {
  let feed = initial;
  let fault: FeedFault = options.fault ?? 'none';
  const counts = new Map<FeedResource, number>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.faultSwitch && url.pathname === '/demo/fault') {
      const mode = url.searchParams.get('mode') ?? '';
      if (!isFeedFault(mode))
        return sendJson(res, 400, feedErrorBody('bad_request', `mode: ${FEED_FAULTS.join('|')}`));
      fault = mode;
      options.onFault?.(fault);
      return sendJson(res, 200, { fault });
    }
    if (options.faultSwitch && options.touch && url.pathname === '/demo/touch') {
      const n = Number(url.searchParams.get('cases') ?? '');
      if (!Number.isInteger(n) || n < 1)
        return sendJson(res, 400, feedErrorBody('bad_request', 'cases: a positive integer'));
      feed = options.touch(n);
      return sendJson(res, 200, { touched: n });
    }
    const resource = /^\/api\/v1\/([a-z-]+)$/.exec(url.pathname)?.[1];
    const known = FEED_RESOURCES.find((r) => r === resource);
    if (req.method !== 'GET' || known === undefined) {
      return sendJson(
        res,
        404,
        feedErrorBody('not_found', `没有这个数据源 (no such feed: ${url.pathname})`),
      );
    }
    switch (fault) {
      case 'outage':
        req.socket.destroy();
        return;
      case 'timeout':
        return; // never answers; the client's timeout must end the wait
      case '500':
        return sendJson(
          res,
          500,
          feedErrorBody('internal', '数据平台内部错误 (the service platform failed)'),
        );
      case '401':
        return sendJson(
          res,
          401,
          feedErrorBody('unauthorized', '未登录或会话已过期 (not signed in)'),
        );
      case 'malformed':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return;
      case 'none':
        break;
    }
    const n = (counts.get(known) ?? 0) + 1;
    counts.set(known, n);
    const intercepted = options.intercept?.({ resource: known, params: url.searchParams, n });
    if (intercepted) {
      res.writeHead(intercepted.status, {
        'content-type': 'application/json; charset=utf-8',
        ...intercepted.headers,
      });
      res.end(intercepted.body);
      return;
    }
    if ('answerText' in feed) {
      const answer = feed.answerText(known, url.searchParams);
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(answer.body);
      return;
    }
    const answer = feed.answer(known, url.searchParams);
    sendJson(res, answer.status, answer.body);
  };
  const server = createServer(handle);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://${host}:${port}/api/v1`,
    port,
    server,
    counts,
    setFault: (f) => {
      fault = f;
    },
    setFeed: (f) => {
      feed = f;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
