import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { officialCalendar } from '../../src/domain/calendar';
import y2026 from '../../src/domain/calendar/holiday-cn/2026.json';
import { evaluateCase } from '../../src/domain/time-limit';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/settings';
import { parseCase } from '../../src/feeds/schemas/case';
import { useSettingsDraft } from '../../src/features/settings/settings-draft';
import { serviceMock, testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

const AS_OF = Date.parse('2026-09-30T23:59:59+08:00');
const EARLY_LABEL = '预警阈值：剩余承诺时限不超过';

/** Open 预警 cases of the test dataset at a threshold, computed without the engine. */
function earlyWarnings(days: number): number {
  let n = 0;
  for (const w of testDataset.cases) {
    const r = parseCase(w);
    if (!r.ok) continue;
    const ev = evaluateCase(r.value, AS_OF, officialCalendar(), { earlyWarningDays: days });
    if (!ev.completed && ev.level === 'early-warning') n += 1;
  }
  return n;
}

beforeEach(() => {
  useSettingsDraft.getState().clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function openSettings() {
  const app = renderApp('/settings');
  await screen.findByTestId('settings-form', {}, { timeout: 10_000 });
  return app;
}

describe('settings page', { timeout: 60_000 }, () => {
  it('shows a readable reason for an invalid value, keeps what was typed, and saves nothing', async () => {
    const { user } = await openSettings();
    const input = screen.getByLabelText(EARLY_LABEL);
    await user.clear(input);
    await user.type(input, '-1');
    expect(await screen.findByText('不能为负数')).toBeInTheDocument();
    expect(screen.getByTestId('settings-invalid')).toHaveTextContent('有 1 处输入需要更正');
    const form = screen.getByTestId('settings-form');
    const save = within(form).getByRole('button', { name: '保存设置' });
    expect(save).toBeDisabled();
    await user.type(input, '{Enter}');
    expect(serviceMock.current().settings.warning.earlyWarningDays).toBe(2);
    expect(input).toHaveValue('-1');

    const share = screen.getByLabelText(/临期突击：恰在承诺期限当日办结的比例达到/);
    await user.clear(share);
    await user.type(share, '1.5');
    expect(await screen.findByText(/比例应在 0 至 1 之间/)).toBeInTheDocument();
    expect(serviceMock.current().settings.slowAction.deadlineRushShare).toBe(0.3);

    // all weights zero: each field is fine on its own, the whole set is refused with a reason
    await user.clear(input);
    await user.type(input, '2');
    await user.clear(share);
    await user.type(share, '0.3');
    for (const name of [
      '按时办结率',
      '提前办结率',
      '时限利用率',
      '超期件率',
      '好评率',
      '差评整改率',
      '慢作为率',
    ]) {
      // (one change event per field: typing into seven fields is slow under jsdom)
      fireEvent.change(screen.getByLabelText(name), { target: { value: '0' } });
    }
    expect(await screen.findByTestId('settings-check')).toHaveTextContent(
      '至少一个指标的权重应大于 0',
    );
    expect(screen.getByTestId('settings-weight-sum')).toHaveTextContent('权重合计：0');
    expect(save).toBeDisabled();
    expect(serviceMock.current().settings.ranking.weights.onTimeRate).toBe(30);
  });

  it('recomputes every case when a new early-warning threshold is saved', async () => {
    const before = earlyWarnings(2);
    const threshold = [5, 10, 20, 40].find((t) => earlyWarnings(t) !== before);
    if (threshold === undefined) throw new Error('no threshold changes the 预警 count');
    const after = earlyWarnings(threshold);
    const { user } = await openSettings();
    const counts = await screen.findByTestId('settings-effect-counts', {}, { timeout: 10_000 });
    expect(counts).toHaveTextContent(`预警 ${before} 件`);
    const input = screen.getByLabelText(EARLY_LABEL);
    await user.clear(input);
    await user.type(input, String(threshold));
    await user.click(
      within(screen.getByTestId('settings-form')).getByRole('button', { name: '保存设置' }),
    );
    expect(serviceMock.current().settings.warning.earlyWarningDays).toBe(threshold);
    await waitFor(
      () =>
        expect(screen.getByTestId('settings-effect-counts')).toHaveTextContent(`预警 ${after} 件`),
      { timeout: 10_000 },
    );
  });

  it('exports the settings as JSON and imports them back; an invalid file changes nothing', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:settings';
    });
    URL.revokeObjectURL = vi.fn();
    const custom = {
      ...DEFAULT_ENGINE_SETTINGS,
      warning: { earlyWarningDays: 4 },
      ranking: { ...DEFAULT_ENGINE_SETTINGS.ranking, minCountedCases: 12 },
    };
    // The service holds these settings when the page opens.
    serviceMock.setSettings(custom);
    const { user } = await openSettings();
    const actions = screen.getByTestId('settings-file-actions');
    await user.click(within(actions).getByRole('button', { name: /导出设置/ }));
    expect(blobs).toHaveLength(1);
    const text = await blobs[0]!.text();
    expect(JSON.parse(text)).toEqual(custom);

    serviceMock.reset();
    const input = screen.getByTestId('settings-file-input');
    await user.upload(input, new File([text], 'exported.json', { type: 'application/json' }));
    await waitFor(() => expect(serviceMock.current().settings).toEqual(custom));
    expect(screen.getByLabelText(EARLY_LABEL)).toHaveValue('4');

    const bad = JSON.stringify({
      warning: { earlyWarningDays: -3 },
      ranking: { weights: { onTimeRate: 'x' } },
    });
    await user.upload(input, new File([bad], 'bad.json', { type: 'application/json' }));
    const error = await screen.findByTestId('settings-import-error');
    expect(error).toHaveTextContent('bad.json');
    expect(error).toHaveTextContent('earlyWarningDays');
    expect(error).toHaveTextContent('onTimeRate');
    expect(serviceMock.current().settings).toEqual(custom);

    await user.upload(input, new File(['{not json'], 'broken.json'));
    expect(await screen.findByText(/不是有效的 JSON 文件/)).toBeInTheDocument();
    expect(serviceMock.current().settings).toEqual(custom);
  });

  it('loads a new year of the official calendar, extends the coverage, and removes it again', async () => {
    const { user } = await openSettings();
    const coverage = screen.getByTestId('settings-calendar-coverage');
    expect(coverage).toHaveTextContent('2007–2026');
    expect(coverage).toHaveTextContent('2026-12-31');
    // a 2027 file made from 2026's arrangement shifted by a year (a stand-in for the real notice)
    const shifted = {
      year: 2027,
      papers: ['https://example.test/2027-notice'],
      days: y2026.days.map((d) => ({
        ...d,
        date: d.date.replace(/^2026-/, '2027-').replace(/^2025-/, '2026-'),
      })),
    };
    const input = screen.getByTestId('calendar-file-input');
    await user.upload(
      input,
      new File([JSON.stringify({ year: 2028, papers: [], days: [] })], 'empty.json'),
    );
    expect(await screen.findByTestId('calendar-error')).toHaveTextContent('未列出任何日期');
    expect(serviceMock.current().settings.extraCalendarFiles).toHaveLength(0);

    await user.upload(input, new File([JSON.stringify(shifted)], '2027.json'));
    await waitFor(() => expect(coverage).toHaveTextContent('2007–2027'));
    expect(coverage).toHaveTextContent('2027-12-31');
    const stored = serviceMock.current().settings.extraCalendarFiles;
    expect(stored.map((f) => f.year)).toEqual([2027]);
    const card = screen.getByTestId('settings-calendar');
    expect(within(card).getByText('新增年度')).toBeInTheDocument();

    // (getByRole is very slow on this page under jsdom; the texts are unique within their boxes)
    await user.click(within(card).getByText('移除 2027'));
    const confirm = await screen.findByText('移除 2027 年安排？');
    const popup = confirm.closest('.ant-popover') as HTMLElement;
    await user.click(within(popup).getByText(/^确\s?定$/));
    await waitFor(() => expect(coverage).toHaveTextContent('2007–2026（'));
    expect(serviceMock.current().settings.extraCalendarFiles).toHaveLength(0);
  });
});
