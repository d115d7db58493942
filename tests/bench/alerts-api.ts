/**
 * The alerts list at city scale, without the 15-minute sync of `npm run bench:service`: the demo
 * city (seed 1, as of 2026-09-30) evaluated in this process with `computeDashboard`, then the
 * queries `bench:service` sends to `/api/v1/alerts`, answered over HTTP (fastify, 20 concurrent
 * autocannon clients) two ways, alternating:
 *
 * - `naive`: what the route did before issue 17's fix — filter every row, sort, slice;
 * - `index`: what it does now — `selectAlerts` through the per-model alert index
 *   (server/views/alert-index.ts).
 *
 * Both build the page with the route's own `alertItemOf`. The figures are the CPU cost of the
 * selection under load; the service adds routing, auth and schema serialisation on top.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx tests/bench/alerts-api.ts [--cases 1000000] [--runs 3] [--seconds 10]
 */
import Fastify from 'fastify';
import { createDemoCity } from '../../mocks/demo-city';
import {
  filterAlerts,
  parseAlertSort,
  sortAlerts,
  type AlertCounts,
} from '../../src/engine/alerts';
import { computeDashboard, type DashboardModel } from '../../src/engine/dashboard';
import { indexDataset, type Dataset } from '../../src/engine/dataset';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/settings';
import { parseRecords } from '../../src/feeds/result';
import { parseCase, type CaseRecord } from '../../src/feeds/schemas/case';
import { parseCaseEvent, type CaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseServiceItem } from '../../src/feeds/schemas/service-item';
import {
  alertFilterOf,
  alertItemOf,
  namesOf,
  selectAlerts,
  type AlertFilterQuery,
} from '../../server/views/alerts';
import { benchOptions, loadAverage, measureLatency } from './latency';

const { opt } = benchOptions();
const CASES = Number(opt('cases', '1000000'));
const RUNS = Number(opt('runs', '3'));
const SECONDS = Number(opt('seconds', '10'));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

function buildModel(): DashboardModel {
  const t0 = performance.now();
  const city = createDemoCity({ seed: 1, cases: CASES, asOf: '2026-09-30' });
  const cases: CaseRecord[] = [];
  const events: CaseEvent[] = [];
  for (const b of city.cases()) {
    const c = parseCase(b.case);
    if (c.ok) cases.push(c.value);
    for (const e of b.events) {
      const v = parseCaseEvent(e);
      if (v.ok) events.push(v.value);
    }
  }
  const dataset: Dataset = {
    departments: parseRecords('departments', city.departments, parseDepartment).accepted,
    items: parseRecords('items', city.items, parseServiceItem).accepted,
    cases,
    caseEvents: events,
    evaluations: [],
    tasks: [],
  };
  const model = computeDashboard(
    indexDataset(dataset),
    DEFAULT_ENGINE_SETTINGS,
    Date.parse('2026-09-30T23:59:59+08:00'),
  );
  log(`model of ${cases.length} cases built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return model;
}

interface Page {
  total: number;
  counts: AlertCounts;
  items: unknown[];
}

/** The route's body before the fix: filter + sort every row per request, then slice. */
function naivePage(model: DashboardModel, q: AlertFilterQuery, page: number, size: number): Page {
  const filtered = filterAlerts(model.rows, alertFilterOf(q));
  const names = namesOf(model);
  const rows = sortAlerts(filtered, parseAlertSort(q.sort ?? null), names);
  const start = (page - 1) * size;
  const { total, red, yellow, earlyWarning } = { total: rows.length, ...countsOf(filtered) };
  return {
    total,
    counts: { total, red, yellow, earlyWarning },
    items: rows.slice(start, start + size).map((r) => alertItemOf(r, names)),
  };
}

function countsOf(rows: ReturnType<typeof filterAlerts>): Omit<AlertCounts, 'total'> {
  let red = 0;
  let yellow = 0;
  let earlyWarning = 0;
  for (const r of rows) {
    if (r.level === 'red') red++;
    else if (r.level === 'yellow') yellow++;
    else earlyWarning++;
  }
  return { red, yellow, earlyWarning };
}

function indexPage(model: DashboardModel, q: AlertFilterQuery, page: number, size: number): Page {
  const names = namesOf(model);
  const { rows, counts } = selectAlerts(model, q, (page - 1) * size, size);
  return { total: counts.total, counts, items: rows.map((r) => alertItemOf(r, names)) };
}

const fix = (x: number): string => x.toFixed(1);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const model = buildModel();
  const dept = model.departments[0]?.id ?? '';
  const queries: Record<string, string> = {
    alerts_first_page: 'page=1&pageSize=50',
    alerts_filtered_sorted:
      'level=red,yellow&channel=%E7%BD%91%E4%B8%8A&sort=-elapsed&page=2&pageSize=50',
    department: `dept=${encodeURIComponent(dept)}&page=1&pageSize=50`,
  };
  const app = Fastify();
  for (const [impl, fn] of [
    ['naive', naivePage],
    ['index', indexPage],
  ] as const) {
    app.get(`/${impl}`, (req) => {
      const q = req.query as AlertFilterQuery & { page?: string; pageSize?: string };
      return fn(model, q, Number(q.page ?? 1), Number(q.pageSize ?? 50));
    });
  }
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const alerts = filterAlerts(model.rows, alertFilterOf({})).length;
  log(`${model.rows.length} rows, ${alerts} open alerts; serving on ${url}`);
  const results: Record<
    string,
    { p50: number[]; p95: number[]; p99: number[]; rps: number[]; first: number[] }
  > = {};
  for (let run = 0; run < RUNS; run++) {
    for (const impl of run % 2 === 0 ? ['naive', 'index'] : ['index', 'naive']) {
      for (const [name, query] of Object.entries(queries)) {
        const key = `${impl}:${name}`;
        const r = (results[key] ??= { p50: [], p95: [], p99: [], rps: [], first: [] });
        const l = await measureLatency(`${url}/${impl}?${query}`, SECONDS);
        if (l.firstStatus !== 200) throw new Error(`${impl}?${query}: HTTP ${l.firstStatus}`);
        r.first.push(l.first);
        r.p50.push(l.p50);
        r.p95.push(l.p95);
        r.p99.push(l.p99);
        r.rps.push(l.rps);
        log(
          `run ${run + 1} ${key}: first ${l.first.toFixed(0)} ms, p50 ${l.p50.toFixed(1)}, p95 ${l.p95.toFixed(1)}, p99 ${l.p99.toFixed(1)} ms, ${l.rps.toFixed(0)} req/s (load ${loadAverage()})`,
        );
      }
    }
  }
  await app.close();
  const figures: Record<string, number> = {};
  for (const [key, r] of Object.entries(results)) {
    const tag = key.replace(':', '_');
    figures[`${tag}_first_ms`] = Math.round(median(r.first));
    figures[`${tag}_p50_ms`] = Math.round(median(r.p50) * 10) / 10;
    figures[`${tag}_p95_ms`] = Math.round(median(r.p95) * 10) / 10;
    figures[`${tag}_p99_ms`] = Math.round(median(r.p99) * 10) / 10;
    figures[`${tag}_rps`] = Math.round(median(r.rps));
    log(
      `${key}: first ${figures[`${tag}_first_ms`]} ms; p50 ${fix(median(r.p50))} [${fix(Math.min(...r.p50))}–${fix(Math.max(...r.p50))}], p95 ${fix(median(r.p95))} [${fix(Math.min(...r.p95))}–${fix(Math.max(...r.p95))}], p99 ${fix(median(r.p99))}, ${figures[`${tag}_rps`]} req/s`,
    );
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
