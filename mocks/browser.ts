/**
 * Demo mode in the browser: generates the demo city from the runtime config's seed, size and as-of
 * date, and lets the msw service worker answer the feed API with it — the same handlers the tests
 * and e2e runs use. Loaded only by src/main.tsx, and only when `demo.enabled` is true.
 */
import { setupWorker } from 'msw/browser';
import type { RuntimeConfig } from '../src/feeds/runtime-config';
import { generateDemoCity } from './demo-city';
import { createFeedHandlers } from './handlers';

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** Starts the service worker; resolves once it answers requests. */
export async function startDemoFeed(config: RuntimeConfig): Promise<void> {
  const dataset = generateDemoCity({
    seed: config.demo.seed,
    cases: config.demo.cases,
    asOf: config.demo.asOf ?? todayInShanghai(),
  });
  const worker = setupWorker(...createFeedHandlers({ dataset, baseUrl: config.feedBaseUrl }));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    // Static assets and config.json go to the real server; only the feed API is mocked.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
