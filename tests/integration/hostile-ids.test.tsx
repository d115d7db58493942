/**
 * Issue 18.1 in the SPA: an id from data (department, case) becomes a link, a route and an API
 * request, and must come back out of each exactly — whatever it contains.
 *
 * One property drives every link builder with generated hostile ids and follows each link the way
 * the browser and the router do: the href is parsed as a URL against the app's origin (which is
 * where `..` and `%2E%2E` segments get resolved away), its path matched against the app's real
 * route table with react-router's `matchRoutes` (which decodes segments and turns `%2F` into `/`),
 * and the param read with the page's own decoder. The API requests are captured from the real
 * fetch functions. Then the department and case pages are rendered for hostile ids through msw.
 */
import { screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { matchRoutes, createPath, type To } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemoCity, type DemoDataset } from '../../mocks/demo-city';
import { createServiceMock } from '../../mocks/service/handlers';
import { fetchCase } from '../../src/api/case';
import { fetchDepartmentView } from '../../src/api/department';
import { appRoutes } from '../../src/app/router';
import { parsePeriod } from '../../src/domain/period/period';
import { withDept } from '../../src/features/departments/links';
import { alertsTo, departmentTo } from '../../src/features/overview/links';
import { casePath, departmentPath, idFromSegment } from '../../src/state/id-links';
import { server } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

/** The cases named in the issue, plus the escapes our own encoding uses. */
const NAMED = [
  'A?1',
  'B/2',
  '..',
  '.',
  '#x',
  '%2F',
  '%2f',
  '%252F',
  '%2E%2E',
  '%',
  '空 格',
  'x'.repeat(200),
  'a&b=c',
  '~',
  '\t=1+1',
];

const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NAMED),
  // Any well-formed unicode, up to 200 characters.
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
  // Dense in the characters URLs and routers treat specially.
  fc.string({
    unit: fc.constantFrom('.', '/', '%', '2', 'F', 'E', '#', '?', '&', '=', ' ', '~', '\\', '空'),
    minLength: 1,
    maxLength: 12,
  }),
);

const ORIGIN = 'http://app.test';

/** Follows a link as the browser would (URL resolution) and returns its path and query. */
function follow(to: To): URL {
  const href = typeof to === 'string' ? to : createPath(to);
  return new URL(href, ORIGIN);
}

/** The route a path opens and its decoded id param (as the page reads it), or null. */
function routeOf(pathname: string): { path: string; id: string } | null {
  const matches = matchRoutes(appRoutes(new QueryClient()), pathname);
  const leaf = matches?.[matches.length - 1];
  if (leaf === undefined) return null;
  const raw = leaf.params['departmentId'] ?? leaf.params['caseId'];
  return raw === undefined ? null : { path: leaf.route.path ?? '', id: idFromSegment(raw) };
}

/** The URL each fetch function asks for, captured from a stubbed fetch that answers 404. */
async function requestedUrl(call: () => Promise<unknown>): Promise<URL> {
  const seen: string[] = [];
  const stub = vi.fn((input: RequestInfo | URL) => {
    seen.push(input instanceof Request ? input.url : String(input));
    return Promise.resolve(new Response('{}', { status: 404 }));
  });
  vi.stubGlobal('fetch', stub);
  try {
    await call().catch(() => undefined);
  } finally {
    vi.unstubAllGlobals();
  }
  const first = seen[0];
  if (first === undefined) throw new Error('no request was made');
  return new URL(first, ORIGIN);
}

describe('hostile ids: every link builder and API path', () => {
  it('round-trips any id through links, routes and API requests', async () => {
    const period = parsePeriod('2026Q3');
    if (period === null) throw new Error('bad period');
    await fc.assert(
      fc.asyncProperty(hostileId, async (id) => {
        // Links to a page that carries the id in its path.
        const paths: Array<[string, To]> = [
          ['departments/:departmentId', departmentPath(id)],
          ['departments/:departmentId', departmentTo('?period=2026Q3', id)],
          ['cases/:caseId', casePath(id)],
        ];
        for (const [routePath, to] of paths) {
          const url = follow(to);
          expect(routeOf(url.pathname), JSON.stringify(id)).toEqual({ path: routePath, id });
        }
        // Links that carry the id as the `dept` filter of a list page.
        for (const to of [
          alertsTo('?period=2026Q3', 'red', id),
          { pathname: '/alerts', search: withDept('?period=2026Q3', id, { level: 'red' }) },
        ]) {
          const url = follow(to);
          expect(url.pathname).toBe('/alerts');
          expect(url.searchParams.get('dept')).toBe(id);
          expect(url.searchParams.get('period')).toBe('2026Q3');
        }
        // The API requests the case and department pages make.
        const caseUrl = await requestedUrl(() => fetchCase('city', id));
        expect(caseUrl.pathname).toBe('/api/v1/case');
        expect(caseUrl.searchParams.get('id')).toBe(id);
        const deptUrl = await requestedUrl(() => fetchDepartmentView('city', id, period));
        expect(deptUrl.pathname).toBe('/api/v1/department');
        expect(deptUrl.searchParams.get('id')).toBe(id);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps plain ids readable in the URL', () => {
    expect(departmentPath('D13')).toBe('/departments/D13');
    expect(casePath('C2026-000123')).toBe('/cases/C2026-000123');
  });

  it('never throws for an id with a lone surrogate (the link opens "not found" instead)', () => {
    const url = follow(departmentPath('a\uD800b'));
    expect(routeOf(url.pathname)).toEqual({ path: 'departments/:departmentId', id: 'a\uFFFDb' });
  });
});

/** The demo city with one department and some cases renamed to hostile ids. */
function hostileCity(): { demo: DemoDataset; dept: string; cases: string[] } {
  const city = generateDemoCity({ seed: 1, cases: 400, asOf: '2026-09-30' });
  const dept = '../D/13?#%2F 空';
  const caseIds = ['..', 'B/2', 'A?1', '%2F', '#x', '空 格', 'y'.repeat(200)];
  // Open cases (they are listed on their department's page), D13's first.
  const open = city.cases
    .filter((c) => c.status === '在办')
    .sort((a, b) => Number(b.departmentId === 'D13') - Number(a.departmentId === 'D13'));
  const renamed = new Map(open.slice(0, caseIds.length).map((c, i) => [c.id, caseIds[i] ?? c.id]));
  const rename = (id: string): string => renamed.get(id) ?? id;
  const d = (id: string): string => (id === 'D13' ? dept : id);
  const demo: DemoDataset = {
    ...city,
    departments: city.departments.map((x) => ({ ...x, id: d(x.id) })),
    items: city.items.map((i) => ({ ...i, departmentId: d(i.departmentId) })),
    cases: city.cases.map((c) => ({ ...c, id: rename(c.id), departmentId: d(c.departmentId) })),
    caseEvents: city.caseEvents.map((e) => ({
      ...e,
      caseId: rename(e.caseId),
      departmentId: d(e.departmentId),
    })),
    evaluations: city.evaluations.map((e) => ({ ...e, caseId: rename(e.caseId) })),
  };
  return { demo, dept, cases: [...renamed.values()] };
}

describe('hostile ids: the pages open', { timeout: 60_000 }, () => {
  const city = hostileCity();
  afterEach(() => server.resetHandlers());

  it('opens the department page of a hostile department id, and its case links lead back', async () => {
    server.use(...createServiceMock({ demo: city.demo }).handlers);
    renderApp(`${departmentPath(city.dept)}?period=2026Q3`);
    const name = await screen.findByTestId('department-name', undefined, { timeout: 15_000 });
    const expected = city.demo.departments.find((x) => x.id === city.dept)?.name;
    expect(name).toHaveTextContent(expected ?? 'missing');
    expect(screen.getByText(city.dept)).toBeInTheDocument();
    // Every case link on the page opens that case's route with the exact id.
    const links = screen
      .getAllByRole('link')
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => href.startsWith('/cases/'));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      const route = routeOf(follow(href).pathname);
      expect(route?.path).toBe('cases/:caseId');
      expect(city.demo.cases.some((c) => c.id === route?.id)).toBe(true);
    }
  });

  it.each(['..', 'B/2', '%2F', '空 格'])('opens the case page of case id %j', async (id) => {
    expect(city.cases).toContain(id);
    server.use(...createServiceMock({ demo: city.demo }).handlers);
    renderApp(casePath(id));
    const page = await screen.findByTestId('case-page', undefined, { timeout: 15_000 });
    const titles = within(page).getAllByRole('heading', { level: 5 });
    expect(titles[0]).toHaveTextContent(id);
    // The department link on the case page leads to that department's route, exactly.
    const departmentId = city.demo.cases.find((c) => c.id === id)?.departmentId;
    const deptHref = within(screen.getByTestId('case-header'))
      .getAllByRole('link')
      .map((a) => a.getAttribute('href') ?? '')
      .find((href) => href.startsWith('/departments/'));
    expect(routeOf(follow(deptHref ?? '').pathname)).toEqual({
      path: 'departments/:departmentId',
      id: departmentId,
    });
  });
});
