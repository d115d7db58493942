/** Setup file: runs the msw/node service API for every integration test; unhandled requests fail. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { useUnauthorized } from '../../src/api/unauthorized';
import { initialSyncStatus, server, serviceMock } from './feed-fixture';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  serviceMock.syncStatus = structuredClone(initialSyncStatus);
  serviceMock.reset();
  useUnauthorized.getState().set(false);
});
afterAll(() => server.close());
