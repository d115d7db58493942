/**
 * The real service for service tests: `startServer` on a temp DuckDB file and port 0, no feed,
 * with a small demo city stored as raw records (the same upsert the sync uses) and evaluated.
 * Plus a tiny HTTP client that keeps one session cookie and sends a same-origin Origin header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCity } from '../../mocks/demo-city';
import { parseAsOfOption } from '../../scripts/cli/common';
import type { AccountOptions } from '../../server/auth/options';
import { addUser } from '../../server/auth/users';
import { startServer, type RunningServer } from '../../server/main';
import { CITY_SOURCE, upsertRecords } from '../../server/sync/sync';
import { SYNC_RESOURCES } from '../../server/sync/resources';
import type { Role } from '../../server/http/viewer';

export const AS_OF = '2026-09-30';

/** One account per role; two liaisons: a 市直部门 and a 区县 (whose 街道 it also sees). */
export const ACCOUNTS: readonly { name: string; role: Role; departmentId: string | null }[] = [
  { name: 't-admin', role: 'admin', departmentId: null },
  { name: 't-supervisor', role: 'supervisor', departmentId: null },
  { name: 't-leader', role: 'leader', departmentId: null },
  { name: 't-liaison', role: 'liaison', departmentId: 'D10' },
  { name: 't-county', role: 'liaison', departmentId: 'X07' },
];
export const PASSWORD = 'correct-horse-battery';

export interface TestServer extends RunningServer {
  /** Mutable clock the account rules read (idle timeout, lockout). */
  clock: { now: number };
  cleanup(): Promise<void>;
}

export async function startTestServer(accounts: Partial<AccountOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'xn-service-'));
  const clock = { now: Date.now() };
  const server = await startServer({
    dbPath: join(dir, 'test.duckdb'),
    port: 0,
    feedUrl: null,
    asOfMs: parseAsOfOption(AS_OF),
    syncMinutes: 0,
    accounts: {
      signInRateLimit: { max: 10_000, windowMs: 60_000 },
      now: () => clock.now,
      ...accounts,
    },
  });
  const city = generateDemoCity({ seed: 1, cases: 8000, asOf: AS_OF });
  const wire: Record<string, readonly unknown[]> = {
    departments: city.departments,
    items: city.items,
    cases: city.cases,
    'case-events': city.caseEvents,
    evaluations: city.evaluations,
    tasks: city.tasks,
  };
  await server.db.transaction(async (tx) => {
    for (const spec of SYNC_RESOURCES) {
      const accepted = [];
      for (const raw of wire[spec.resource] ?? []) {
        const o = spec.parse(raw);
        if (!o.ok) throw new Error(`demo record rejected: ${o.reason}`);
        accepted.push({
          id: o.value.id,
          updatedAt: o.value.updatedAt,
          body: JSON.stringify(raw),
          record: o.value,
        });
      }
      await upsertRecords(tx, CITY_SOURCE, spec.resource, accepted);
    }
  });
  // The records went straight into the store: read them back as a restart would.
  await server.service.reloadFromStore();
  for (const a of ACCOUNTS)
    await addUser(server.db, { ...a, password: PASSWORD }, 'test', clock.now);
  return {
    ...server,
    clock,
    cleanup: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: one cookie jar entry, Origin on every request. */
export class Client {
  cookie: string | null = null;
  constructor(readonly base: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = { origin: this.base, ...headers };
    if (this.cookie !== null) h['cookie'] = this.cookie;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = res.headers.get('set-cookie');
    if (set !== null) {
      const pair = set.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  async signIn(name: string, password = PASSWORD): Promise<Response> {
    return this.request('POST', '/api/v1/session', { name, password });
  }
}

export async function signedIn(base: string, name: string): Promise<Client> {
  const c = new Client(base);
  const res = await c.signIn(name);
  if (res.status !== 204) throw new Error(`sign-in of ${name} failed: ${res.status}`);
  return c;
}
