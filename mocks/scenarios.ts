/**
 * Scenario helpers: each returns msw handlers to pass to `server.use(...)` / `worker.use(...)` so
 * that one feed misbehaves the way real networks and real city systems do — fails, hangs, refuses
 * the user, or sends records that break the contract — while the other feeds keep working.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FeedResource } from '../src/feeds/query-keys';
import { feedErrorBody } from '../src/feeds/schemas/error-body';
import { generateDemoCity, type DemoDataset } from './demo-city';
import { createFeedServer } from './feed-server';
import { DEFAULT_FEED_BASE_URL, feedPath } from './handlers';

/** Where the scenario applies. */
export interface ScenarioOptions {
  /** Feed base URL (default `/api/v1`). */
  baseUrl?: string;
}

/** Statuses a feed may fail with, and the code and message the demo server sends for each. */
const FAILURES = {
  400: ['bad_request', '请求参数错误 (bad request)'],
  404: ['not_found', '数据源不存在 (no such feed)'],
  429: ['rate_limited', '请求过于频繁，请稍后再试 (too many requests, try again later)'],
  500: ['internal', '数据平台内部错误 (the service platform failed)'],
  503: ['unavailable', '数据平台维护中，暂不可用 (the service platform is unavailable)'],
} as const;

/** Failure statuses supported by {@link feedFails}. */
export type FailureStatus = keyof typeof FAILURES;

/** The feed answers every request with an error status and the documented error body. */
export function feedFails(
  resource: FeedResource,
  status: FailureStatus = 500,
  options: ScenarioOptions = {},
): HttpHandler[] {
  const [code, message] = FAILURES[status];
  const headers: Record<string, string> =
    status === 429 || status === 503 ? { 'Retry-After': '30' } : {};
  return [
    http.get(feedPath(options.baseUrl ?? DEFAULT_FEED_BASE_URL, resource), () =>
      HttpResponse.json(feedErrorBody(code, message), { status, headers }),
    ),
  ];
}

/** The feed never answers (the client's timeout or abort must end the wait). */
export function feedTimesOut(resource: FeedResource, options: ScenarioOptions = {}): HttpHandler[] {
  return [
    http.get(feedPath(options.baseUrl ?? DEFAULT_FEED_BASE_URL, resource), async () => {
      await delay('infinite');
      return HttpResponse.json(feedErrorBody('unavailable', 'never sent'), { status: 503 });
    }),
  ];
}

/** The feed refuses the user: 401 (not logged in / session expired) or 403 (no access). */
export function feedUnauthorized(
  resource: FeedResource,
  status: 401 | 403 = 401,
  options: ScenarioOptions = {},
): HttpHandler[] {
  const body =
    status === 401
      ? feedErrorBody(
          'unauthorized',
          '登录已过期，请重新登录 (not logged in or the session expired)',
        )
      : feedErrorBody('forbidden', '无权访问该数据 (you have no access to this feed)');
  return [
    http.get(feedPath(options.baseUrl ?? DEFAULT_FEED_BASE_URL, resource), () =>
      HttpResponse.json(body, { status }),
    ),
  ];
}

/** The page envelope itself is broken (not `{items, nextCursor, serverTime}`): the whole page fails. */
export function feedBrokenEnvelope(
  resource: FeedResource,
  options: ScenarioOptions = {},
): HttpHandler[] {
  return [
    http.get(feedPath(options.baseUrl ?? DEFAULT_FEED_BASE_URL, resource), () =>
      HttpResponse.json({ data: 'maintenance', rows: null }, { status: 200 }),
    ),
  ];
}

/** Options of {@link feedMalformed}. */
export interface MalformedOptions extends ScenarioOptions {
  /** How many records of the first page break the contract (each in a different way). */
  badRecords: number;
  /** The data served around the bad records (default: a small demo city, seed 1, 2026-09-30). */
  dataset?: DemoDataset;
}

type Mutator = (record: Record<string, unknown>) => unknown;

/** Ways a record can break the contract, per resource; the last ones apply to every resource. */
const RESOURCE_MUTATORS: Readonly<Record<FeedResource, readonly Mutator[]>> = {
  departments: [(r) => ({ ...r, kind: '国有企业' })],
  items: [(r) => ({ ...r, committedLimitDays: Number(r['statutoryLimitDays']) + 5 })],
  cases: [
    (r) => ({ ...r, channel: '传真' }),
    (r) => ({ ...r, committedLimitDays: -3 }),
    (r) => ({ ...r, acceptedAt: '2026-02-30T09:00:00+08:00' }),
  ],
  'case-events': [(r) => ({ ...r, leftAt: '2001-01-01T00:00:00+08:00' })],
  evaluations: [(r) => ({ ...r, level: 7 })],
  tasks: [(r) => ({ ...r, source: '微信群转办' })],
};

const COMMON_MUTATORS: readonly Mutator[] = [
  (r) => ({ ...r, updatedAt: '昨天下午' }),
  (r) => {
    const copy = { ...r };
    // The first field of each entity is its key (id or code): drop the one after it instead.
    const keys = Object.keys(copy);
    const victim = keys[1];
    if (victim !== undefined) delete copy[victim];
    return copy;
  },
  () => null,
  () => '这不是一条记录',
];

let defaultDataset: DemoDataset | null = null;

function smallDemoCity(): DemoDataset {
  defaultDataset ??= generateDemoCity({ seed: 1, cases: 300, asOf: '2026-09-30' });
  return defaultDataset;
}

/**
 * The feed works (pagination, filters) but `badRecords` records on its first page break the
 * contract, each in a different way (an unknown enum value, an impossible date, a missing field,
 * a record that is not an object …). The boundary must still deliver every good record and
 * report each bad one with a reason.
 */
export function feedMalformed(resource: FeedResource, options: MalformedOptions): HttpHandler[] {
  const server = createFeedServer(options.dataset ?? smallDemoCity());
  const mutators = [...RESOURCE_MUTATORS[resource], ...COMMON_MUTATORS];
  return [
    http.get(feedPath(options.baseUrl ?? DEFAULT_FEED_BASE_URL, resource), ({ request }) => {
      const params = new URL(request.url).searchParams;
      const answer = server.answer(resource, params);
      if (answer.status !== 200 || (params.get('cursor') ?? '') !== '') {
        return HttpResponse.json(answer.body, { status: answer.status });
      }
      const items = [...answer.body.items];
      const n = Math.min(options.badRecords, items.length);
      for (let k = 0; k < n; k++) {
        // Spread the bad records over the page so good ones sit on both sides of each.
        const position = Math.floor(((k + 0.5) * items.length) / n);
        const mutate = mutators[k % mutators.length] as Mutator;
        items[position] = mutate({ ...(items[position] as Record<string, unknown>) });
      }
      return HttpResponse.json({ ...answer.body, items }, { status: 200 });
    }),
  ];
}
