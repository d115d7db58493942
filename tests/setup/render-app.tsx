/**
 * Renders the real application (real providers, real routes) at a URL, with a fresh QueryClient
 * (no retries) and `userEvent`, for integration tests.
 */
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { reportApiError } from '../../src/api/unauthorized';
import { AppProviders } from '../../src/app/providers';
import { appRoutes } from '../../src/app/router';
import { parseRuntimeConfig, type RuntimeConfig } from '../../src/feeds/runtime-config';
import { useLocaleStore } from '../../src/i18n';

/** A runtime config for tests: the service API at `/api/v1`, answered by msw/node. */
export function testConfig(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const parsed = parseRuntimeConfig({ apiBaseUrl: '/api/v1', demo: { enabled: false } });
  if (!parsed.ok) throw new Error(parsed.reason);
  return { ...parsed.config, ...overrides };
}

export function renderApp(url = '/overview', config: RuntimeConfig = testConfig()) {
  useLocaleStore.setState({ locale: 'zh-CN' });
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: reportApiError }),
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [url] });
  const user = userEvent.setup();
  const utils = render(
    <AppProviders config={config} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...utils, user, router, queryClient };
}
