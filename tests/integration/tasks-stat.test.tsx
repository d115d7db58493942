/**
 * The shared 逾期督查事项 statistic (src/ui/overdue-tasks-stat.tsx) that the overview and the
 * department page show: its count equals an independent count, and it links to exactly those tasks.
 */
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../src/app/providers';
import { OverdueTasksStat } from '../../src/ui/overdue-tasks-stat';
import { testDataset } from '../setup/feed-fixture';
import { testConfig } from '../setup/render-app';
import { refEvaluate } from './tasks-reference';

const AS_OF = '2026-09-30';
const ref = testDataset.tasks.map((t) => refEvaluate(t, AS_OF));

function renderStat(departmentId?: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <OverdueTasksStat departmentId={departmentId} />,
      },
      { path: '/tasks', element: <div>tasks</div> },
    ],
    { initialEntries: ['/'] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders config={testConfig()} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('OverdueTasksStat', () => {
  it('counts the city’s overdue tasks and milestones', async () => {
    renderStat();
    const link = await screen.findByTestId('overdue-tasks-count', {}, { timeout: 10_000 });
    const overdue = ref.filter((r) => r.status === 'overdue').length;
    expect(overdue).toBeGreaterThan(0);
    expect(link).toHaveTextContent(String(overdue));
    const ms = ref.reduce((n, r) => n + r.overdueMilestones, 0);
    const open = ref.filter((r) => r.status !== 'done').length;
    expect(screen.getByTestId('overdue-tasks-stat')).toHaveTextContent(
      `逾期节点 ${ms} 个 · 在办事项 ${open} 项`,
    );
    expect(link.getAttribute('href')).toBe('/tasks?status=overdue&scope=all');
  });

  it('counts one lead department’s and links to its list', async () => {
    const by = new Map<string, number>();
    for (const r of ref) if (r.status === 'overdue') by.set(r.lead, (by.get(r.lead) ?? 0) + 1);
    const [dept, n] = [...by.entries()].sort((a, b) => b[1] - a[1])[0]!;
    renderStat(dept);
    const link = await screen.findByTestId('overdue-tasks-count', {}, { timeout: 10_000 });
    expect(link).toHaveTextContent(String(n));
    expect(link.getAttribute('href')).toBe(`/tasks?status=overdue&scope=all&dept=${dept}`);
  });
});
