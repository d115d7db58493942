/** Sign-in, cookie attributes, sign-out, idle and absolute timeouts, lockout and CSRF. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/users';
import { Client, PASSWORD, signedIn, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers /me', async () => {
    const c = new Client(server.url);
    const res = await c.signIn('t-liaison');
    expect(res.status).toBe(204);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^xn_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure when the request is HTTPS
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      name: 't-liaison',
      role: 'liaison',
      departmentId: 'D10',
      departmentName: '自然资源和规划局',
      departments: ['D10'],
    });
  });

  it('gives one generic 401 whether the name or the password is wrong', async () => {
    const wrongPassword = await new Client(server.url).signIn('t-leader', 'wrong-password-1');
    const unknownName = await new Client(server.url).signIn('nobody-here', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownName.status).toBe(401);
    expect(await wrongPassword.text()).toBe(await unknownName.text());
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('rejects a malformed body with 400 and without echoing it', async () => {
    const res = await new Client(server.url).request('POST', '/api/v1/session', {
      name: 't-admin',
    });
    expect(res.status).toBe(400);
  });

  it('every non-public route answers 401 without a session; health does not', async () => {
    const c = new Client(server.url);
    expect((await c.get('/api/v1/health')).status).toBe(200);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    expect((await c.get('/api/v1/alerts')).status).toBe(401);
    c.cookie = 'xn_session=forged-value';
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });
});

describe('sign-out and timeouts', () => {
  it('sign-out ends the session, even for a replayed cookie', async () => {
    const c = await signedIn(server.url, 't-supervisor');
    const stolen = c.cookie;
    const out = await c.request('DELETE', '/api/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/xn_session=;/);
    c.cookie = stolen;
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('a session unused for more than 30 minutes is gone', async () => {
    const c = await signedIn(server.url, 't-leader');
    server.clock.now += 29 * 60_000;
    expect((await c.get('/api/v1/me')).status).toBe(200);
    server.clock.now += 29 * 60_000; // used 29 minutes ago: still alive
    expect((await c.get('/api/v1/me')).status).toBe(200);
    server.clock.now += 31 * 60_000;
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('a busy session still ends 12 hours after sign-in', async () => {
    const c = await signedIn(server.url, 't-admin');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      server.clock.now += 20 * 60_000;
      expect((await c.get('/api/v1/me')).status).toBe(200);
    }
    server.clock.now += 21 * 60_000;
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });
});

describe('lockout', () => {
  it('locks an account for 15 minutes after 5 consecutive failures, and audits it', async () => {
    await addUser(
      server.db,
      { name: 't-lock', role: 'leader', departmentId: null, password: PASSWORD },
      'test',
      server.clock.now,
    );
    const c = new Client(server.url);
    for (let i = 0; i < 5; i++)
      expect((await c.signIn('t-lock', `wrong-${i}-password`)).status).toBe(401);
    // The right password no longer helps, and the answer is the same generic one.
    expect((await c.signIn('t-lock')).status).toBe(401);
    server.clock.now += 14 * 60_000;
    expect((await c.signIn('t-lock')).status).toBe(401);
    server.clock.now += 2 * 60_000;
    expect((await c.signIn('t-lock')).status).toBe(204);

    const admin = await signedIn(server.url, 't-admin');
    const audit = await admin.get('/api/v1/audit?user=t-lock&pageSize=50');
    const body = (await audit.json()) as {
      items: { action: string; detail: { reason?: string } }[];
    };
    const actions = body.items.map((i) => i.action).reverse();
    expect(actions).toEqual([
      ...Array<string>(5).fill('sign-in-failed'),
      'lockout',
      'sign-in-failed',
      'sign-in-failed',
      'sign-in',
    ]);
    expect(body.items.filter((i) => i.detail.reason === 'locked')).toHaveLength(2);
    expect(JSON.stringify(body)).not.toContain(PASSWORD);
  });

  it('a successful sign-in resets the failure count', async () => {
    const c = new Client(server.url);
    for (let i = 0; i < 4; i++)
      expect((await c.signIn('t-county', 'not-the-password')).status).toBe(401);
    expect((await c.signIn('t-county')).status).toBe(204);
    for (let i = 0; i < 4; i++)
      expect((await c.signIn('t-county', 'not-the-password')).status).toBe(401);
    expect((await c.signIn('t-county')).status).toBe(204);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without Origin or Referer', async () => {
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 't-admin', password: PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses another origin, accepts a same-origin Referer', async () => {
    const admin = await signedIn(server.url, 't-admin');
    const evil = await admin.request(
      'PUT',
      '/api/v1/settings',
      {},
      { origin: 'http://evil.example' },
    );
    expect(evil.status).toBe(403);
    const viaReferer = await fetch(`${server.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { referer: `${server.url}/settings`, cookie: admin.cookie ?? '' },
    });
    expect(viaReferer.status).toBe(204);
  });

  it('leaves GET alone', async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(200);
  });
});
