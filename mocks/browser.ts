/**
 * Optional static demo (`demo.enabled` in config.json, off by default: the real service serves the
 * SPA): generates the demo city from the config's seed, size and as-of date and lets the msw
 * service worker answer the SERVICE API with it — the same handlers the integration tests use.
 * Loaded only by src/main.tsx, and only when `demo.enabled` is true.
 */
import { setupWorker } from 'msw/browser';
import type { RuntimeConfig } from '../src/feeds/runtime-config';
import { generateDemoCity } from './demo-city';
import { createServiceMock } from './service/handlers';

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** Starts the service worker; resolves once it answers requests. */
export async function startDemoService(config: RuntimeConfig): Promise<void> {
  const demo = generateDemoCity({
    seed: config.demo.seed,
    cases: config.demo.cases,
    asOf: config.demo.asOf ?? todayInShanghai(),
  });
  const worker = setupWorker(...createServiceMock({ demo }).handlers);
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    // Static assets and config.json go to the real server; only the service API is mocked.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
