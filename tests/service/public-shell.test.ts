/**
 * The public bulletin page is a route of the SPA: the service must answer its URL with the SPA
 * shell without a session (and with the same CSP as every page), while every `/api/v1` route
 * still answers 401 and an unknown `/public/api/…` path is a JSON 404, not the shell.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/http/app';
import { route } from '../../server/http/route';

let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'public-shell-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  app = await buildApp({
    staticDir: dir,
    auth: { viewerOf: () => Promise.resolve(null) },
    routes: [
      route({
        method: 'GET',
        url: '/api/v1/rankings',
        summary: 'test',
        roles: ['leader'],
        scope: 'city',
        handler: () => ({}),
      }),
    ],
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the public bulletin page without a session', () => {
  it('serves the SPA shell for /public/bulletins/{quarter}', async () => {
    const res = await app.inject({ method: 'GET', url: '/public/bulletins/2026Q3' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('id="root"');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('keeps every /api/v1 route behind the sign-in, and /public/api 404s as JSON', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/rankings' });
    expect(api.statusCode).toBe(401);
    const unknown = await app.inject({ method: 'GET', url: '/public/api/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/json/);
  });
});
