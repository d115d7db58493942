/**
 * msw handlers of the SERVICE API (`/api/v1/...`), answering from the demo city with the same pure
 * engine functions the service's routes call. Every answer goes through its contract schema's
 * `parse` first: a handler whose answer does not satisfy its schema throws, and the test fails.
 * Relative paths match on any origin (`*\/api/v1/...`).
 */
import { cardsResponse, inboxResponse, noticesResponse } from '../../src/contract/duban';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { z } from 'zod';
import { alertsQuery, alertsResponse } from '../../src/contract/alerts';
import { periodParam, quarterParam } from '../../src/contract/api-common';
import { apiErrorSchema, type ApiErrorCode } from '../../src/contract/api-error';
import { auditResponse } from '../../src/contract/auth';
import { caseResponse } from '../../src/contract/case';
import {
  departmentsResponse,
  departmentViewResponse,
  itemsResponse,
} from '../../src/contract/department';
import { overviewResponse } from '../../src/contract/overview';
import { quarterRanking, rankHistory, rankingEvidence } from '../../src/contract/rankings';
import {
  meResponse,
  rejectedResponse,
  settingsResponse,
  settingsSaved,
  syncStatusResponse,
  type MeResponse,
  type SyncStatusResponse,
} from '../../src/contract/service';
import { slowActionResponse } from '../../src/contract/slow-action';
import { sourcesResponse } from '../../src/contract/imports';
import { tasksResponse } from '../../src/contract/tasks';
import { periodRange } from '../../src/domain/period/period';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import { casePage } from '../../src/engine/case-page';
import { departmentPage } from '../../src/engine/department-page';
import { overviewFigures } from '../../src/engine/overview';
import { rankHistory as engineRankHistory, rankQuarter } from '../../src/engine/ranking';
import { rankingEvidence as engineRankingEvidence } from '../../src/engine/ranking-evidence';
import { calendarFor, checkEngineSettings, type EngineSettings } from '../../src/engine/settings';
import { slowActionFlagRows } from '../../src/engine/slow-action-view';
import { evaluateTasks } from '../../src/engine/tasks';
import { alertItemOf, namesOf, selectAlerts } from '../../server/views/alerts';
import type { DemoDataset } from '../demo-city';
import { evaluateDemo, type DemoEvaluation } from './demo-model';
import { editionHandlers } from './editions';

/** The API base the handlers answer under. */
export const MOCK_API_BASE = '/api/v1';

/** The msw path of an API path: `*\/api/v1/overview`. */
export const apiPath = (path: string): string => `*${MOCK_API_BASE}${path}`;

/** A JSON answer, parsed with its schema first (a handler that breaks its contract throws). */
export function answer<S extends z.ZodType>(schema: S, value: z.input<S>, status = 200) {
  return new HttpResponse(JSON.stringify(schema.parse(value)), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The contract's error body. */
export function apiError(status: number, code: ApiErrorCode, message: string = code) {
  return HttpResponse.json(apiErrorSchema.parse({ error: { code, message } }), { status });
}

export interface ServiceMockOptions {
  demo: DemoDataset;
  /** The signed-in user (`/me`); null = not signed in (every view answers 401). */
  me?: MeResponse | null;
  /**
   * Imported datasets `/sources` lists (`import:<id>`). A view asked for one answers the demo
   * city's figures with that source in `meta` (tasks: none); any other source is a 404.
   */
  imports?: { id: string; label: string; memoryRefusal?: string }[];
}

/** Mutable state of the mock service (tests flip the sync status, evaluate again, …). */
export interface ServiceMock {
  handlers: HttpHandler[];
  current(): DemoEvaluation;
  /** Saves settings as an administrator would (a new version; everything re-evaluated). */
  setSettings(settings: EngineSettings): void;
  /** Back to the default settings (version 1), when others were set. */
  reset(): void;
  syncStatus: SyncStatusResponse;
}

function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

const DEMO_AUDIT = [
  {
    id: 2,
    at: '2026-09-30T10:05:00+08:00',
    userName: 'supervisor',
    role: 'supervisor',
    address: '127.0.0.1',
    action: 'supervision-action' as const,
    detail: { route: '/api/v1/notices', noticeId: null },
  },
  {
    id: 1,
    at: '2026-09-30T09:00:00+08:00',
    userName: 'admin',
    role: 'admin',
    address: '127.0.0.1',
    action: 'sign-in' as const,
    detail: {},
  },
];

export function createServiceMock(options: ServiceMockOptions): ServiceMock {
  let evaluated = evaluateDemo(options.demo);
  const me = options.me === undefined ? defaultMe : options.me;
  const imports = options.imports ?? [];
  const mock: ServiceMock = {
    handlers: [],
    current: () => evaluated,
    setSettings: (settings) => {
      evaluated = evaluateDemo(options.demo, settings, evaluated.settingsVersion + 1);
    },
    reset: () => {
      if (evaluated.settingsVersion !== 1) evaluated = evaluateDemo(options.demo);
    },
    syncStatus: {
      state: 'idle',
      lastSuccessAt: evaluated.syncedAt,
      failure: null,
      progress: {},
      cases: evaluated.model.rows.length,
      evaluatedAt: evaluated.syncedAt,
      asOf: formatShanghaiIso(evaluated.asOfMs),
    },
  };
  const sourceOf = (request: Request): string => queryObject(request)['source'] ?? 'city';
  /** The answer's meta names the source asked for, as the service's does. */
  const meta = (request: Request) => ({
    asOf: formatShanghaiIso(evaluated.asOfMs),
    settingsVersion: evaluated.settingsVersion,
    source: sourceOf(request),
  });
  const rankingOptions = () => ({
    asOfMs: evaluated.asOfMs,
    settings: evaluated.settings.ranking,
    slowActionThresholds: evaluated.settings.slowAction,
    calendar: calendarFor(evaluated.settings),
  });
  /** A view handler: 401 without a session, 400 on a bad query, else the schema-checked answer. */
  const view = <S extends z.ZodType>(
    path: string,
    schema: S,
    compute: (request: Request, params: Record<string, string>) => z.input<S> | Response,
  ) =>
    http.get(apiPath(path), ({ request, params }) => {
      if (me === null) return apiError(401, 'unauthorized');
      const named: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string') named[k] = v;
      const source = sourceOf(request);
      if (source !== 'city' && !imports.some((i) => i.id === source)) {
        return apiError(404, 'not_found', `数据源 ${source}`);
      }
      // The service's memory guard refused this dataset: every read of it says why.
      const refusal = imports.find((i) => i.id === source)?.memoryRefusal;
      if (refusal !== undefined) return apiError(507, 'insufficient_memory', refusal);
      const result = compute(request, named);
      return result instanceof Response ? result : answer(schema, result);
    });

  /** One department's page, as the service answers a city-wide viewer. */
  const departmentAnswer = (
    request: Request,
    id: string,
  ): z.input<typeof departmentViewResponse> | Response => {
    const period = periodParam.safeParse(queryObject(request)['period'] ?? '');
    if (!period.success) return apiError(400, 'bad_request');
    const page = departmentPage(evaluated.model, id, period.data);
    return page === null ? apiError(404, 'not_found') : { ...page, meta: meta(request) };
  };
  /** One case's page. */
  const caseAnswer = (request: Request, id: string) => {
    const page = casePage(
      {
        model: evaluated.model,
        dataset: evaluated.dataset,
        asOfMs: evaluated.asOfMs,
        calendar: calendarFor(evaluated.settings),
      },
      id,
    );
    return page === null ? apiError(404, 'not_found') : { ...page, meta: meta(request) };
  };

  mock.handlers = [
    http.get(apiPath('/health'), () =>
      HttpResponse.json({
        status: 'ok',
        lastSyncAt: mock.syncStatus.lastSuccessAt,
        cases: evaluated.model.rows.length,
      }),
    ),
    view('/me', meResponse, () => me ?? defaultMe),
    view('/sync-status', syncStatusResponse, () => mock.syncStatus),
    view('/overview', overviewResponse, (request) => {
      const period = periodParam.safeParse(queryObject(request)['period'] ?? '');
      if (!period.success) return apiError(400, 'bad_request');
      return {
        ...overviewFigures(evaluated.model, periodRange(period.data)),
        meta: meta(request),
      };
    }),
    view('/alerts', alertsResponse, (request) => {
      const q = alertsQuery.safeParse(queryObject(request));
      if (!q.success) return apiError(400, 'bad_request');
      const model = evaluated.model;
      const { rows, counts } = selectAlerts(model, q.data);
      const names = namesOf(model);
      const start = (q.data.page - 1) * q.data.pageSize;
      return {
        total: rows.length,
        page: q.data.page,
        pageSize: q.data.pageSize,
        counts: { red: counts.red, yellow: counts.yellow, 'early-warning': counts.earlyWarning },
        items: rows.slice(start, start + q.data.pageSize).map((r) => alertItemOf(r, names)),
        meta: meta(request),
      };
    }),
    view('/departments', departmentsResponse, (request) => ({
      items: evaluated.model.departments,
      meta: meta(request),
    })),
    view('/items', itemsResponse, (request) => ({
      items: evaluated.model.items,
      meta: meta(request),
    })),
    view('/departments/:id', departmentViewResponse, (request, params) =>
      departmentAnswer(request, params['id'] ?? ''),
    ),
    // The query-string forms the SPA uses (any id, even `..`), as the service answers them.
    view('/department', departmentViewResponse, (request) =>
      departmentAnswer(request, queryObject(request)['id'] ?? ''),
    ),
    view('/case', caseResponse, (request) => caseAnswer(request, queryObject(request)['id'] ?? '')),
    view('/cases/:id', caseResponse, (request, params) => caseAnswer(request, params['id'] ?? '')),
    view('/slow-action', slowActionResponse, (request) => {
      const period = periodParam.safeParse(queryObject(request)['period'] ?? '');
      if (!period.success) return apiError(400, 'bad_request');
      return { items: slowActionFlagRows(evaluated.model, period.data), meta: meta(request) };
    }),
    view('/tasks', tasksResponse, (request) =>
      // An imported case file holds no 督查事项 (the service answers the same).
      sourceOf(request) === 'city'
        ? {
            items: evaluateTasks(evaluated.dataset.tasks, evaluated.model.asOfDay),
            hasTasks: evaluated.dataset.tasks.length > 0,
            meta: meta(request),
          }
        : { items: [], hasTasks: false, meta: meta(request) },
    ),
    view('/sources', sourcesResponse, () => ({
      items: [
        {
          id: 'city',
          kind: 'feed' as const,
          label: '城市接口',
          cases: evaluated.model.rows.length,
          hasTasks: evaluated.dataset.tasks.length > 0,
          importedAt: null,
          importedBy: null,
          rows: null,
          rejected: null,
          contentHash: null,
          memoryRefusal: null,
        },
        ...imports.map((i) => ({
          id: i.id,
          kind: 'import' as const,
          label: i.label,
          cases: evaluated.model.rows.length,
          hasTasks: false,
          importedAt: formatShanghaiIso(evaluated.asOfMs),
          importedBy: 't-admin',
          rows: evaluated.model.rows.length,
          rejected: 0,
          contentHash: '0'.repeat(64),
          memoryRefusal: i.memoryRefusal ?? null,
        })),
      ],
    })),
    view('/rankings', quarterRanking, (request) => {
      const quarter = quarterParam.safeParse(queryObject(request)['quarter'] ?? '');
      if (!quarter.success) return apiError(400, 'bad_request');
      return {
        ...rankQuarter(evaluated.dataset, quarter.data, rankingOptions()),
        meta: meta(request),
      };
    }),
    view('/rankings/history', rankHistory, (request) => {
      const q = queryObject(request);
      const quarter = quarterParam.safeParse(q['quarter'] ?? '');
      if (!quarter.success) return apiError(400, 'bad_request');
      const n = Number(q['n'] ?? 6);
      return {
        ...engineRankHistory(evaluated.dataset, quarter.data, n, rankingOptions()),
        meta: meta(request),
      };
    }),
    view('/rankings/evidence', rankingEvidence, (request) => {
      const q = queryObject(request);
      const quarter = quarterParam.safeParse(q['quarter'] ?? '');
      if (!quarter.success) return apiError(400, 'bad_request');
      return {
        ...engineRankingEvidence(
          evaluated.dataset,
          quarter.data,
          q['dept'] ?? null,
          rankingOptions(),
        ),
        meta: meta(request),
      };
    }),
    view('/settings', settingsResponse, () => ({
      version: evaluated.settingsVersion,
      settings: { ...evaluated.settings },
      changedBy: null,
      changedAt: null,
    })),
    http.put(apiPath('/settings'), async ({ request }) => {
      if (me === null) return apiError(401, 'unauthorized');
      if (me.role !== 'admin') return apiError(403, 'forbidden');
      const checked = checkEngineSettings(await request.json());
      if (!checked.ok) return apiError(400, 'bad_request', checked.reasons.join('; '));
      evaluated = evaluateDemo(options.demo, checked.value, evaluated.settingsVersion + 1);
      return answer(settingsSaved, { version: evaluated.settingsVersion });
    }),
    view('/rejected', rejectedResponse, () => ({ total: 0, items: [] })),
    // Two entries of the audit log, filtered by action and user as the service filters them.
    view('/audit', auditResponse, (request) => {
      if (me?.role !== 'admin') return apiError(403, 'forbidden');
      const q = queryObject(request);
      const items = DEMO_AUDIT.filter(
        (a) =>
          (q['action'] === undefined || a.action === q['action']) &&
          (q['user'] === undefined || a.userName === q['user']),
      );
      return { total: items.length, page: 1, pageSize: 50, items };
    }),
    ...editionHandlers(
      apiPath,
      () => me,
      (quarter) => {
        const q = quarterParam.parse(quarter);
        return rankQuarter(evaluated.dataset, q, rankingOptions());
      },
    ),
    // The static demo keeps no 督办 record: no cards, notices or inbox items (the service does).
    view('/cards', cardsResponse, () => ({ total: 0, items: [] })),
    view('/notices', noticesResponse, () => ({ total: 0, items: [] })),
    view('/inbox', inboxResponse, () => ({
      counts: { answer: 0, decide: 0, review: 0, overdue: 0 },
      items: [],
    })),
  ];
  return mock;
}

const defaultMe: MeResponse = { name: '测试管理员', role: 'admin', departmentId: null };
