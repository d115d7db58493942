/**
 * Published rankings (issue 16 item 2–3): a leader publishes a quarter as an immutable edition;
 * a second publish is edition 2 and leaves edition 1 byte for byte; the diff between editions and
 * `liveDiffers` after a settings change; the audit row; the public bulletin without a cookie and
 * without case ids or names of people.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../mocks/demo-city';
import { apiRoutes } from '../../server/http/routes';
import { editionBody } from '../../server/rankings/editions';
import { CITY_SOURCE } from '../../server/sync/sync';
import { AS_OF, Client, signedIn, startTestServer, type TestServer } from './harness';

let server: TestServer;
let leader: Client;
let admin: Client;
/** Set when the last test has closed the server to read its file with the CLI. */
let closed = false;

beforeAll(async () => {
  server = await startTestServer();
  leader = await signedIn(server.url, 't-leader');
  admin = await signedIn(server.url, 't-admin');
}, 120_000);
afterAll(async () => {
  if (closed) rmSync(dirname(server.db.path), { recursive: true, force: true });
  else await server?.cleanup();
});

const PUBLISH = '/api/v1/rankings/2026Q3/editions';

interface Edition {
  edition: number;
  documentNumber: string;
  publishedBy: string;
  settingsVersion: number;
  bulletin: { city: string; office: string; documentPrefix: string };
  ranking: { quarter: string; departments: { departmentId: string; score: number | null }[] };
  diff: null | {
    against: number;
    settingsVersion: { from: number; to: number };
    departments: {
      departmentId: string;
      score: { from: number | null; to: number | null };
      rank: { from: number | null; to: number | null };
      groupRank: { from: number | null; to: number | null };
    }[];
    unchanged: number;
  };
  liveDiffers: boolean;
  liveDiff: { departments: unknown[] };
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe('publishing a quarter', () => {
  let first: Edition;
  let firstBody: string;

  it('only a leader publishes: 401 without a session, 403 for the other roles', async () => {
    expect((await new Client(server.url).request('POST', PUBLISH)).status).toBe(401);
    for (const name of ['t-admin', 't-supervisor', 't-liaison']) {
      const c = await signedIn(server.url, name);
      expect((await c.request('POST', PUBLISH)).status, name).toBe(403);
    }
    expect(
      await json<{ items: unknown[] }>(await leader.get(PUBLISH)).then((b) => b.items),
    ).toEqual([]);
  });

  it('refuses a quarter that has not ended (409 with the reason)', async () => {
    const res = await leader.request('POST', '/api/v1/rankings/2026Q4/editions');
    expect(res.status).toBe(409);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toContain('尚未结束');
  });

  it('a leader publishes edition 1: 201 {edition, publishedAt, publishedBy}', async () => {
    const res = await leader.request('POST', PUBLISH);
    expect(res.status).toBe(201);
    const out = await json<{ edition: number; publishedAt: string; publishedBy: string }>(res);
    expect(out).toMatchObject({ edition: 1, publishedBy: 't-leader' });
    expect(Number.isNaN(Date.parse(out.publishedAt))).toBe(false);

    first = await json<Edition>(await leader.get(`${PUBLISH}/1`));
    expect(first.edition).toBe(1);
    expect(first.documentNumber).toBe('督通〔2026〕1号');
    expect(first.bulletin.office).toBe('演示市人民政府效能督查室');
    expect(first.settingsVersion).toBe(0);
    expect(first.diff).toBeNull();
    expect(first.liveDiffers).toBe(false);
    expect(first.liveDiff.departments).toEqual([]);
    // The stored ranking is the live ranking at that moment, evidence counts and the 督办 record
    // included (the live answer's meta names its source; an edition is the city's by definition).
    const { meta, ...live } = await json<Record<string, unknown>>(
      await leader.get('/api/v1/rankings?quarter=2026Q3'),
    );
    expect(meta).toMatchObject({ source: 'city' });
    expect(first.ranking).toEqual(live);
    const body = await editionBody(server.db, CITY_SOURCE, '2026Q3', 1);
    expect(body).not.toBeNull();
    firstBody = body as string;
  });

  it('the publish is audited', async () => {
    const res = await admin.get('/api/v1/audit?action=ranking-publish');
    const log = await json<{ items: { userName: string; detail: Record<string, unknown> }[] }>(res);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      userName: 't-leader',
      detail: { quarter: '2026Q3', edition: 1, documentNumber: '督通〔2026〕1号' },
    });
  });

  it('after a settings change the live figures differ; publishing again makes edition 2 with its diff, edition 1 unchanged byte for byte', async () => {
    const put = await admin.request('PUT', '/api/v1/settings', {
      ranking: { weights: { onTimeRate: 60, goodRate: 0 } },
      bulletin: { city: '临江市', office: '临江市人民政府效能督查室' },
    });
    expect(put.status).toBe(200);

    const stale = await json<Edition>(await leader.get(`${PUBLISH}/1`));
    expect(stale.liveDiffers).toBe(true);
    expect(stale.liveDiff.departments.length).toBeGreaterThan(0);
    const { liveDiffers: a, liveDiff: b, ...storedNow } = stale;
    const { liveDiffers: c, liveDiff: d, ...storedThen } = first;
    void [a, b, c, d];
    expect(storedNow).toEqual(storedThen);

    const res = await leader.request('POST', PUBLISH);
    expect(res.status).toBe(201);
    expect((await json<{ edition: number }>(res)).edition).toBe(2);

    expect(await editionBody(server.db, CITY_SOURCE, '2026Q3', 1)).toBe(firstBody);
    const second = await json<Edition>(await leader.get(`${PUBLISH}/2`));
    expect(second.documentNumber).toBe('督通〔2026〕2号');
    expect(second.bulletin.city).toBe('临江市');
    expect(second.settingsVersion).toBe(1);
    expect(second.liveDiffers).toBe(false);
    const diff = second.diff;
    expect(diff?.against).toBe(1);
    expect(diff?.settingsVersion).toEqual({ from: 0, to: 1 });
    expect(diff?.departments.length).toBeGreaterThan(0);
    // Each listed change matches the two stored editions, department by department.
    for (const ch of diff?.departments ?? []) {
      const before = first.ranking.departments.find((x) => x.departmentId === ch.departmentId);
      const after = second.ranking.departments.find((x) => x.departmentId === ch.departmentId);
      expect(ch.score).toEqual({ from: before?.score ?? null, to: after?.score ?? null });
    }
    expect((diff?.departments.length ?? 0) + (diff?.unchanged ?? 0)).toBe(
      second.ranking.departments.length,
    );

    const list = await json<{ items: { edition: number; settingsVersion: number }[] }>(
      await leader.get(PUBLISH),
    );
    expect(list.items.map((x) => [x.edition, x.settingsVersion])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('an edition that does not exist is 404', async () => {
    expect((await leader.get(`${PUBLISH}/3`)).status).toBe(404);
  });

  it('editions are append-only: the store module has no UPDATE or DELETE, the API no such route', () => {
    const src = readFileSync(
      join(import.meta.dirname, '..', '..', 'server', 'rankings', 'editions.ts'),
      'utf8',
    );
    expect(src).not.toMatch(/\b(UPDATE|DELETE)\b/);
    const writes = apiRoutes(server.service).filter(
      (r) => r.url.includes('/editions') && r.method !== 'GET' && r.method !== 'POST',
    );
    expect(writes).toEqual([]);
  });
});

describe('the public bulletin', () => {
  it('answers without a cookie: the latest edition, department-level figures only', async () => {
    const anonymous = new Client(server.url);
    const res = await anonymous.get('/public/api/bulletins/2026Q3');
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as {
      edition: number;
      publishedBy: string;
      city: string;
      departments: Record<string, unknown>[];
    };
    expect(body.edition).toBe(2);
    expect(body.publishedBy).toBe('临江市人民政府效能督查室');
    expect(body.city).toBe('临江市');
    expect(body.departments.length).toBeGreaterThan(10);
    expect(body.departments[0]).toHaveProperty('groupRank');

    // No case ids, evaluation ids, step handlers or user names anywhere in the answer.
    expect(text).not.toMatch(/YZ\d{6,}/);
    expect(text).not.toMatch(/PJ\d{6,}/);
    expect(text).not.toMatch(/t-(leader|admin|supervisor|liaison|county)/);
    expect(text).not.toMatch(/"(caseId|caseIds|evidence|explanation|publisherRole|counts)"/);
    const city = generateDemoCity({ seed: 1, cases: 8000, asOf: AS_OF });
    const names = city.departments.map((d) => d.name).join('|');
    const handlers = new Set(city.caseEvents.map((e) => e.handler).filter((h) => h !== null));
    for (const h of handlers) if (!names.includes(h)) expect(text, h).not.toContain(h);
  });

  it('is 404 for a quarter never published, and other routes still need a sign-in', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.get('/public/api/bulletins/2026Q2')).status).toBe(404);
    expect((await anonymous.get('/api/v1/rankings?quarter=2026Q3')).status).toBe(401);
    expect((await anonymous.get(PUBLISH)).status).toBe(401);
    const publicRoutes = apiRoutes(server.service)
      .filter((r) => r.scope === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual([
      'DELETE /api/v1/session',
      'GET /api/v1/health',
      'GET /public/api/bulletins/:quarter',
      'POST /api/v1/session',
    ]);
  });
});

describe('the rank CLI prints a published edition from the service file', () => {
  it('rank --db FILE --quarter 2026Q3 [--edition N]', async () => {
    const stored = await editionBody(server.db, CITY_SOURCE, '2026Q3', 1);
    const path = server.db.path;
    await server.close(); // DuckDB locks the file while the service runs
    closed = true;
    const root = join(import.meta.dirname, '..', '..');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'rank', ...args], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    const one = cli('--db', path, '--quarter', '2026Q3', '--edition', '1');
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toBe(`${stored}\n`);
    const list = cli('--db', path, '--quarter', '2026Q3');
    expect(list.status, list.stderr).toBe(0);
    const items = (JSON.parse(list.stdout) as { items: { edition: number }[] }).items;
    expect(items.map((x) => x.edition)).toEqual([1, 2]);
    expect(cli('--db', path, '--quarter', '2026Q3', '--edition', '9').status).toBe(1);
    expect(cli('--db', path, '--quarter', '2026Q3', '--edition', 'x').status).toBe(2);
    expect(cli('--data', path, '--quarter', '2026Q3', '--edition', '1').status).toBe(2);
  }, 120_000);
});
