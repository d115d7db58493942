/** Users through the API (admin only), the audit log's filters and export, migration 3. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/store/database';
import { migrate, SCHEMA_VERSION } from '../../server/store/migrations';
import { Client, PASSWORD, signedIn, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

describe('users', () => {
  it('an admin creates a liaison who can sign in; the list never carries a hash', async () => {
    const admin = await signedIn(server.url, 't-admin');
    const created = await admin.request('POST', '/api/v1/users', {
      name: 'wang',
      role: 'liaison',
      departmentId: 'X07',
      password: 'wang-long-password',
    });
    expect(created.status).toBe(201);
    const again = await admin.request('POST', '/api/v1/users', {
      name: 'wang',
      role: 'leader',
      password: 'wang-long-password',
    });
    expect(again.status).toBe(409);
    const bad = await admin.request('POST', '/api/v1/users', {
      name: 'zhao',
      role: 'liaison',
      departmentId: 'NOPE',
      password: 'zhao-long-password',
    });
    expect(bad.status).toBe(400);
    const list = await (await admin.get('/api/v1/users')).text();
    expect(list).toContain('"wang"');
    expect(list).not.toMatch(/scrypt|password/i);
    const wang = new Client(server.url);
    expect((await wang.signIn('wang', 'wang-long-password')).status).toBe(204);
  });

  it('disabling a user ends their session and refuses sign-in', async () => {
    const admin = await signedIn(server.url, 't-admin');
    await admin.request('POST', '/api/v1/users', {
      name: 'chen',
      role: 'supervisor',
      password: 'chen-long-password',
    });
    const chen = new Client(server.url);
    expect((await chen.signIn('chen', 'chen-long-password')).status).toBe(204);
    expect((await admin.request('POST', '/api/v1/users/chen/disable')).status).toBe(204);
    expect((await chen.get('/api/v1/me')).status).toBe(401);
    expect((await chen.signIn('chen', 'chen-long-password')).status).toBe(401);
    expect((await admin.request('POST', '/api/v1/users/t-admin/disable')).status).toBe(409);
  });
});

describe('audit log', () => {
  it('records sign-ins and user changes, filters by action and time, exports as CSV', async () => {
    const admin = await signedIn(server.url, 't-admin');
    await signedIn(server.url, 't-leader');
    const signIns = (await (
      await admin.get('/api/v1/audit?action=sign-in&user=t-leader')
    ).json()) as { total: number; items: { role: string; address: string }[] };
    expect(signIns.total).toBeGreaterThan(0);
    expect(signIns.items[0]).toMatchObject({ role: 'leader', address: '127.0.0.1' });

    const changes = (await (await admin.get('/api/v1/audit?action=user-create')).json()) as {
      items: { userName: string; detail: { name: string } }[];
    };
    expect(changes.items.map((i) => i.detail.name)).toContain('wang');

    const future = (await (await admin.get('/api/v1/audit?from=2999-01-01')).json()) as {
      total: number;
    };
    expect(future.total).toBe(0);
    expect((await admin.get('/api/v1/audit?from=yesterday')).status).toBe(400);

    const bytes = new Uint8Array(
      await (await admin.get('/api/v1/audit/export.csv?action=sign-in')).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('序号,时间,用户')).toBe(true);
    expect(csv).toContain('t-leader');
    expect(csv).not.toContain(PASSWORD);
    // The export of the audit log is itself audited.
    const exports = (await (await admin.get('/api/v1/audit?action=export')).json()) as {
      items: { detail: { route: string; query: string } }[];
    };
    expect(exports.items[0]?.detail).toMatchObject({
      route: '/api/v1/audit/export.csv',
      query: 'action=sign-in',
    });
  });

  it('is for the administrator only', async () => {
    for (const name of ['t-supervisor', 't-leader', 't-liaison']) {
      const c = await signedIn(server.url, name);
      expect((await c.get('/api/v1/audit')).status).toBe(403);
      expect((await c.get('/api/v1/audit/export.csv')).status).toBe(403);
    }
  });

  it('records a settings change with its new version', async () => {
    const admin = await signedIn(server.url, 't-admin');
    const current = (await (await admin.get('/api/v1/settings')).json()) as {
      settings: Record<string, unknown>;
    };
    const saved = await admin.request('PUT', '/api/v1/settings', current.settings);
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    const rows = (await (await admin.get('/api/v1/audit?action=settings-change')).json()) as {
      items: { userName: string; detail: { version: number } }[];
    };
    expect(rows.items[0]).toMatchObject({ userName: 't-admin', detail: { version } });
  });

  it('records each 督办 action with who, role and address', async () => {
    const supervisor = await signedIn(server.url, 't-supervisor');
    const cards = (await (await supervisor.get('/api/v1/cards?state=active')).json()) as {
      items: { id: number }[];
    };
    const card = cards.items[0];
    if (!card) throw new Error('the test city has no active card');
    const issued = await supervisor.request('POST', '/api/v1/notices', {
      cardIds: [card.id],
      instructions: '请于期限内反馈整改情况',
    });
    expect(issued.status).toBeLessThan(300);
    const { id } = (await issued.json()) as { id: number };
    const admin = await signedIn(server.url, 't-admin');
    const rows = (await (await admin.get('/api/v1/audit?action=supervision-action')).json()) as {
      items: { userName: string; role: string; address: string; detail: unknown }[];
    };
    expect(rows.items[0]).toMatchObject({
      userName: 't-supervisor',
      role: 'supervisor',
      detail: { route: '/api/v1/notices', noticeId: null },
    });
    expect(rows.items[0]?.address).toMatch(/\d|:/);
    // A refused action (a liaison may not issue) leaves no supervision row.
    const liaison = await signedIn(server.url, 't-liaison');
    const refused = await liaison.request('POST', '/api/v1/notices', {
      cardIds: [card.id],
      instructions: 'x',
    });
    expect(refused.status).toBe(403);
    const after = (await (await admin.get('/api/v1/audit?action=supervision-action')).json()) as {
      items: unknown[];
    };
    expect(after.items).toHaveLength(rows.items.length);
    expect(id).toBeGreaterThan(0);
  });
});

describe('migration 3', () => {
  it('upgrades a version-2 file, keeping what was there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xn-migrate-'));
    try {
      const db = await Database.open(join(dir, 'v2.duckdb'));
      expect(await migrate(db, 2)).toBe(2);
      await db.write(`INSERT INTO settings_versions VALUES (1, '{}', 'someone', 0)`);
      expect(await migrate(db)).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3); // later migrations apply on top
      const tables = await db.all(
        `SELECT table_name FROM information_schema.tables ORDER BY table_name`,
      );
      const names = tables.map((t) => t['table_name']);
      for (const t of ['users', 'sessions', 'audit_log']) expect(names).toContain(t);
      expect(await db.all('SELECT changed_by FROM settings_versions')).toEqual([
        { changed_by: 'someone' },
      ]);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
