/**
 * The msw/node server every integration test runs against: the SERVICE API's handlers answering
 * from a small, fixed demo city (mocks/service/handlers.ts, every answer checked against its
 * contract schema). Tests change the service's state through `serviceMock` (e.g. a failed sync)
 * or add handlers with `server.use(...)`; tests/setup/feed-server.ts starts and resets it.
 */
import { setupServer } from 'msw/node';
import { generateDemoCity, type DemoDataset } from '../../mocks/demo-city';
import { createServiceMock } from '../../mocks/service/handlers';

/** 400 cases of the demo city, seed 1, as of 2026-09-30: small enough to evaluate in milliseconds. */
export const testDataset: DemoDataset = generateDemoCity({
  seed: 1,
  cases: 400,
  asOf: '2026-09-30',
});

export const serviceMock = createServiceMock({ demo: testDataset });

/** The mock service's sync status as the tests start it. */
export const initialSyncStatus = structuredClone(serviceMock.syncStatus);

export const server = setupServer(...serviceMock.handlers);
