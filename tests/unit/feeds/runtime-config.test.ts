import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOfInstant, fixedAsOfDate, parseRuntimeConfig } from '../../../src/feeds/runtime-config';

describe('runtime config (config.json)', () => {
  it('accepts the shipped public/config.json', () => {
    const raw: unknown = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../public/config.json'), 'utf8'),
    );
    const parsed = parseRuntimeConfig(raw);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.config.demo.enabled).toBe(true);
      expect(parsed.config.feedBaseUrl).toBe('/api/v1');
    }
  });

  it('fills documented defaults for a minimal live config', () => {
    const parsed = parseRuntimeConfig({ feedBaseUrl: 'https://gov.example/api' });
    expect(parsed).toEqual({
      ok: true,
      config: {
        feedBaseUrl: 'https://gov.example/api',
        demo: { enabled: false, seed: 1, cases: 50_000, asOf: null },
        asOf: null,
        refreshMinutes: 5,
        feedPageSize: 5000,
        requestTimeoutSeconds: 30,
        auth: { mode: 'cookie', bearerTokenStorageKey: 'ducha.accessToken', loginUrl: null },
      },
    });
  });

  it('reports every wrong field with its path, and never runs on a half-valid config', () => {
    const parsed = parseRuntimeConfig({
      feedBaseUrl: '',
      demo: { enabled: 'yes', cases: -5, asOf: '30/09/2026' },
      refreshMinutes: 'often',
      auth: { mode: 'password' },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      for (const path of [
        'feedBaseUrl',
        'demo.enabled',
        'demo.cases',
        'demo.asOf',
        'refreshMinutes',
        'auth.mode',
      ]) {
        expect(parsed.reason).toContain(`${path}:`);
      }
    }
    expect(parseRuntimeConfig([1, 2]).ok).toBe(false);
  });

  it('fixes the as-of instant at 23:59:59 Asia/Shanghai of the configured date', () => {
    const parsed = parseRuntimeConfig({ feedBaseUrl: '/api', asOf: '2026-09-30' });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(fixedAsOfDate(parsed.config)).toBe('2026-09-30');
    expect(new Date(asOfInstant(parsed.config)).toISOString()).toBe('2026-09-30T15:59:59.000Z');
    const live = parseRuntimeConfig({
      feedBaseUrl: '/api',
      demo: { enabled: false, asOf: '2026-01-01' },
    });
    if (!live.ok) throw new Error(live.reason);
    // demo.asOf applies only in demo mode; a live config uses the clock.
    expect(asOfInstant(live.config, 123)).toBe(123);
  });
});
