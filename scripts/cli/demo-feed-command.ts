/**
 * `demo-feed`: the demo city served over real HTTP per docs/feed-contract.md — the stand-in for the
 * city's platform. With the same seed, size and as-of it serves exactly the records `demo-data`
 * writes. `--fault` (or `GET /demo/fault?mode=…` at run time) makes it fail the way a real
 * platform does, so anyone can see how the dashboard behaves when the platform is down.
 */
import { createServer, type ServerResponse } from 'node:http';
import { generateDemoCity } from '../../mocks/demo-city';
import { shanghaiToday } from '../../mocks/demo-city';
import { createFeedServer, FEED_RESOURCES } from '../../mocks/feed-server';
import type { FeedResource } from '../../src/feeds/query-keys';
import { feedErrorBody } from '../../src/feeds/schemas/error-body';
import { CliUsageError, parseOptions, type CliCommand } from './common';

export const FAULTS = ['none', 'outage', 'timeout', '500', 'malformed', '401'] as const;
export type Fault = (typeof FAULTS)[number];

const USAGE = `demo-feed --port P [--cases N] [--seed S] [--as-of YYYY-MM-DD] [--fault ${FAULTS.join('|')}] [--host H]
  演示城市数据接口（真实 HTTP，按 docs/feed-contract.md）；基地址 http://HOST:P/api/v1
  the demo city over HTTP (base URL http://HOST:P/api/v1); --fault makes every request fail that way;
  GET /demo/fault?mode=… switches the fault while running (loopback demo only)`;

function intOption(
  opts: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = opts.get(name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliUsageError(`--${name} 应为 ${min}–${max} 的整数 (got '${text}')`);
  return n;
}

function isFault(s: string): s is Fault {
  return (FAULTS as readonly string[]).includes(s);
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

async function run(args: string[]): Promise<number> {
  const opts = parseOptions(args, ['port', 'cases', 'seed', 'as-of', 'fault', 'host']);
  const port = intOption(opts, 'port', 0, 0, 65535);
  const cases = intOption(opts, 'cases', 50_000, 0, 50_000_000);
  const seed = intOption(opts, 'seed', 1, 0, 2 ** 31 - 1);
  const asOf = opts.get('as-of') ?? shanghaiToday(Date.now());
  const faultText = opts.get('fault') ?? 'none';
  if (!isFault(faultText))
    throw new CliUsageError(`--fault 应为 ${FAULTS.join('|')} (got '${faultText}')`);
  let fault: Fault = faultText;
  const host = opts.get('host') ?? '127.0.0.1';

  const started = performance.now();
  const dataset = generateDemoCity({ seed, cases, asOf });
  const feed = createFeedServer(dataset);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/demo/fault') {
      const mode = url.searchParams.get('mode') ?? '';
      if (!isFault(mode))
        return sendJson(res, 400, feedErrorBody('bad_request', `mode 应为 ${FAULTS.join('|')}`));
      fault = mode;
      process.stderr.write(`demo-feed: fault = ${fault}\n`);
      return sendJson(res, 200, { fault });
    }
    const m = /^\/api\/v1\/([a-z-]+)$/.exec(url.pathname);
    const resource = m?.[1];
    if (
      req.method !== 'GET' ||
      resource === undefined ||
      !(FEED_RESOURCES as readonly string[]).includes(resource)
    ) {
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
        return; // never answers
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
    const answer = feed.answer(resource as FeedResource, url.searchParams);
    sendJson(
      res,
      answer.status,
      answer.body,
      answer.status === 429 || answer.status === 503 ? { 'retry-after': '1' } : {},
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  process.stderr.write(
    `demo-feed: ${cases} 件办件 (seed ${seed}, as-of ${asOf}) 生成用时 ${Math.round(performance.now() - started)} ms\n`,
  );
  // The one line on stdout: where the feed is (scripts read it to find a random port).
  process.stdout.write(
    `${JSON.stringify({ url: `http://${host}:${actual}/api/v1`, port: actual, cases, seed, asOf })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

export const demoFeedCommand: CliCommand = {
  summary: '演示城市数据接口（真实 HTTP）(the demo city served over HTTP)',
  usage: USAGE,
  run,
};
