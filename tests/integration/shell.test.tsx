import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../setup/render-app';

describe('application shell', () => {
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
    ]) {
      expect(within(nav).getByRole('link', { name: label })).toBeInTheDocument();
    }
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
    expect(screen.getByTestId('period-picker')).toHaveTextContent('2025年1月');
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
