/**
 * 审计日志 for the administrator: the service's log in a table with readable actions and roles,
 * a user filter the service applies, and a CSV link carrying the same filter.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../setup/render-app';

describe('audit page', { timeout: 60_000 }, () => {
  it('lists the log, filters by user on the service, and exports with the same filter', async () => {
    const { user } = renderApp('/audit');
    const table = await screen.findByTestId('audit-table', {}, { timeout: 10_000 });
    await within(table).findByText('督办操作', {}, { timeout: 10_000 });
    expect(within(table).getByText('登录')).toBeInTheDocument();
    expect(within(table).getByText('督查员')).toBeInTheDocument();
    // The detail's labels are words of the interface; the recorded values are shown as code.
    expect(within(table).getAllByText(/^接口：/).length).toBeGreaterThan(0);
    expect(
      within(table).getAllByText(/^\/api\/v1\/notices/, { selector: 'code' }).length,
    ).toBeGreaterThan(0);

    await user.type(screen.getByRole('searchbox', { name: '用户名' }), 'admin{Enter}');
    await waitFor(() => expect(within(table).queryByText('督办操作')).toBeNull());
    expect(within(table).getByText('登录')).toBeInTheDocument();
    const exportLink = screen.getByTestId('audit-export');
    expect(exportLink.getAttribute('href')).toMatch(/\/api\/v1\/audit\/export\.csv\?user=admin$/);
    expect(exportLink.textContent).toContain('1 条');
  });
});
