/**
 * 预警督办 against the mock service over the 400-case test city (as of 2026-09-30). Expected
 * alerts are computed here independently — each parsed case through evaluateCase directly, no
 * dashboard model — and the page's count line, filters (from and to the URL, and as sent to the
 * service), drill-down and the service export links are checked against them.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { officialCalendar } from '../../src/domain/calendar';
import { evaluateCase, type WarningLevel } from '../../src/domain/time-limit';
import { parseRecords } from '../../src/feeds/result';
import { parseCase } from '../../src/feeds/schemas/case';
import type { DemoDataset } from '../../mocks/demo-city';
import { createServiceMock } from '../../mocks/service/handlers';
import { ALERTS_BLOCK_SIZE } from '../../src/api/alerts';
import { ALERT_EXPORT_COLUMNS } from '../../server/http/routes/alerts';
import { server, testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

const AS_OF_MS = Date.parse('2026-09-30T23:59:59+08:00');

interface Expected {
  id: string;
  departmentId: string;
  level: WarningLevel;
}

/**
 * The test city has only a handful of open cases on 2026-09-30; for the filter, sort and export
 * checks this variant reopens every case accepted from 2026-08-01 on (status 在办, no completion),
 * which gives red, yellow and early-warning cases across departments.
 */
const reopenedCity: DemoDataset = {
  ...testDataset,
  cases: testDataset.cases.map((c) =>
    c.acceptedAt >= '2026-08-01'
      ? { ...c, status: '在办' as const, completedAt: null, result: null }
      : c,
  ),
};

function useReopenedCity(): void {
  server.use(...createServiceMock({ demo: reopenedCity }).handlers);
}

/** Open cases with a warning, straight from the time-limit core. */
function expectedAlerts(dataset: DemoDataset): Expected[] {
  const cases = parseRecords('cases', dataset.cases, parseCase).accepted;
  const cal = officialCalendar();
  const out: Expected[] = [];
  for (const c of cases) {
    const ev = evaluateCase(c, AS_OF_MS, cal);
    if (!ev.completed && ev.level !== 'normal')
      out.push({ id: c.id, departmentId: c.departmentId, level: ev.level });
  }
  return out;
}

function countLine(list: readonly Expected[]): string {
  const n = (l: WarningLevel) => list.filter((e) => e.level === l).length.toLocaleString('zh-CN');
  return `共 ${list.length.toLocaleString('zh-CN')} 件（红牌 ${n('red')} / 黄牌 ${n('yellow')} / 预警 ${n('early-warning')}）`;
}

async function countText(): Promise<string> {
  return (await screen.findByTestId('alerts-count', {}, { timeout: 10_000 })).textContent ?? '';
}

/** The department with the most red cards (so the combined filter is never trivially empty). */
function busiestRedDepartment(all: readonly Expected[]): string {
  const by = new Map<string, number>();
  for (const e of all)
    if (e.level === 'red') by.set(e.departmentId, (by.get(e.departmentId) ?? 0) + 1);
  return [...by.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

afterEach(() => vi.restoreAllMocks());

describe('alerts page', () => {
  const all = expectedAlerts(reopenedCity);

  it('counts every open warning of the test city, as the time-limit core does', async () => {
    const plain = expectedAlerts(testDataset);
    expect(plain.length).toBeGreaterThan(0);
    renderApp('/alerts');
    expect(await countText()).toBe(countLine(plain));
  });

  it('counts the reopened city too, worst first', async () => {
    expect(new Set(all.map((e) => e.level)).size).toBe(3);
    expect(all.length).toBeGreaterThan(20);
    useReopenedCity();
    renderApp('/alerts');
    expect(await countText()).toBe(countLine(all));
    // Worst first: the first body row's level tag is a red card.
    const firstRow = await waitFor(() => {
      const row = screen.getByTestId('alerts-table').querySelector('[role="row"][data-index="0"]');
      expect(row).toHaveAttribute('data-case-id');
      return row;
    });
    expect(firstRow?.querySelector('.ant-tag')).toHaveTextContent('红牌');
  });

  it('opens with the URL filters applied (?level=red&dept=…)', async () => {
    const dept = busiestRedDepartment(all);
    const want = all.filter((e) => e.level === 'red' && e.departmentId === dept);
    expect(want.length).toBeGreaterThan(0);
    useReopenedCity();
    renderApp(`/alerts?level=red&dept=${dept}`);
    expect(await countText()).toBe(countLine(want));
    const links = await within(screen.getByTestId('alerts-table')).findAllByRole('link');
    const shown = links.map((a) => a.textContent);
    // The virtual list renders the visible rows; all of them must be wanted ones.
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(want.map((e) => e.id)).toContain(id);
  });

  it('writes filters and sort to the URL', { timeout: 45_000 }, async () => {
    useReopenedCity();
    const { user, router } = renderApp('/alerts');
    await countText();
    const params = () => new URLSearchParams(router.state.location.search);

    // Level (multi-select) → ?level=red
    await user.click(screen.getByRole('combobox', { name: '等级' }));
    const options = await screen.findAllByTitle('红牌');
    await user.click(
      options.find((o) => o.classList.contains('ant-select-item-option')) ?? options[0]!,
    );
    await waitFor(() => expect(params().get('level')).toBe('red'));
    expect(await countText()).toBe(countLine(all.filter((e) => e.level === 'red')));

    // Case-id search → ?q=
    const target = all.find((e) => e.level === 'red')!;
    const box = screen.getByRole('searchbox', { name: '搜索办件编号' });
    await user.type(box, `${target.id}{Enter}`);
    await waitFor(() => expect(params().get('q')).toBe(target.id));
    expect(await countText()).toBe(
      countLine(all.filter((e) => e.id.includes(target.id) && e.level === 'red')),
    );

    // Sorting a column → ?sort=
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(params().get('level')).toBeNull());
    await user.click(within(screen.getByTestId('alerts-table')).getByText('已用（工作日）'));
    await waitFor(() => expect(params().get('sort')).toBe('elapsed'));
    const header = () =>
      within(screen.getByTestId('alerts-table')).getByRole('columnheader', { name: /已用/ });
    await waitFor(() => expect(header()).toHaveAttribute('aria-sort', 'ascending'));
    // The sort headers are buttons: the keyboard flips the order too.
    within(header()).getByRole('button').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(params().get('sort')).toBe('-elapsed'));
    await waitFor(() => expect(header()).toHaveAttribute('aria-sort', 'descending'));
  });

  it('shows an empty state that says why', async () => {
    renderApp('/alerts?q=no-such-case');
    expect(await screen.findByTestId('alerts-empty', {}, { timeout: 10_000 })).toHaveTextContent(
      '当前筛选条件下没有预警件',
    );
    expect(await countText()).toBe('共 0 件（红牌 0 / 黄牌 0 / 预警 0）');
  });

  it('drills down to the case page', async () => {
    useReopenedCity();
    const { user, router } = renderApp('/alerts?level=red');
    await countText();
    const first = (await within(screen.getByTestId('alerts-table')).findAllByRole('link'))[0]!;
    const id = first.textContent ?? '';
    await user.click(first);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/cases/${encodeURIComponent(id)}`),
    );
  });

  it('asks the service for the blocks it shows, with the filters and sort of the URL', async () => {
    const asked: URLSearchParams[] = [];
    const listen = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/alerts') asked.push(url.searchParams);
    };
    server.events.on('request:start', listen);
    try {
      useReopenedCity();
      renderApp('/alerts?level=red&sort=-remaining');
      await countText();
      const q = asked.at(-1);
      expect(q?.get('level')).toBe('red');
      expect(q?.get('sort')).toBe('-remaining');
      // The first block: the rows in view, nothing further until the table scrolls there.
      expect(asked.map((a) => a.get('page'))).toEqual(asked.map(() => '1'));
      expect(q?.get('pageSize')).toBe(String(ALERTS_BLOCK_SIZE));
    } finally {
      server.events.removeListener('request:start', listen);
    }
  });

  it('shows the columns of the service export, and links both exports to the same query', async () => {
    const want = all.filter((e) => e.level !== 'early-warning');
    useReopenedCity();
    const { user } = renderApp('/alerts?level=red,yellow&sort=-elapsed');
    expect(await countText()).toBe(countLine(want));
    const headers = within(screen.getByTestId('alerts-table'))
      .getAllByRole('columnheader')
      .map((th) => th.textContent?.trim() ?? '')
      .filter((h) => h !== '');
    // The export's columns in the export's order; the table leaves out the two code columns.
    const exported = ALERT_EXPORT_COLUMNS.map((c) => c.header).filter(
      (h) => h !== '部门编码' && h !== '事项编码',
    );
    expect(headers).toEqual(exported);
    await user.click(screen.getByTestId('export-menu'));
    for (const format of ['xlsx', 'csv']) {
      const link = await screen.findByTestId(`export-${format}`);
      const url = new URL(link.getAttribute('href') ?? '');
      expect(url.pathname).toBe(`/api/v1/alerts/export.${format}`);
      expect(url.searchParams.get('level')).toBe('red,yellow');
      expect(url.searchParams.get('sort')).toBe('-elapsed');
      // Every matching row: no page in the export's query.
      expect(url.searchParams.get('page')).toBeNull();
      expect(link).toHaveTextContent(want.length.toLocaleString('zh-CN'));
    }
  });
});
