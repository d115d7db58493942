import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createServiceMock } from '../../mocks/service/handlers';
import { server, testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

describe('application shell', { timeout: 60_000 }, () => {
  it('shows the Chinese menu with every product page', async () => {
    renderApp('/overview');
    const nav = await screen.findByRole('navigation', { name: '效能督查看板' }, { timeout: 5000 });
    for (const label of [
      '总览',
      '预警督办',
      '慢作为',
      '部门排名',
      '督查事项',
      '数据导入',
      '设置',
      '审计日志',
    ]) {
      // Role-only pages (数据导入, 设置, 审计日志) join the menu once /me has said who is signed in.
      expect(await within(nav).findByRole('link', { name: label })).toBeInTheDocument();
    }
  });

  it('offers a liaison neither settings nor import, and refuses them by address', async () => {
    const liaison = createServiceMock({
      demo: testDataset,
      me: { name: 'liaison-d13', role: 'liaison', departmentId: 'D13' },
    });
    server.use(...liaison.handlers);
    renderApp('/settings');
    expect(await screen.findByTestId('page-forbidden', {}, { timeout: 10_000 })).toHaveTextContent(
      '无权访问此页面',
    );
    expect(screen.getByTestId('user-role')).toHaveTextContent('部门联络员');
    const nav = screen.getByRole('navigation', { name: '效能督查看板' });
    expect(within(nav).getByRole('link', { name: '督查事项' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: '设置' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: '数据导入' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: '审计日志' })).toBeNull();
  });

  it('keeps period and department in the URL when moving between pages, and drops page filters', async () => {
    const { user, router } = renderApp('/alerts?period=2025Q4&dept=D01&level=red');
    const nav = await screen.findByRole('navigation', { name: '效能督查看板' });
    await user.click(within(nav).getByRole('link', { name: '部门排名' }));
    // The route is lazy: the location changes once its code has loaded.
    await waitFor(() => expect(router.state.location.pathname).toBe('/rankings'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('period')).toBe('2025Q4');
    expect(params.get('dept')).toBe('D01');
    expect(params.get('level')).toBeNull();
  });

  it('shows the period from the URL in the header picker', async () => {
    renderApp('/overview?period=2025Q4');
    const picker = await screen.findByTestId('period-picker');
    expect(picker).toHaveTextContent('2025年第4季度');
  });

  it('writes the chosen period and kind into the URL', async () => {
    const { user, router } = renderApp('/overview?period=2025Q4');
    await user.click(await screen.findByTestId('period-picker'));
    await user.click(await screen.findByRole('menuitem', { name: '2025年第1季度' }));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('period')).toBe('2025Q1'),
    );
    // switching to months keeps the start of the chosen quarter
    await user.click(screen.getByText('月'));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('period')).toBe('2025-01'),
    );
    // The picker shows it once the page has re-rendered for the new URL.
    await waitFor(() => expect(screen.getByTestId('period-picker')).toHaveTextContent('2025年1月'));
  });

  it('switches the interface to English and back', async () => {
    const { user } = renderApp('/overview');
    await user.click(await screen.findByText('English'));
    expect(await screen.findByRole('link', { name: 'Rankings' })).toBeInTheDocument();
    await user.click(screen.getByText('中文'));
    expect(await screen.findByRole('link', { name: '部门排名' })).toBeInTheDocument();
  });

  it('shows a not-found page for an unknown address', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByText('页面不存在')).toBeInTheDocument();
  });
});
