/**
 * Renders the real application (real providers, real routes) at a URL, with a fresh QueryClient
 * (no retries) and `userEvent`, for integration tests.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../src/app/providers';
import { routes } from '../../src/app/router';
import { parseRuntimeConfig, type RuntimeConfig } from '../../src/feeds/runtime-config';
import { useLocaleStore } from '../../src/i18n';
import { TEST_FEED_BASE_URL } from './feed-fixture';

/** A runtime config for tests: live-feed mode against msw/node at TEST_FEED_BASE_URL. */
export function testConfig(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const parsed = parseRuntimeConfig({
    feedBaseUrl: TEST_FEED_BASE_URL,
    demo: { enabled: false },
    // Figures as of the test dataset's own as-of date, so they never depend on today's date.
    asOf: '2026-09-30',
    refreshMinutes: 0,
    // Small pages, so the tests exercise cursor-following on every feed larger than 500 records.
    feedPageSize: 500,
    auth: { mode: 'none' },
  });
  if (!parsed.ok) throw new Error(parsed.reason);
  return { ...parsed.config, ...overrides };
}

export function renderApp(url = '/overview', config: RuntimeConfig = testConfig()) {
  useLocaleStore.setState({ locale: 'zh-CN' });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const utils = render(
    <AppProviders config={config} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...utils, user, router, queryClient };
}
