/**
 * The overview's figures are not behind a waterfall of requests: the overview's request starts
 * while the session check (/me) is still open, yet nothing is shown before the session is known,
 * and a signed-out user is still sent to sign in (issue 13, docs/performance.md).
 */
import { screen, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse, passthrough } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../mocks/service/handlers';
import { server } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

/** Holds `GET /me` open until `release()`; records which API paths were asked meanwhile. */
function holdSession(answer: () => Response | undefined) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const askedBeforeMe: string[] = [];
  let meAnswered = false;
  server.events.on('request:start', ({ request }) => {
    if (!meAnswered) askedBeforeMe.push(new URL(request.url).pathname);
  });
  server.use(
    http.get(apiPath('/me'), async () => {
      await released;
      meAnswered = true;
      return answer() ?? passthrough();
    }),
  );
  return { release, askedBeforeMe };
}

describe('first figures', { timeout: 60_000 }, () => {
  it('asks for the overview while the session check is still open, and shows it after', async () => {
    const session = holdSession(() => undefined);
    renderApp('/overview');
    await waitFor(
      () => expect(session.askedBeforeMe.some((p) => p.endsWith('/overview'))).toBe(true),
      {
        timeout: 10_000,
      },
    );
    // Nothing of the page is shown while nobody is known to be signed in.
    expect(screen.queryByTestId('kpi-open-link')).toBeNull();
    session.release();
    expect(await screen.findByTestId('kpi-open-link', {}, { timeout: 10_000 })).toHaveTextContent(
      /\d/,
    );
    server.events.removeAllListeners();
  });

  it('still sends a signed-out user to sign in, showing no figures', async () => {
    const session = holdSession(() =>
      HttpResponse.json({ error: { code: 'unauthorized', message: '未登录' } }, { status: 401 }),
    );
    const { router } = renderApp('/overview?period=2026Q3');
    await waitFor(
      () => expect(session.askedBeforeMe.some((p) => p.endsWith('/overview'))).toBe(true),
      {
        timeout: 10_000,
      },
    );
    await delay(50);
    session.release();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'), { timeout: 10_000 });
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/overview?period=2026Q3',
    );
    expect(screen.queryByTestId('kpi-open-link')).toBeNull();
    server.events.removeAllListeners();
  });
});
