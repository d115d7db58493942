/**
 * Issue 18.2: each page's figures come from the source in the header. With an imported dataset
 * chosen (`?source=import:…`), every read a page sends names that source and every answer's
 * `meta.source` is that source; a dataset without tasks says so on the tasks page and in the
 * overview's overdue-task stat; a source the service no longer lists falls back to the city feed
 * with a notice, and then every read names the city.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServiceMock } from '../../mocks/service/handlers';
import { server, testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

const IMPORTED = 'import:abc123';
/** Routes that answer from the shell's state, not from a data source. */
const UNSOURCED = [
  '/me',
  '/sync-status',
  '/sources',
  '/settings',
  '/events',
  '/health',
  '/rejected',
];

const mock = createServiceMock({
  demo: testDataset,
  imports: [{ id: IMPORTED, label: '导入样例.csv' }],
});

interface Seen {
  url: URL;
  metaSource: string | null | undefined;
  done: boolean;
}
let seen: Map<string, Seen>;

function onStart({ request, requestId }: { request: Request; requestId: string }) {
  seen.set(requestId, { url: new URL(request.url), metaSource: undefined, done: false });
}
function onResponse({ response, requestId }: { response: Response; requestId: string }) {
  const entry = seen.get(requestId);
  if (entry === undefined) return;
  void response
    .clone()
    .json()
    .then(
      (body: unknown) => {
        const meta =
          typeof body === 'object' && body !== null && 'meta' in body ? body.meta : undefined;
        entry.metaSource =
          typeof meta === 'object' &&
          meta !== null &&
          'source' in meta &&
          typeof meta.source === 'string'
            ? meta.source
            : null;
        entry.done = true;
      },
      () => {
        entry.metaSource = null;
        entry.done = true;
      },
    );
}

beforeEach(() => {
  seen = new Map();
  server.use(...mock.handlers);
  server.events.on('request:start', onStart);
  server.events.on('response:mocked', onResponse);
});
afterEach(() => {
  server.events.removeAllListeners();
});

const sourced = () =>
  [...seen.values()].filter(
    (s) =>
      s.url.pathname.startsWith('/api/v1/') &&
      !UNSOURCED.some((p) => s.url.pathname === `/api/v1${p}`),
  );

/** Waits until the page has read its data and every answer is in. */
async function settled(): Promise<Seen[]> {
  await waitFor(
    () => {
      const reads = sourced();
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((r) => r.done)).toBe(true);
    },
    { timeout: 30_000 },
  );
  return sourced();
}

const dept = testDataset.departments[0]!.id;
const PAGES = [
  '/overview',
  '/alerts',
  '/slow-action',
  '/rankings',
  '/tasks',
  `/departments/${dept}`,
];

describe('the data source chosen in the header', { timeout: 120_000 }, () => {
  it.each(PAGES)('%s reads the chosen imported source and shows only its figures', async (path) => {
    renderApp(`${path}?source=${encodeURIComponent(IMPORTED)}`);
    const reads = await settled();
    for (const r of reads) {
      expect(r.url.searchParams.get('source'), r.url.pathname).toBe(IMPORTED);
      // Answers with meta name their source: it is the one asked for.
      if (r.metaSource !== null) expect(r.metaSource, r.url.pathname).toBe(IMPORTED);
    }
    // Every page reads at least one answer that names its source (the ranking's too, now).
    expect(reads.some((r) => r.metaSource === IMPORTED)).toBe(true);
  });

  it('the tasks page says the imported source has no 督查事项 (never the city’s tasks)', async () => {
    renderApp(`/tasks?scope=all&source=${encodeURIComponent(IMPORTED)}`);
    expect(
      await screen.findByTestId('tasks-none-in-source', {}, { timeout: 20_000 }),
    ).toHaveTextContent('该数据源没有督查事项');
    expect(screen.queryByTestId('task-count')).toBeNull();
  });

  it('the overview’s overdue-task stat says the source has none instead of a number', async () => {
    renderApp(`/overview?source=${encodeURIComponent(IMPORTED)}`);
    expect(
      await screen.findByTestId('overdue-tasks-none', {}, { timeout: 20_000 }),
    ).toHaveTextContent('该数据源没有督查事项');
    expect(screen.queryByTestId('overdue-tasks-count')).toBeNull();
  });

  it('with the city feed the same stat counts the city’s tasks (the check above can fail)', async () => {
    renderApp('/overview');
    expect(
      await screen.findByTestId('overdue-tasks-count', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    for (const r of await settled()) expect(r.url.searchParams.get('source')).toBe('city');
  });

  it('a source the service no longer lists falls back to the city feed, with a notice', async () => {
    renderApp('/overview?source=import:deleted1');
    expect(await screen.findByTestId('source-fallback', {}, { timeout: 20_000 })).toHaveTextContent(
      '所选数据源“import:deleted1”已不存在',
    );
    const reads = await settled();
    for (const r of reads) expect(r.url.searchParams.get('source'), r.url.pathname).toBe('city');
  });
});
