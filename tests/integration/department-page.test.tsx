import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar, shanghaiDayOf } from '../../src/domain/calendar';
import { parsePeriod, periodRange } from '../../src/domain/period/period';
import { evaluateCase, type CaseEvaluation } from '../../src/domain/time-limit';
import { parseCase, type CaseRecord } from '../../src/feeds/schemas/case';
import { testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

/**
 * Figures for one department computed here, without the engine or summaries.ts: every parsed
 * case through evaluateCase as of 2026-09-30 23:59:59 (+08:00), counted by hand.
 */
let evaluated: { c: CaseRecord; ev: CaseEvaluation }[];

beforeAll(() => {
  const asOfMs = Date.parse('2026-09-30T23:59:59+08:00');
  const cal = officialCalendar();
  evaluated = [];
  for (const raw of testDataset.cases) {
    const r = parseCase(raw);
    if (r.ok) evaluated.push({ c: r.value, ev: evaluateCase(r.value, asOfMs, cal) });
  }
});

/**
 * The department with the most cases completed in 2026Q3 among those with open cases too (so
 * every KPI has something to count).
 */
function busiestDepartment(): string {
  const q3 = periodRange(parsePeriod('2026Q3')!);
  const open = new Set<string>();
  const done = new Map<string, number>();
  for (const { c, ev } of evaluated) {
    if (!ev.completed) open.add(c.departmentId);
    else if (c.completedAt !== null) {
      const d = shanghaiDayOf(c.completedAt);
      if (d >= q3.from && d <= q3.to) done.set(c.departmentId, (done.get(c.departmentId) ?? 0) + 1);
    }
  }
  return [...done.entries()]
    .filter(([id]) => open.has(id))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

function kpiText(key: string): string {
  return (
    screen.getByTestId(`kpi-${key}`).querySelector('.ant-statistic-content')?.textContent ?? ''
  );
}

describe('department page', () => {
  it('shows the KPIs of one department as computed independently', { timeout: 30000 }, async () => {
    const dept = busiestDepartment();
    const mine = evaluated.filter((e) => e.c.departmentId === dept);
    const open = mine.filter((e) => !e.ev.completed);
    const level = (l: string) => open.filter((e) => e.ev.level === l).length;
    const q3 = periodRange(parsePeriod('2026Q3')!);
    const done = mine.filter((e) => {
      if (!e.ev.completed || e.c.completedAt === null) return false;
      const d = shanghaiDayOf(e.c.completedAt);
      return d >= q3.from && d <= q3.to;
    });
    const withDeadline = done.filter((e) => e.ev.onTime !== null);
    const onTime = withDeadline.filter((e) => e.ev.onTime === true).length;
    const meanElapsed = done.reduce((s, e) => s + e.ev.elapsedDays, 0) / done.length;
    expect(open.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThan(0);

    renderApp(`/departments/${dept}?period=2026Q3`);
    await screen.findByTestId('department-kpis', undefined, { timeout: 15000 });
    const name = testDataset.departments.find((d) => d.id === dept)!.name;
    expect(screen.getByTestId('department-name')).toHaveTextContent(name);
    expect(kpiText('open')).toBe(String(open.length));
    expect(kpiText('early')).toBe(String(level('early-warning')));
    expect(kpiText('yellow')).toBe(String(level('yellow')));
    expect(kpiText('red')).toBe(String(level('red')));
    const rate = ((onTime / withDeadline.length) * 100).toFixed(1);
    expect(kpiText('on-time')).toBe(`${rate}%`);
    expect(kpiText('mean')).toBe(`${meanElapsed.toFixed(1)} 个工作日`);
    expect(screen.getByTestId('kpi-on-time')).toHaveTextContent(`办结 ${done.length} 件`);
    // The KPI numbers link to the alerts page filtered to this department.
    const red = within(screen.getByTestId('kpi-red')).getByRole('link');
    expect(red.getAttribute('href')).toContain(`dept=${dept}`);
    expect(red.getAttribute('href')).toContain('level=red');
  });

  it(
    'lists the worst open alerts with a link to all, and every item of the department',
    { timeout: 30000 },
    async () => {
      const dept = busiestDepartment();
      const warned = evaluated.filter(
        (e) => e.c.departmentId === dept && !e.ev.completed && e.ev.level !== 'normal',
      );
      renderApp(`/departments/${dept}`);
      const alerts = await screen.findByTestId('department-alerts', undefined, { timeout: 15000 });
      const shown = alerts.querySelectorAll('tbody tr.ant-table-row');
      expect(shown.length).toBe(Math.min(10, warned.length));
      if (warned.length > 0) {
        const all = within(alerts).getByRole('link', { name: `查看全部 ${warned.length} 件` });
        expect(all.getAttribute('href')).toBe(`/alerts?dept=${dept}`);
        // Red before yellow before 预警.
        const order = { red: 0, yellow: 1, 'early-warning': 2 } as const;
        const levels = [...shown].map((tr) => tr.querySelector('.ant-tag')?.textContent);
        const rank = levels.map((l) =>
          l === '红牌' ? order.red : l === '黄牌' ? order.yellow : 2,
        );
        expect([...rank].sort((a, b) => a - b)).toEqual(rank);
      }
      const items = screen.getByTestId('department-items');
      const codes = new Set(
        testDataset.items.filter((i) => i.departmentId === dept).map((i) => i.code),
      );
      for (const code of codes) expect(items).toHaveTextContent(code);
    },
  );

  it('shows six quarters of on-time rate, cards issued and rank', { timeout: 30000 }, async () => {
    const dept = busiestDepartment();
    const mine = evaluated.filter((e) => e.c.departmentId === dept);
    renderApp(`/departments/${dept}?period=2026Q3`);
    const table = await screen.findByTestId('department-trend-table', undefined, {
      timeout: 15000,
    });
    const rows = [...table.querySelectorAll('tbody tr.ant-table-row')];
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual([
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
    ]);
    const q2 = periodRange(parsePeriod('2026Q2')!);
    const inQ2 = (d: number | null) => d !== null && d >= q2.from && d <= q2.to;
    const red = mine.filter((e) => inQ2(e.ev.redSince)).length;
    const yellow = mine.filter((e) => inQ2(e.ev.yellowSince)).length;
    const cells = [...rows[4]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[3]).toBe(String(yellow));
    expect(cells[4]).toBe(String(red));
    // The rank comes from the rankings function once computed (the fixture is too small to rank).
    await within(table).findAllByText('未排名', undefined, { timeout: 15000 });
  });

  it('shows a clear not-found state for an unknown department', async () => {
    renderApp('/departments/NO-SUCH-DEPT');
    const panel = await screen.findByTestId('department-not-found', undefined, { timeout: 15000 });
    expect(panel).toHaveTextContent('找不到部门“NO-SUCH-DEPT”');
    expect(within(panel).getByRole('link', { name: '返回总览' })).toBeInTheDocument();
  });
});
