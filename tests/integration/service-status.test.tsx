/**
 * Live freshness and the service boundary: the header's last sync from `/sync-status`, refetch on
 * the service's server-sent events, the outage banner naming which side is down while the last
 * good figures stay, the 401 → sign-in redirect, and answers that break their schema.
 */
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { answer, apiPath } from '../../mocks/service/handlers';
import { overviewResponse } from '../../src/contract/overview';
import { formatDateTime } from '../../src/ui/format';
import { server, serviceMock } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly url: string;
  private readonly listeners = new Map<string, (() => void)[]>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string) {
    for (const l of this.listeners.get(type) ?? []) l();
  }
  close() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.last = null;
});

async function overviewOpen(): Promise<string> {
  const card = await screen.findByTestId('kpi-open', {}, { timeout: 10_000 });
  return card.textContent ?? '';
}

describe('service status in the shell', { timeout: 30_000 }, () => {
  it('shows the last successful sync and refetches the views when the service says a sync landed', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const first = serviceMock.syncStatus.lastSuccessAt!;
    renderApp('/overview');
    const freshness = await screen.findByTestId('data-freshness', {}, { timeout: 10_000 });
    await waitFor(
      () => expect(freshness).toHaveTextContent(formatDateTime(Date.parse(first), 'zh-CN')),
      { timeout: 10_000 },
    );
    expect(FakeEventSource.last?.url).toBe('http://localhost:3000/api/v1/events');
    const later = '2026-10-01T02:00:00.000Z';
    serviceMock.syncStatus = { ...serviceMock.syncStatus, lastSuccessAt: later };
    FakeEventSource.last!.emit('sync');
    await waitFor(
      () => expect(freshness).toHaveTextContent(formatDateTime(Date.parse(later), 'zh-CN')),
      { timeout: 10_000 },
    );
  });

  it('names the city platform and since when it failed, keeping the figures on screen', async () => {
    renderApp('/overview');
    const before = await overviewOpen();
    serviceMock.syncStatus = {
      ...serviceMock.syncStatus,
      state: 'error',
      failure: {
        side: 'platform',
        code: 'unavailable',
        message: '503',
        since: '2026-09-30T08:00:00.000Z',
      },
    };
    vi.stubGlobal('EventSource', FakeEventSource);
    // The refresh button refetches every view, as an event would.
    screen.getByRole('button', { name: '刷新数据' }).click();
    const banner = await screen.findByTestId('feed-stale-banner', {}, { timeout: 10_000 });
    expect(banner).toHaveTextContent('城市政务服务平台');
    expect(banner).toHaveTextContent(formatDateTime(Date.parse('2026-09-30T08:00:00Z'), 'zh-CN'));
    expect(await overviewOpen()).toBe(before);
  });

  it('says the service ran out of disk during a sync, with its reason, keeping the figures', async () => {
    renderApp('/overview');
    const before = await overviewOpen();
    const reason =
      '磁盘空间不足，同步已停止：正在写入的一页未保存，原有数据仍可使用 (disk full: …; No space left on device)';
    serviceMock.syncStatus = {
      ...serviceMock.syncStatus,
      state: 'error',
      failure: {
        side: 'service',
        code: 'disk_full',
        message: reason,
        since: '2026-09-30T08:00:00Z',
      },
    };
    screen.getByRole('button', { name: '刷新数据' }).click();
    const banner = await screen.findByTestId('feed-stale-banner', {}, { timeout: 10_000 });
    expect(banner).toHaveTextContent('督查服务存储空间不足');
    expect(banner).not.toHaveTextContent('无法连接');
    expect(banner).toHaveTextContent(reason);
    expect(await overviewOpen()).toBe(before);
  });

  it('says the city is too big for the service to evaluate, with the remedy, keeping the figures', async () => {
    renderApp('/overview');
    const before = await overviewOpen();
    const reason =
      '内存不足，无法评估：5,400,000 条记录估计需要约 4,500 MB 堆内存，服务的堆上限为 4,144 MB（已用 300 MB）。请以更大的堆上限重启服务，例如 serve --max-heap-mb 6000';
    serviceMock.syncStatus = {
      ...serviceMock.syncStatus,
      state: 'error',
      failure: {
        side: 'service',
        code: 'insufficient_memory',
        message: reason,
        since: '2026-09-30T08:00:00Z',
      },
    };
    screen.getByRole('button', { name: '刷新数据' }).click();
    const banner = await screen.findByTestId('feed-stale-banner', {}, { timeout: 10_000 });
    expect(banner).toHaveTextContent('督查服务内存不足');
    expect(banner).not.toHaveTextContent('无法连接');
    expect(banner).toHaveTextContent(reason);
    expect(await overviewOpen()).toBe(before);
  });

  it('names the supervision service when it cannot be reached', async () => {
    server.use(http.get(apiPath('/sync-status'), () => HttpResponse.error()));
    renderApp('/overview');
    const banner = await screen.findByTestId('feed-stale-banner', {}, { timeout: 10_000 });
    expect(banner).toHaveTextContent('督查服务');
    expect(banner).toHaveAttribute('data-side', 'service');
  });

  it('sends a signed-out user to the sign-in page with the page as next', async () => {
    server.use(
      http.get(apiPath('/*'), () =>
        HttpResponse.json({ error: { code: 'unauthorized', message: '未登录' } }, { status: 401 }),
      ),
    );
    const { router } = renderApp('/alerts?level=red');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'), {
      timeout: 10_000,
    });
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/alerts?level=red');
    // The sign-in route is lazy: its code may take a while to load on a busy machine.
    expect(await screen.findByTestId('sign-in-page', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('shows an error, not wrong figures, when an answer breaks its schema', async () => {
    server.use(http.get(apiPath('/overview'), () => HttpResponse.json({ open: { open: 'many' } })));
    renderApp('/overview');
    const error = await screen.findByTestId('query-error', {}, { timeout: 10_000 });
    expect(error).toHaveTextContent('督查服务返回的数据格式不符');
  });

  it('a mock handler whose answer breaks its schema throws instead of answering', () => {
    const schema: z.ZodType = overviewResponse;
    expect(() => answer(schema, { open: { open: 1 } })).toThrow();
  });
});
