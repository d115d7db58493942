import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { feedFails, feedMalformed, feedTimesOut, feedUnauthorized } from '../../mocks/scenarios';
import { syncResource } from '../../src/feeds/api/sync';
import { casesSpec } from '../../src/feeds/api/cases';
import { caseEventsSpec } from '../../src/feeds/api/case-events';
import { server, testDataset, TEST_FEED_BASE_URL } from '../setup/feed-fixture';
import { renderApp, testConfig } from '../setup/render-app';

const base = { baseUrl: TEST_FEED_BASE_URL };

describe('feed client', () => {
  it('follows cursors to the full set of every feed and stamps the time of the data', async () => {
    const config = testConfig();
    const snapshot = await syncResource(casesSpec, config, undefined);
    expect(snapshot.records).toHaveLength(testDataset.cases.length);
    expect(snapshot.rejected).toHaveLength(0);
    // The case-event feed is larger than one page (1000 records): all pages are followed.
    const events = await syncResource(caseEventsSpec, config, undefined);
    expect(testDataset.caseEvents.length).toBeGreaterThan(1000);
    expect(events.pages).toBeGreaterThan(1);
    expect(events.records.map((e) => e.id)).toEqual(testDataset.caseEvents.map((e) => e.id));
    renderApp('/overview');
    expect(await screen.findByText(/数据更新于 \d\d:\d\d/)).toBeInTheDocument();
  });

  it('delivers the good records of a page with malformed ones, and lists the bad with reasons', async () => {
    server.use(...feedMalformed('cases', { badRecords: 3, dataset: testDataset, ...base }));
    const snapshot = await syncResource(casesSpec, testConfig(), undefined);
    expect(snapshot.rejected).toHaveLength(3);
    expect(snapshot.records).toHaveLength(testDataset.cases.length - 3);
    for (const r of snapshot.rejected) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);

    const { user } = renderApp('/overview');
    const notice = await screen.findByTestId('feed-rejected');
    expect(notice).toHaveTextContent('3 条记录未通过校验');
    await user.click(within(notice).getByRole('button', { name: '查看' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('未通过校验的记录')).toBeInTheDocument();
    const rows = within(drawer).getAllByRole('row').slice(1); // minus the header row
    expect(rows).toHaveLength(3);
    expect(within(drawer).getByRole('button', { name: '下载 CSV' })).toBeInTheDocument();
    // Every rejection shows the reason the validator gave.
    for (const r of snapshot.rejected)
      expect(within(drawer).getByText(r.reason)).toBeInTheDocument();
  });

  it('keeps the last good data with a staleness banner when the feed goes down, and recovers on retry', async () => {
    const { user, queryClient } = renderApp('/overview');
    expect(await screen.findByText(/数据更新于 \d\d:\d\d/)).toBeInTheDocument();
    const before = queryClient.getQueryData<{ records: unknown[] }>([
      'feed',
      'cases',
      TEST_FEED_BASE_URL,
    ]);
    expect(before?.records).toHaveLength(testDataset.cases.length);

    server.use(...feedFails('cases', 503, base));
    await user.click(screen.getByRole('button', { name: '刷新数据' }));
    const banner = await screen.findByTestId('feed-stale-banner', {}, { timeout: 8000 });
    expect(banner).toHaveTextContent(/数据接口暂时不可用，正在显示 \d\d:\d\d 更新的数据/);
    expect(banner).toHaveTextContent('HTTP 503');
    // the data is still there
    const after = queryClient.getQueryData<{ records: unknown[] }>([
      'feed',
      'cases',
      TEST_FEED_BASE_URL,
    ]);
    expect(after?.records).toHaveLength(testDataset.cases.length);
    expect(screen.getByText(/数据更新于 \d\d:\d\d/)).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(banner).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.queryByTestId('feed-stale-banner')).not.toBeInTheDocument(), {
      timeout: 8000,
    });
  });

  it('explains a 401 and offers the configured login page instead of retrying', async () => {
    server.use(...feedUnauthorized('departments', 401, base));
    const config = testConfig({
      auth: { mode: 'cookie', bearerTokenStorageKey: 'k', loginUrl: '/sso/login' },
    });
    renderApp('/overview', config);
    const alert = await screen.findByTestId('feed-auth-error');
    expect(alert).toHaveTextContent('登录已失效或无权访问数据接口');
    expect(within(alert).getByRole('link', { name: '前往登录' })).toHaveAttribute(
      'href',
      '/sso/login',
    );
  });

  it('gives up on a request that does not answer within the configured timeout', async () => {
    server.use(...feedTimesOut('items', base));
    renderApp('/overview', testConfig({ requestTimeoutSeconds: 0.3 }));
    const banner = await screen.findByTestId('feed-stale-banner', {}, { timeout: 8000 });
    expect(banner).toHaveTextContent('数据接口不可用');
    expect(banner).toHaveTextContent('0.3 秒内没有响应');
  });

  it('sends the bearer token from sessionStorage when configured so', async () => {
    sessionStorage.setItem('ducha.accessToken', 'token-123');
    let seen: string | null = null;
    const { http, HttpResponse } = await import('msw');
    server.use(
      http.get(`${TEST_FEED_BASE_URL}/departments`, ({ request }) => {
        seen = request.headers.get('authorization');
        return HttpResponse.json({
          items: [],
          nextCursor: null,
          serverTime: '2026-09-30T23:59:59+08:00',
        });
      }),
    );
    renderApp(
      '/overview',
      testConfig({
        auth: { mode: 'bearer', bearerTokenStorageKey: 'ducha.accessToken', loginUrl: null },
      }),
    );
    await waitFor(() => expect(seen).toBe('Bearer token-123'));
  });
});

describe('incremental refresh', () => {
  it('asks only for records updated since the last sync and merges them by id', async () => {
    const { http, HttpResponse } = await import('msw');
    const config = testConfig();
    const first = await syncResource(casesSpec, config, undefined);
    const changed = {
      ...testDataset.cases[0]!,
      status: '办结',
      completedAt: '2026-09-30T10:00:00+08:00',
    };
    const added = { ...testDataset.cases[1]!, id: 'NEW-0001' };
    let askedSince: string | null = null;
    server.use(
      http.get(`${TEST_FEED_BASE_URL}/cases`, ({ request }) => {
        askedSince = new URL(request.url).searchParams.get('updatedSince');
        return HttpResponse.json({
          items: [changed, added],
          nextCursor: null,
          serverTime: '2026-10-01T08:00:00+08:00',
        });
      }),
    );
    const second = await syncResource(casesSpec, config, first);
    expect(askedSince).toBe(first.serverTime);
    expect(second.serverTime).toBe('2026-10-01T08:00:00+08:00');
    expect(second.records).toHaveLength(first.records.length + 1);
    const updated = second.records.find((c) => c.id === changed.id);
    expect(updated?.completedAt).toBe(Date.parse('2026-09-30T10:00:00+08:00'));
    expect(second.records[second.records.length - 1]?.id).toBe('NEW-0001');
  });
});
