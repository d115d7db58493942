/**
 * The import page, as a new user meets it: pick a 311-style CSV (English headers, +00 offsets,
 * explicit due timestamps) → mapping auto-detected → preview → import (inline worker fallback,
 * fake IndexedDB) → report whose counts add up → switch to the data → the overview and alerts
 * count the imported cases, computed here independently through the CLI's own file reader.
 */
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/calendar';
import { evaluateCase } from '../../src/domain/time-limit';
import { parseCaseFile } from '../../src/feeds/case-file';
import { parseColumnMapping } from '../../src/feeds/mapping';
import { useDataSourceStore } from '../../src/state/data-source';
import { renderApp } from '../setup/render-app';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'import');
const CSV = readFileSync(join(FIX, 'city311.csv'), 'utf8');
const AS_OF_MS = Date.parse('2026-09-30T23:59:59+08:00');

function expectedOpen() {
  const mapping = parseColumnMapping(
    JSON.parse(readFileSync(join(FIX, 'city311.mapping.json'), 'utf8')),
  );
  if (!mapping.ok) throw new Error(mapping.reason);
  const file = parseCaseFile(CSV, 'csv', mapping.value);
  const cal = officialCalendar();
  let open = 0;
  let red = 0;
  for (const { value } of file.cases) {
    const ev = evaluateCase(value, AS_OF_MS, cal);
    if (!ev.completed) {
      open += 1;
      if (ev.level === 'red') red += 1;
    }
  }
  return {
    open,
    red,
    total: file.total,
    accepted: file.cases.length,
    rejected: file.rejected.length,
  };
}

describe('import page', () => {
  it(
    'imports a 311-style CSV end to end and the dashboard shows it',
    { timeout: 90_000 },
    async () => {
      useDataSourceStore.setState({ choice: { kind: 'feed' } });
      const { user, container, router } = renderApp('/import');
      const e = expectedOpen();
      expect(e.open).toBeGreaterThan(0);

      const input = await waitFor(
        () => {
          const el = container.querySelector<HTMLInputElement>('input[type=file]');
          if (!el) throw new Error('no file input yet');
          return el;
        },
        { timeout: 10_000 },
      );
      await user.upload(input, new File([CSV], 'city311.csv', { type: 'text/csv' }));

      // Mapping: English headers detected, +00 offsets reported.
      const table = await screen.findByTestId('mapping-table', {}, { timeout: 10_000 });
      expect(
        within(screen.getByTestId('map-acceptedAt')).getByText('Created Date'),
      ).toBeInTheDocument();
      expect(within(table).getByTestId('map-dueAt')).toHaveTextContent('Due Date');
      expect(within(table).getByTestId('map-id')).toHaveTextContent('Unique Key');
      expect(screen.getByText(/数据自带时区 \+00/)).toBeInTheDocument();
      await user.click(screen.getByTestId('mapping-next'));

      // Preview: parsed values in Beijing time (00:00+00 = 08:00+08).
      const preview = await screen.findByTestId('preview-table');
      expect(within(preview).getAllByText('2026-08-01 08:00:00 (UTC+8)').length).toBeGreaterThan(0);
      await user.click(screen.getByTestId('import-start'));

      // Report: counts add up to the file's records and equal the CLI reader's.
      const report = await screen.findByTestId('import-report', {}, { timeout: 15_000 });
      expect(
        within(screen.getByTestId('report-total')).getByText(String(e.total)),
      ).toBeInTheDocument();
      expect(
        within(screen.getByTestId('report-accepted')).getByText(String(e.accepted)),
      ).toBeInTheDocument();
      expect(
        within(screen.getByTestId('report-rejected')).getByText(String(e.rejected)),
      ).toBeInTheDocument();
      expect(e.accepted + e.rejected).toBe(e.total);
      expect(within(report).getByTestId('report-sum')).toHaveTextContent(
        `已接收 ${e.accepted} + 已拒收 ${e.rejected} = 文件中的 ${e.total} 条记录`,
      );
      const rejected = within(report).getByTestId('rejected-table');
      expect(within(rejected).getByText(/办件编号重复/)).toBeInTheDocument();
      expect(within(rejected).getByText('64')).toBeInTheDocument(); // the duplicate's line in the file

      // The source list shows it; switch to it and the overview counts the imported cases.
      expect(
        await within(screen.getByTestId('source-list')).findByText('导入：city311.csv'),
      ).toBeInTheDocument();
      await user.click(screen.getByTestId('import-activate'));
      await waitFor(() => expect(router.state.location.pathname).toBe('/overview'), {
        timeout: 10_000,
      });
      const open = await screen.findByTestId('kpi-open', {}, { timeout: 15_000 });
      await waitFor(
        () => expect(within(open).getByTestId('kpi-open-link').textContent).toBe(String(e.open)),
        { timeout: 15_000 },
      );
      expect(within(screen.getByTestId('kpi-red')).getByTestId('kpi-red-link').textContent).toBe(
        String(e.red),
      );

      // Alerts list the imported cases only.
      await router.navigate('/alerts?level=red');
      const count = await screen.findByTestId('alerts-count', {}, { timeout: 15_000 });
      await waitFor(() => expect(count.textContent).toContain(String(e.red)));
      expect(screen.getAllByText(/^700000\d\d$/).length).toBeGreaterThan(0);

      // Back to the feed: the demo city's cases again.
      useDataSourceStore.setState({ choice: { kind: 'feed' } });
      await waitFor(() => expect(screen.queryAllByText(/^700000\d\d$/).length).toBe(0), {
        timeout: 15_000,
      });
    },
  );
});
