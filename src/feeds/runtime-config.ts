/**
 * Runtime settings read from `config.json` at start-up, so a deployment can point the dashboard at
 * its service without rebuilding. Nothing secret lives here or in the bundle: the session is an
 * HttpOnly cookie the service sets at sign-in.
 */
import { createContext, useContext } from 'react';

/** Runtime settings, validated; every field has a documented default. */
export interface RuntimeConfig {
  /** Base URL of the supervision service's API, absolute or relative to the page (`/api/v1`). */
  apiBaseUrl: string;
  demo: {
    /** When true, a static demo: the service API is answered by the msw service worker. */
    enabled: boolean;
    seed: number;
    cases: number;
    /** Fixed as-of date for reproducible demos; null = today (Asia/Shanghai). */
    asOf: string | null;
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
  const apiBaseUrl = raw['apiBaseUrl'] ?? '/api/v1';
  if (typeof apiBaseUrl !== 'string' || apiBaseUrl.length === 0) {
    problems.push('apiBaseUrl: 必须是非空字符串 (a non-empty string)');
  }
  const demoRaw = raw['demo'] ?? {};
  const demo: RuntimeConfig['demo'] = { enabled: false, seed: 1, cases: 50_000, asOf: null };
  if (!isObj(demoRaw)) problems.push('demo: 应为对象 (expected an object)');
  else {
    const { enabled, seed, cases, asOf } = demoRaw;
    if (enabled !== undefined && typeof enabled !== 'boolean')
      problems.push('demo.enabled: 应为 true 或 false (expected a boolean)');
    demo.enabled = enabled === true;
    if (seed !== undefined) {
      if (typeof seed === 'number' && Number.isInteger(seed)) demo.seed = seed;
      else problems.push('demo.seed: 应为整数 (expected an integer)');
    }
    if (cases !== undefined) {
      if (typeof cases === 'number' && Number.isInteger(cases) && cases > 0 && cases <= 2_000_000)
        demo.cases = cases;
      else problems.push('demo.cases: 应为 1 至 2,000,000 的整数 (expected 1 to 2,000,000)');
    }
    if (asOf !== undefined && asOf !== null) {
      if (typeof asOf === 'string' && ISO_DATE.test(asOf)) demo.asOf = asOf;
      else problems.push('demo.asOf: 应为 YYYY-MM-DD 日期或 null (expected YYYY-MM-DD or null)');
    }
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, config: { apiBaseUrl: String(apiBaseUrl), demo } };
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
