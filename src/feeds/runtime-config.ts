/**
 * Runtime settings read from `config.json` at start-up, so a deployment can point the dashboard at
 * its own feed without rebuilding. Nothing secret lives here or in the bundle: with bearer auth the
 * token is read from sessionStorage, where the city's single-sign-on page puts it.
 */
import { createContext, useContext } from 'react';
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 日期 (expected YYYY-MM-DD)');

export const runtimeConfigSchema = z.object({
  /** Base URL of the feed API, absolute or relative to the page (demo: `/api/v1`). */
  feedBaseUrl: z.string().min(1),
  demo: z
    .object({
      /** When true, the built-in demo city is served by the msw service worker. */
      enabled: z.boolean(),
      seed: z.number().int().default(1),
      cases: z.number().int().positive().max(2_000_000).default(50_000),
      /** Fixed as-of date for reproducible demos; null = today (Asia/Shanghai). */
      asOf: isoDate.nullable().default(null),
    })
    .default({ enabled: false, seed: 1, cases: 50_000, asOf: null }),
  /**
   * A fixed as-of date for every figure (reproducible reports and tests); null = live, i.e. as of
   * the latest data refresh. The demo's own `demo.asOf` applies when this is null.
   */
  asOf: isoDate.nullable().default(null),
  /** Minutes between incremental refreshes; 0 turns auto-refresh off. */
  refreshMinutes: z
    .number()
    .min(0)
    .max(24 * 60)
    .default(5),
  requestTimeoutSeconds: z.number().positive().max(600).default(30),
  auth: z
    .object({
      mode: z.enum(['none', 'cookie', 'bearer']),
      bearerTokenStorageKey: z.string().min(1).default('ducha.accessToken'),
      loginUrl: z.string().nullable().default(null),
    })
    .default({ mode: 'cookie', bearerTokenStorageKey: 'ducha.accessToken', loginUrl: null }),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export type ConfigLoadResult = { ok: true; config: RuntimeConfig } | { ok: false; reason: string };

/** Validates parsed JSON as runtime config, with a readable reason when it is not. */
export function parseRuntimeConfig(raw: unknown): ConfigLoadResult {
  const parsed = runtimeConfigSchema.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  const reason = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(根)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, reason };
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
