import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../../../src/feeds/runtime-config';

describe('runtime config (config.json)', () => {
  it('accepts the shipped public/config.json: the service API, no msw demo', () => {
    const raw: unknown = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../public/config.json'), 'utf8'),
    );
    const parsed = parseRuntimeConfig(raw);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.config.demo.enabled).toBe(false);
      expect(parsed.config.apiBaseUrl).toBe('/api/v1');
    }
  });

  it('fills documented defaults for an empty config', () => {
    expect(parseRuntimeConfig({})).toEqual({
      ok: true,
      config: {
        apiBaseUrl: '/api/v1',
        demo: { enabled: false, seed: 1, cases: 50_000, asOf: null },
      },
    });
  });

  it('reports every wrong field with its path, and never runs on a half-valid config', () => {
    const parsed = parseRuntimeConfig({
      apiBaseUrl: '',
      demo: { enabled: 'yes', cases: -5, asOf: '30/09/2026' },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      for (const path of ['apiBaseUrl', 'demo.enabled', 'demo.cases', 'demo.asOf']) {
        expect(parsed.reason).toContain(`${path}:`);
      }
    }
    expect(parseRuntimeConfig([1, 2]).ok).toBe(false);
  });
});
