import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rankQuarter } from '../../src/engine/ranking';
import { indicatorRecords, rankingEvidence } from '../../src/engine/ranking-evidence';
import { serviceMock } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';
import { Q3, TEST_AS_OF_MS, testIndexed, useTestRankingSettings } from './rankings-helpers';

describe('rankings page', { timeout: 60_000 }, () => {
  it('defaults to the last complete quarter without changing the global period', async () => {
    useTestRankingSettings(3);
    const { router } = renderApp('/rankings');
    await screen.findByTestId('group-table-市直部门', {}, { timeout: 10000 });
    expect(screen.getByTestId('ranking-quarter')).toHaveTextContent('2026年第3季度');
    expect(screen.getByTestId('ranking-local-quarter')).toBeInTheDocument();
    // Opening 部门排名 leaves the shared period alone (issue 16 item 7): no period in the URL,
    // and the header still shows the default period of every other page.
    expect(new URLSearchParams(router.state.location.search).get('period')).toBeNull();
    await router.navigate('/overview');
    await waitFor(() => expect(router.state.location.pathname).toBe('/overview'));
    expect(new URLSearchParams(router.state.location.search).get('period')).toBeNull();
  });

  it('ranks within groups by default and shows each rate apart from its score', async () => {
    const settings = useTestRankingSettings(3);
    const expected = rankQuarter(testIndexed(), Q3, {
      asOfMs: TEST_AS_OF_MS,
      settings: settings.ranking,
    });
    const { user } = renderApp('/rankings?period=2026Q3');
    const first = expected.departments.find((d) => d.groupRank === 1 && d.group === '区县');
    expect(first).toBeDefined();
    const table = await screen.findByTestId('group-table-区县', {}, { timeout: 10000 });
    expect(within(table).getByTestId(`rank-${first!.departmentId}`)).toHaveTextContent('1');
    // The rate and the score are two labelled numbers: 超期件率 2.30% · 得分 97.70.
    const v = first!.indicators.overdueRate;
    const rate = within(table).getByTestId(`rate-${first!.departmentId}-overdueRate`);
    const score = within(table).getByTestId(`score-${first!.departmentId}-overdueRate`);
    expect(rate.textContent).toBe(`${((v.value ?? 0) * 100).toFixed(2)}%`);
    expect(score.textContent).toBe(`得分 ${(v.score ?? 0).toFixed(2)}`);
    // The city-wide list is the second view.
    await user.click(screen.getByText('全市排名'));
    const city = await screen.findByTestId('ranking-table');
    const top = expected.departments[0]!;
    expect(within(city).getByTestId(`rank-${top.departmentId}`)).toHaveTextContent(
      String(top.rank),
    );
  });

  it('lists every department as 样本不足 with the reason when none reaches the minimum volume', async () => {
    renderApp('/rankings?period=2026Q3&view=city');
    const expected = rankQuarter(testIndexed(), Q3, { asOfMs: TEST_AS_OF_MS });
    const withData = expected.departments.filter((d) => d.counted > 0);
    const table = await screen.findByTestId('insufficient-table', {}, { timeout: 10000 });
    expect(within(table).getAllByText(/少于最低样本量 30 件/)).toHaveLength(withData.length);
    expect(screen.getByText(/本季度没有部门达到最低样本量 30 件/)).toBeInTheDocument();
  });

  it('shows ranks with ▲▼ against the previous quarter and opens the cases behind a score', async () => {
    const settings = useTestRankingSettings(3);
    const expected = rankQuarter(testIndexed(), Q3, {
      asOfMs: TEST_AS_OF_MS,
      settings: settings.ranking,
    });
    const { user, router } = renderApp('/rankings?period=2026Q3&view=city');
    const table = await screen.findByTestId('ranking-table', {}, { timeout: 10000 });
    const moved = expected.departments.find((d) => d.rankChange !== null && d.rankChange !== 0);
    expect(moved).toBeDefined();
    const change = within(table).getByTestId(`change-${moved!.departmentId}`);
    expect(change).toHaveTextContent(
      moved!.rankChange! > 0 ? `▲${moved!.rankChange}` : `▼${-moved!.rankChange!}`,
    );
    // open the on-time score of the first ranked department
    const first = expected.departments[0]!;
    await user.click(within(table).getByTestId(`score-${first.departmentId}-onTimeRate`));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('drill')).toBe(
        `${first.departmentId}:onTimeRate`,
      ),
    );
    const drawer = await screen.findByTestId('evidence-numerator', {}, { timeout: 10000 });
    const records = indicatorRecords(
      rankingEvidence(testIndexed(), Q3, first.departmentId, {
        asOfMs: TEST_AS_OF_MS,
        settings: settings.ranking,
      }),
      'onTimeRate',
    );
    expect(records.numerator.length).toBe(first.indicators.onTimeRate.numerator);
    const links = within(drawer).getAllByRole('link');
    expect(links.map((a) => a.textContent).sort()).toEqual(
      [...records.numerator].sort().slice(0, links.length),
    );
    expect(links[0]).toHaveAttribute(
      'href',
      `/cases/${encodeURIComponent(links[0]!.textContent!)}`,
    );
  });

  it('states the methodology from the settings in use (weights, minimum volume, window)', async () => {
    const settings = useTestRankingSettings(3);
    serviceMock.setSettings({
      ...settings,
      ranking: {
        ...settings.ranking,
        rectificationWindowDays: 5,
        weights: { ...settings.ranking.weights, goodRate: 25 },
      },
    });
    const { user } = renderApp('/rankings?period=2026Q3');
    const panel = await screen.findByTestId('methodology', {}, { timeout: 10000 });
    await user.click(within(panel).getByText('排名口径说明'));
    expect(await within(panel).findByText('权重（合计 105）')).toBeInTheDocument();
    expect(within(panel).getByText('25（23.8%）')).toBeInTheDocument();
    expect(within(panel).getByText(/少于 3 件的部门列为“样本不足”/)).toBeInTheDocument();
    expect(within(panel).getAllByText(/评价之后 5 个工作日内整改反馈/).length).toBeGreaterThan(0);
  });
});
