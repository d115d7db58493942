/** Sign-in is rate limited per address (before any password check), with @fastify/rate-limit. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startServer } from '../../server/main';
import { Client } from './harness';

it('answers 429 after the configured number of sign-in attempts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xn-rate-'));
  // No data and no accounts are needed: the limit applies before the name is looked up.
  const server = await startServer({
    dbPath: join(dir, 'rate.duckdb'),
    port: 0,
    feedUrl: null,
    asOfMs: null,
    syncMinutes: 0,
    accounts: { signInRateLimit: { max: 3, windowMs: 60_000 } },
  });
  try {
    const c = new Client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.signIn('someone', 'some-password')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Other routes are not limited.
    expect((await c.get('/api/v1/health')).status).toBe(200);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
