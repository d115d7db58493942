/**
 * Runtime settings read from `config.json` at start-up, so a deployment can point the dashboard at
 * its own feed without rebuilding. Nothing secret lives here or in the bundle: with bearer auth the
 * token is read from sessionStorage, where the city's single-sign-on page puts it.
 */
import { createContext, useContext } from 'react';
/** Runtime settings, validated; every field has a documented default except `feedBaseUrl`. */
export interface RuntimeConfig {
  /** Base URL of the feed API, absolute or relative to the page (demo: `/api/v1`). */
  feedBaseUrl: string;
  demo: {
    /** When true, the built-in demo city is served by the msw service worker. */
    enabled: boolean;
    seed: number;
    cases: number;
    /** Fixed as-of date for reproducible demos; null = today (Asia/Shanghai). */
    asOf: string | null;
  };
  /**
   * A fixed as-of date for every figure (reproducible reports and tests); null = live, i.e. as of
   * the latest data refresh. The demo's own `demo.asOf` applies when this is null.
   */
  asOf: string | null;
  /** Minutes between incremental refreshes; 0 turns auto-refresh off. */
  refreshMinutes: number;
  /**
   * Records asked for per request (the contract's `limit`, at most 5000). Large pages mean fewer
   * round trips: a 200k-case city is ~1,100 requests at 1000 but ~220 at 5000.
   */
  feedPageSize: number;
  requestTimeoutSeconds: number;
  auth: {
    mode: 'none' | 'cookie' | 'bearer';
    bearerTokenStorageKey: string;
    loginUrl: string | null;
  };
}

export type ConfigLoadResult = { ok: true; config: RuntimeConfig } | { ok: false; reason: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates parsed JSON as runtime config, with a readable reason when it is not. Hand-written
 * (not a schema library) because it runs before anything else and is part of the first download.
 */
export function parseRuntimeConfig(raw: unknown): ConfigLoadResult {
  const problems: string[] = [];
  if (!isObj(raw)) return { ok: false, reason: '(根): 应为 JSON 对象 (expected a JSON object)' };
  const num = (
    o: Obj,
    key: string,
    path: string,
    fallback: number,
    check: (n: number) => boolean,
    rule: string,
  ): number => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) {
      problems.push(`${path}: 应为${rule} (expected ${rule})`);
      return fallback;
    }
    return v;
  };
  const date = (o: Obj, key: string, path: string): string | null => {
    const v = o[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || !ISO_DATE.test(v)) {
      problems.push(`${path}: 应为 YYYY-MM-DD 日期或 null (expected YYYY-MM-DD or null)`);
      return null;
    }
    return v;
  };
  const feedBaseUrl = raw['feedBaseUrl'];
  if (typeof feedBaseUrl !== 'string' || feedBaseUrl.length === 0) {
    problems.push('feedBaseUrl: 必须是非空字符串 (required, a non-empty string)');
  }
  const demoRaw = raw['demo'] ?? {};
  const demo: RuntimeConfig['demo'] = { enabled: false, seed: 1, cases: 50_000, asOf: null };
  if (!isObj(demoRaw)) problems.push('demo: 应为对象 (expected an object)');
  else {
    const enabled = demoRaw['enabled'];
    if (enabled !== undefined && typeof enabled !== 'boolean')
      problems.push('demo.enabled: 应为 true 或 false (expected a boolean)');
    demo.enabled = enabled === true;
    demo.seed = num(demoRaw, 'seed', 'demo.seed', 1, Number.isInteger, '整数');
    demo.cases = num(
      demoRaw,
      'cases',
      'demo.cases',
      50_000,
      (n) => Number.isInteger(n) && n > 0 && n <= 2_000_000,
      '1 至 2,000,000 的整数',
    );
    demo.asOf = date(demoRaw, 'asOf', 'demo.asOf');
  }
  const authRaw = raw['auth'] ?? {};
  const auth: RuntimeConfig['auth'] = {
    mode: 'cookie',
    bearerTokenStorageKey: 'ducha.accessToken',
    loginUrl: null,
  };
  if (!isObj(authRaw)) problems.push('auth: 应为对象 (expected an object)');
  else {
    const mode = authRaw['mode'];
    if (mode !== undefined) {
      if (mode === 'none' || mode === 'cookie' || mode === 'bearer') auth.mode = mode;
      else
        problems.push(
          "auth.mode: 应为 'none'、'cookie' 或 'bearer' (expected none, cookie or bearer)",
        );
    }
    const key = authRaw['bearerTokenStorageKey'];
    if (key !== undefined) {
      if (typeof key === 'string' && key.length > 0) auth.bearerTokenStorageKey = key;
      else
        problems.push('auth.bearerTokenStorageKey: 应为非空字符串 (expected a non-empty string)');
    }
    const login = authRaw['loginUrl'];
    if (login !== undefined && login !== null) {
      if (typeof login === 'string') auth.loginUrl = login;
      else problems.push('auth.loginUrl: 应为字符串或 null (expected a string or null)');
    }
  }
  const config: RuntimeConfig = {
    feedBaseUrl: typeof feedBaseUrl === 'string' ? feedBaseUrl : '',
    demo,
    asOf: date(raw, 'asOf', 'asOf'),
    refreshMinutes: num(
      raw,
      'refreshMinutes',
      'refreshMinutes',
      5,
      (n) => n >= 0 && n <= 24 * 60,
      '0 至 1440 的数',
    ),
    feedPageSize: num(
      raw,
      'feedPageSize',
      'feedPageSize',
      5000,
      (n) => Number.isInteger(n) && n >= 1 && n <= 5000,
      '1 至 5000 的整数',
    ),
    requestTimeoutSeconds: num(
      raw,
      'requestTimeoutSeconds',
      'requestTimeoutSeconds',
      30,
      (n) => n > 0 && n <= 600,
      '大于 0、不超过 600 的数',
    ),
    auth,
  };
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, config };
}

/** Fetches and validates `config.json` next to index.html (never cached by the browser). */
export async function loadRuntimeConfig(
  url = `${import.meta.env.BASE_URL}config.json`,
): Promise<ConfigLoadResult> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    const raw: unknown = await response.json();
    return parseRuntimeConfig(raw);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/** The runtime config loaded at start-up (throws when used outside the provider: a wiring bug). */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error('useRuntimeConfig used outside RuntimeConfigContext');
  return config;
}

/**
 * "Today" for the dashboard as epoch ms: the fixed as-of date (end of that day, Asia/Shanghai)
 * when configured, otherwise the real clock. Every figure is computed as of this instant.
 */
export function asOfInstant(config: RuntimeConfig, now: number = Date.now()): number {
  const fixed = fixedAsOfDate(config);
  // 23:59:59 on the as-of date in Asia/Shanghai (UTC+8, no DST).
  return fixed ? Date.parse(`${fixed}T23:59:59+08:00`) : now;
}

/** The configured fixed as-of date (YYYY-MM-DD), if any: `asOf`, else the demo's `demo.asOf`. */
export function fixedAsOfDate(config: RuntimeConfig): string | null {
  return config.asOf ?? (config.demo.enabled ? config.demo.asOf : null);
}
