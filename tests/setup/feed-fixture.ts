/**
 * The msw/node server every integration test runs against: the demo city's handlers (a small,
 * fixed dataset) at the test config's feed URL. Tests add scenarios (outage, 401, malformed
 * records) with `server.use(...)`; tests/setup/feed-server.ts starts and resets it.
 */
import { setupServer } from 'msw/node';
import { generateDemoCity, type DemoDataset } from '../../mocks/demo-city';
import { createFeedHandlers } from '../../mocks/handlers';

export const TEST_FEED_BASE_URL = 'http://feed.test/api/v1';

/** 400 cases of the demo city, seed 1, as of 2026-09-30: small enough to load in milliseconds. */
export const testDataset: DemoDataset = generateDemoCity({
  seed: 1,
  cases: 400,
  asOf: '2026-09-30',
});

export const server = setupServer(
  ...createFeedHandlers({ dataset: testDataset, baseUrl: TEST_FEED_BASE_URL }),
);
