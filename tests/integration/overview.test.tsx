/**
 * The overview page against the 400-case test city (as of 2026-09-30): every number on screen is
 * compared with values computed here independently — each case run through the time-limit core
 * directly (no dashboard model, no summaries) — and every number opens the list it counts.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/calendar';
import { evaluateCase, type WarningLevel } from '../../src/domain/time-limit';
import { parseRecords } from '../../src/feeds/result';
import { parseCase } from '../../src/feeds/schemas/case';
import { testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

const AS_OF_MS = Date.parse('2026-09-30T23:59:59+08:00');
const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Expected figures, straight from evaluateCase over the parsed test dataset. */
function expected(from: string, to: string) {
  const cases = parseRecords('cases', testDataset.cases, parseCase).accepted;
  const cal = officialCalendar();
  const levels: Record<WarningLevel, number> = { normal: 0, 'early-warning': 0, yellow: 0, red: 0 };
  let open = 0;
  let completed = 0;
  let withDeadline = 0;
  let onTime = 0;
  let elapsed = 0;
  const redByDept = new Map<string, number>();
  for (const c of cases) {
    const ev = evaluateCase(c, AS_OF_MS, cal);
    if (!ev.completed) {
      open += 1;
      levels[ev.level] += 1;
      if (ev.level === 'red')
        redByDept.set(c.departmentId, (redByDept.get(c.departmentId) ?? 0) + 1);
      continue;
    }
    const date = shanghaiDate.format(new Date(c.completedAt!));
    if (date < from || date > to) continue;
    completed += 1;
    elapsed += ev.elapsedDays;
    if (ev.onTime !== null) {
      withDeadline += 1;
      if (ev.onTime) onTime += 1;
    }
  }
  const depts = new Set(cases.map((c) => c.departmentId));
  return { open, levels, completed, withDeadline, onTime, elapsed, redByDept, depts };
}

const zhCount = (n: number) => n.toLocaleString('zh-CN');
const zhPercent = (r: number) =>
  r.toLocaleString('zh-CN', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

async function kpiValue(testId: string): Promise<string> {
  const card = await screen.findByTestId(testId, {}, { timeout: 10_000 });
  return within(card).getByTestId(`${testId}-link`).textContent ?? '';
}

describe('overview page', () => {
  it('shows the open counts, the quarter’s completion and the stamps computed independently', async () => {
    renderApp('/overview');
    const e = expected('2026-07-01', '2026-09-30');
    expect(e.open).toBeGreaterThan(0);
    expect(e.levels.red).toBeGreaterThan(0);
    expect(e.completed).toBeGreaterThan(0);

    expect(await kpiValue('kpi-open')).toBe(zhCount(e.open));
    expect(await kpiValue('kpi-early-warning')).toBe(zhCount(e.levels['early-warning']));
    expect(await kpiValue('kpi-yellow')).toBe(zhCount(e.levels.yellow));
    expect(await kpiValue('kpi-red')).toBe(zhCount(e.levels.red));
    expect(await kpiValue('kpi-completed')).toBe(zhCount(e.completed));
    expect(await kpiValue('kpi-on-time')).toBe(zhPercent(e.onTime / e.withDeadline));
    expect(await kpiValue('kpi-mean-elapsed')).toBe(
      `${(e.elapsed / e.completed).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}工作日`,
    );
    expect(screen.getByTestId('kpi-on-time')).toHaveTextContent(
      `按时办结 ${zhCount(e.onTime)} / 有承诺时限的办结件 ${zhCount(e.withDeadline)}`,
    );
    expect(screen.getByTestId('overview-as-of')).toHaveTextContent('统计截止 2026-09-30');
    expect(screen.getByTestId('overview-coverage')).toHaveTextContent(
      new RegExp(`^${e.depts.size} / \\d+ 个部门有数据$`),
    );
    expect(screen.getByText('2026年第3季度办结情况')).toBeInTheDocument();
  });

  it('follows the period in the URL for the completion figures only', async () => {
    renderApp('/overview?period=2026-08');
    const e = expected('2026-08-01', '2026-08-31');
    expect(await kpiValue('kpi-completed')).toBe(zhCount(e.completed));
    expect(await kpiValue('kpi-open')).toBe(zhCount(e.open));
  });

  it('lists the departments with the most red cards, with links to their lists', async () => {
    renderApp('/overview');
    const e = expected('2026-07-01', '2026-09-30');
    const frame = await screen.findByTestId('chart-red-departments', {}, { timeout: 10_000 });
    const table = within(frame).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const top = [...e.redByDept.entries()].sort((a, b) => b[1] - a[1]);
    expect(rows).toHaveLength(Math.min(10, top.length));
    const shown = rows.map((r) => Number(within(r).getAllByRole('cell')[1]!.textContent));
    expect(shown[0]).toBe(top[0]![1]);
    expect(shown.reduce((s, n) => s + n, 0)).toBe(top.slice(0, 10).reduce((s, [, n]) => s + n, 0));
    const firstRed = within(rows[0]!).getAllByRole('link')[1]!;
    expect(firstRed.getAttribute('href')).toMatch(/^\/alerts\?level=red&dept=/);
    // The chart is drawn (bars), and says in words what it shows.
    expect(within(frame).getByTestId('chart-area').getAttribute('aria-label')).toContain('红牌');
    await waitFor(() =>
      expect(frame.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThan(0),
    );
  });

  it('opens the alerts list at the level of the card clicked', async () => {
    const { user, router } = renderApp('/overview?period=2026Q3');
    await screen.findByTestId('kpi-red', {}, { timeout: 10_000 });
    expect(screen.getByTestId('kpi-yellow-link')).toHaveAttribute(
      'href',
      '/alerts?period=2026Q3&level=yellow',
    );
    await user.click(screen.getByTestId('kpi-red-link'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/alerts'));
    expect(new URLSearchParams(router.state.location.search).get('level')).toBe('red');
  });

  it('opens the department list behind 在办 and 按时办结率, whose rows add up to the city', async () => {
    const { user } = renderApp('/overview');
    const e = expected('2026-07-01', '2026-09-30');
    await user.click(await screen.findByTestId('kpi-on-time-link', {}, { timeout: 10_000 }));
    const drawer = await screen.findByRole('dialog');
    expect(drawer).toHaveTextContent('按时办结率 = 按时办结件 ÷ 有承诺时限的办结件');
    const table = within(drawer).getByTestId('overview-department-table');
    const bodyRows = table.querySelectorAll('tbody tr.ant-table-row');
    let open = 0;
    let completed = 0;
    for (const row of bodyRows) {
      const cells = row.querySelectorAll('td');
      open += Number(cells[1]!.textContent);
      completed += Number(cells[4]!.textContent);
    }
    expect(open).toBe(e.open);
    expect(completed).toBe(e.completed);
    expect(within(drawer).getByText('全市合计')).toBeInTheDocument();
  });
});
