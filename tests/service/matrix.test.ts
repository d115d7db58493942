/**
 * The role × route matrix, generated from the route table: every route is called without a
 * session and as each role, and must answer as its record says (401 / 403 / allowed). The rule
 * table below must name every route, so a new route cannot land without someone deciding who
 * may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/http/routes';
import type { ApiRoute } from '../../server/http/route';
import { ROLES, type Role } from '../../server/http/viewer';
import { ACCOUNTS, Client, signedIn, startTestServer, type TestServer } from './harness';

const ALL = 'admin supervisor leader liaison';
const STAFF = 'admin supervisor leader';
/** `METHOD url` → the roles allowed, or `public`. Review this when adding a route. */
const RULES: Record<string, string> = {
  'POST /api/v1/session': 'public',
  'DELETE /api/v1/session': 'public',
  'GET /api/v1/health': 'public',
  'GET /api/v1/me': ALL,
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'POST /api/v1/users/:name/disable': 'admin',
  'GET /api/v1/audit': 'admin',
  'GET /api/v1/audit/export.csv': 'admin',
  'GET /api/v1/sync-status': ALL,
  'GET /api/v1/events': ALL,
  'GET /api/v1/overview': ALL,
  'GET /api/v1/departments': ALL,
  'GET /api/v1/cases/:id': ALL,
  'GET /api/v1/case': ALL,
  'GET /api/v1/departments/:id': ALL,
  'GET /api/v1/department': ALL,
  'GET /api/v1/items': ALL,
  'GET /api/v1/rankings/evidence': ALL,
  'GET /api/v1/slow-action': ALL,
  'GET /api/v1/tasks': ALL,
  'GET /api/v1/rankings': ALL,
  'GET /api/v1/rankings/history': ALL,
  'GET /api/v1/alerts': ALL,
  'GET /api/v1/alerts/export.csv': ALL,
  'GET /api/v1/alerts/export.xlsx': ALL,
  'GET /api/v1/rejected': STAFF,
  'GET /api/v1/rejected/export.csv': STAFF,
  'GET /api/v1/settings': ALL,
  'PUT /api/v1/settings': 'admin',
  'GET /api/v1/openapi.json': ALL,
  // 督办 (docs/duban.md): supervisors issue, decide and close; liaisons answer and appeal.
  'GET /api/v1/cards': ALL,
  'GET /api/v1/cards/:id/events': ALL,
  'POST /api/v1/notices': 'supervisor',
  'GET /api/v1/notices': ALL,
  'GET /api/v1/notices/:id': ALL,
  'GET /api/v1/notices/:id/events': ALL,
  'POST /api/v1/notices/:id/response': 'liaison',
  'POST /api/v1/notices/:id/appeal': 'liaison',
  'POST /api/v1/notices/:id/decision': 'supervisor',
  'POST /api/v1/notices/:id/close': 'supervisor',
  'POST /api/v1/notices/:id/return': 'supervisor',
  'GET /api/v1/inbox': ALL,
  // Published rankings: only a leader publishes; the editions are read city-wide.
  'POST /api/v1/rankings/:quarter/editions': 'leader',
  'GET /api/v1/rankings/:quarter/editions': ALL,
  'GET /api/v1/rankings/:quarter/editions/:n': ALL,
  // The public bulletin: the one public data route besides health (docs/security.md).
  'GET /public/api/bulletins/:quarter': 'public',
  // Imports (docs/import.md): admins and supervisors bring files in; everyone may choose a source.
  'POST /api/v1/imports': 'admin supervisor',
  'GET /api/v1/imports': 'admin supervisor',
  'GET /api/v1/imports/:id': 'admin supervisor',
  'DELETE /api/v1/imports/:id': 'admin supervisor',
  'GET /api/v1/imports/:id/rejected.csv': 'admin supervisor',
  'GET /api/v1/imports/:id/rejected': 'admin supervisor',
  'GET /api/v1/sources': ALL,
  'DELETE /api/v1/sources/:id': 'admin supervisor',
};

let server: TestServer;
let routes: ApiRoute[];
const clients = new Map<Role, Client>();

beforeAll(async () => {
  server = await startTestServer();
  routes = apiRoutes(server.service);
  for (const role of ROLES) {
    const account = ACCOUNTS.find((a) => a.role === role);
    if (account) clients.set(role, await signedIn(server.url, account.name));
  }
});
afterAll(async () => {
  await server?.cleanup();
});

/** A concrete path and a harmless body for each route (bodies that fail validation are fine). */
function call(r: ApiRoute): { path: string; body?: unknown } {
  const caseId = server.service.evaluated?.model.rows.find((x) => x.departmentId === 'D10')?.id;
  const path = r.url
    .replace(':id', encodeURIComponent(caseId ?? 'none'))
    .replace(':name', 'no-such-user')
    .replace(':quarter', '2026Q3')
    .replace(':n', '1');
  const query = r.url.includes('rankings')
    ? // Evidence is case-level: a liaison asks for their own department's (D10).
      `?quarter=2026Q3${r.url.endsWith('/evidence') ? '&dept=D10' : ''}`
    : r.url === '/api/v1/case'
      ? `?id=${encodeURIComponent(caseId ?? 'none')}`
      : r.url === '/api/v1/department'
        ? '?id=D10&period=2026Q3'
        : '';
  return r.method === 'GET' ? { path: path + query } : { path, body: { probe: true } };
}

async function statusOf(client: Client, r: ApiRoute): Promise<number> {
  const { path, body } = call(r);
  const res = await client.request(r.method, path, body);
  await res.body?.cancel(); // the event stream never ends by itself
  return res.status;
}

describe('role × route matrix', () => {
  it('the rule table names every route and matches its record', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    for (const key of keys) expect(RULES, `no rule for ${key}`).toHaveProperty([key]);
    expect(Object.keys(RULES).sort()).toEqual([...keys].sort());
    for (const r of routes) {
      const rule = RULES[`${r.method} ${r.url}`];
      expect(r.scope === 'public' ? 'public' : r.roles.join(' '), `${r.method} ${r.url}`).toBe(
        rule,
      );
    }
  });

  it('the audit log cannot be changed through the API', () => {
    const writes = routes.filter((r) => r.url.startsWith('/api/v1/audit') && r.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('without a session: 401 everywhere but the public routes', async () => {
    const anonymous = new Client(server.url);
    for (const r of routes) {
      const status = await statusOf(anonymous, r);
      if (r.scope === 'public') expect(status, `${r.method} ${r.url}`).not.toBe(401);
      else expect(status, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`as ${role}: allowed where the route says, 403 elsewhere`, async () => {
      const client = clients.get(role);
      if (client === undefined) throw new Error(`no ${role} client`);
      for (const r of routes) {
        if (r.scope === 'public') continue;
        const status = await statusOf(client, r);
        const where = `${role} ${r.method} ${r.url} → ${status}`;
        if (r.roles.includes(role)) {
          expect([401, 403], where).not.toContain(status);
          expect(status, where).toBeLessThan(500);
        } else {
          expect(status, where).toBe(403);
        }
      }
    });
  }
});
