/**
 * 逾期未反馈 on the 慢作为 page (issue 15 item 3): the service lists an unanswered 督办单 as a
 * department-level flag; the page counts it under its own rule, links the row to the notice, and
 * the table, the department × rule chart table and the CSV carry the same flag.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiPath } from '../../mocks/service/handlers';
import { slowActionResponse, type SlowActionResponse } from '../../src/contract/slow-action';
import { dayFromIso } from '../../src/domain/calendar';
import { server } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

const blobs: Blob[] = [];

beforeEach(() => {
  blobs.length = 0;
  // jsdom has no object URLs: capture what the page hands to the download helper.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
});

const NOTICE_FLAG: SlowActionResponse['items'][number] = {
  key: 'notice-overdue:D13:12:0',
  code: 'notice-overdue',
  rule: '逾期未反馈',
  caseId: null,
  departmentId: 'D13',
  departmentName: '市场监管局',
  sinceDay: dayFromIso('2026-09-25'),
  since: '2026-09-25',
  caseState: null,
  quarter: null,
  explanation:
    '督办单督〔2026〕第0012号要求于 2026-09-24 前反馈，逾期 4 个工作日未反馈（涉及 2 件办件）。',
  evidence: {
    noticeId: 12,
    notice: '督〔2026〕第0012号',
    dueOn: '2026-09-24',
    daysPast: 4,
    cases: 'C1,C2',
  },
};

describe('逾期未反馈 on the 慢作为 page', () => {
  it('counts the flag under its rule, links it to the notice, and exports it', async () => {
    server.use(
      http.get(apiPath('/slow-action'), () =>
        HttpResponse.json(
          slowActionResponse.parse({
            items: [NOTICE_FLAG],
            meta: { asOf: '2026-09-30T23:59:59+08:00', settingsVersion: 1, source: 'city' },
          }),
        ),
      ),
    );
    const { user } = renderApp('/slow-action?scope=all');
    const rules = await screen.findByTestId('slow-action-rules', undefined, { timeout: 15000 });
    expect(within(rules).getByTestId('rule-count-notice-overdue')).toHaveTextContent('1');
    expect(rules).toHaveTextContent('督办单在反馈期限内未反馈');

    const table = screen.getByTestId('slow-action-table');
    const link = within(table).getByRole('link', { name: '督〔2026〕第0012号' });
    expect(link.getAttribute('href')).toMatch(/^\/notices\/12(\?|$)/);
    expect(table).toHaveTextContent('逾期未反馈');
    expect(table).toHaveTextContent('4 个工作日');
    expect(table).toHaveTextContent('C1、C2');
    expect(screen.getByTestId('slow-action-matrix-table')).toHaveTextContent('市场监管局');

    await user.click(within(table).getByTestId('export-menu'));
    await user.click(await screen.findByText('导出 CSV'));
    await waitFor(() => expect(blobs.length).toBe(1), { timeout: 10000 });
    const csv = (await blobs[0]!.text()).replace(/^\uFEFF/, '');
    const [header, row, ...rest] = csv.trim().split(/\r?\n/);
    expect(rest).toEqual([]);
    expect(header).toContain('关键证据');
    expect(row).toContain('逾期未反馈');
    expect(row).toContain('督〔2026〕第0012号');
    expect(row).toContain('反馈期限：2026-09-24；逾期：4 个工作日');
  });
});
