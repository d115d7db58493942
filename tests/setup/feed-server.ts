/** Setup file: runs the msw/node feed server for every integration test; unhandled requests fail. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './feed-fixture';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
