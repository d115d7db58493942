/**
 * Issue 18.4: a dataset the service refused to evaluate (too big for its heap) is shown as such —
 * the page says 内存不足，无法评估 with the service's reason (rows, need, limit, how to raise it),
 * the source switch marks the dataset, and no other source's figures appear.
 */
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServiceMock } from '../../mocks/service/handlers';
import { server, testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

const REFUSED = 'import:big320';
const REASON =
  '内存不足，无法评估：3,200,000 条记录估计需要约 4,883 MB 堆内存，服务的堆上限为 4,144 MB（已用 120 MB）。请以更大的堆上限重启服务，例如 serve --max-heap-mb 6500（或 NODE_OPTIONS=--max-old-space-size=N）';

const mock = createServiceMock({
  demo: testDataset,
  imports: [{ id: REFUSED, label: '全市办件.csv', memoryRefusal: REASON }],
});

beforeEach(() => {
  server.use(...mock.handlers);
});

describe('an imported dataset too big for the service', { timeout: 60_000 }, () => {
  it('the overview says 内存不足，无法评估 with the reason, and shows no figures', async () => {
    renderApp(`/overview?source=${encodeURIComponent(REFUSED)}`);
    const error = await screen.findByTestId('query-error', {}, { timeout: 20_000 });
    expect(error).toHaveTextContent('内存不足，无法评估');
    expect(within(error).getByTestId('query-error-detail')).toHaveTextContent(
      '3,200,000 条记录估计需要约 4,883 MB 堆内存',
    );
    expect(error).toHaveTextContent('--max-heap-mb');
    expect(screen.queryByTestId('overdue-tasks-count')).toBeNull();
  });

  it('the source switch marks the dataset 内存不足，无法评估', async () => {
    renderApp(`/overview?source=${encodeURIComponent(REFUSED)}`);
    const select = await screen.findByTestId('source-switch', {}, { timeout: 20_000 });
    expect(
      await within(select).findByText(/全市办件\.csv.*内存不足，无法评估/, {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
  });

  it('the 数据导入 list marks the dataset 内存不足，无法评估', async () => {
    renderApp('/import');
    const list = await screen.findByTestId('dataset-list', {}, { timeout: 20_000 });
    const mark = await within(list).findByTestId('dataset-memory-refused', {}, { timeout: 20_000 });
    expect(mark).toHaveTextContent('内存不足，无法评估');
  });
});
