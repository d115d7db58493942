/**
 * msw handlers serving a demo dataset through the FEED contract (what the city platform serves the
 * service), for tests of the demo feed server and its scenarios. The dashboard itself never reads
 * feeds: its mocks are the service API's (mocks/service/handlers.ts).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { FeedResource } from '../src/feeds/query-keys';
import type { DemoDataset } from './demo-city';
import { createFeedServer, FEED_RESOURCES, type FeedServer } from './feed-server';
import { feedErrorBody } from '../src/feeds/schemas/error-body';

/** The demo's feed base URL (runtime config `feedBaseUrl`). */
export const DEFAULT_FEED_BASE_URL = '/api/v1';

/**
 * The msw path of a resource. A relative base (`/api/v1`) matches on any origin (`*\/api/v1/…`),
 * because msw in Node has no page origin to resolve it against; an absolute base matches exactly.
 */
export function feedPath(baseUrl: string, resource: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  const path = `${base}/${resource}`;
  return path.startsWith('/') ? `*${path}` : path;
}

/** Options of {@link createFeedHandlers}. */
export interface FeedHandlerOptions {
  dataset: DemoDataset;
  /** Feed base URL, relative (`/api/v1`, the default) or absolute. */
  baseUrl?: string;
  /** Server clock reported in pages (default: the dataset's serverTime). */
  serverTime?: () => string;
}

/** Answers one request from a feed server. */
export function answerRequest(
  server: FeedServer,
  resource: FeedResource,
  request: Request,
): Response {
  const answer = server.answer(resource, new URL(request.url).searchParams);
  return HttpResponse.json(answer.body, { status: answer.status });
}

/**
 * Handlers for every resource — GET {base}/departments, /items, /cases, /case-events,
 * /evaluations, /tasks — plus a 404 with the error body for anything else under the base.
 */
export function createFeedHandlers(options: FeedHandlerOptions): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_FEED_BASE_URL;
  const server = createFeedServer(options.dataset, options.serverTime);
  return [
    ...FEED_RESOURCES.map((resource) =>
      http.get(feedPath(baseUrl, resource), ({ request }) =>
        answerRequest(server, resource, request),
      ),
    ),
    http.get(feedPath(baseUrl, '*'), ({ request }) =>
      HttpResponse.json(
        feedErrorBody(
          'not_found',
          `没有这个数据源 (no such feed: ${new URL(request.url).pathname})`,
        ),
        { status: 404 },
      ),
    ),
  ];
}
