/**
 * Parity (issue 6 part 5): for the same quarter, the ranking table on screen, the composite
 * chart's rendered bars and the XLSX / CSV the page exports carry the same numbers, and those
 * are the numbers `rankQuarter` returns when called directly on the same feed records.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INDICATOR_KEYS } from '../../src/domain/ranking';
import { evaluateCase } from '../../src/domain/time-limit';
import { officialCalendar, shanghaiDayOf } from '../../src/domain/calendar';
import { rankQuarter, type QuarterRanking } from '../../src/engine/ranking';
import { unzipText } from '../unit/export/unzip';
import { renderApp } from '../setup/render-app';
import { Q3, TEST_AS_OF_MS, testIndexed, useTestRankingSettings } from './rankings-helpers';

const blobs: { blob: Blob }[] = [];

beforeEach(() => {
  blobs.length = 0;
  // jsdom has no object URLs: capture what the page hands to the download helper.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push({ blob });
    return `blob:test/${blobs.length}`;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
});

/** "91.76" / "1,234" → number; "—" or empty → null. */
function num(text: string | null | undefined): number | null {
  // A score cell reads "得分 91.76": the label is text, the number is the figure.
  const t = (text ?? '').replace(/得分|[,\s]/g, '');
  if (t === '' || t === '—') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${text}`);
  return n;
}

/** The ranked rows as `rankQuarter` returns them, in order, with every figure the page shows. */
function expectedRows(r: QuarterRanking) {
  return r.departments
    .filter((d) => d.ranked)
    .map((d) => ({
      id: d.departmentId,
      rank: d.rank,
      counted: d.counted,
      score: d.score,
      scores: INDICATOR_KEYS.map((k) => d.indicators[k].score),
    }));
}

/** Cells of the first worksheet as a grid of strings / numbers. */
function readSheet(files: Map<string, string>): (string | number | null)[][] {
  const shared = [
    ...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/g),
  ].map((m) => m[1] ?? '');
  const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
  const grid: (string | number | null)[][] = [];
  for (const m of sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const col = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    const v = /<v>(.*?)<\/v>/.exec(m[4] ?? '')?.[1];
    const inline = /<t[^>]*>(.*?)<\/t>/.exec(m[4] ?? '')?.[1];
    let value: string | number | null = null;
    if (/t="s"/.test(m[3] ?? '')) value = shared[Number(v)] ?? null;
    else if (/t="inlineStr"/.test(m[3] ?? '')) value = inline ?? null;
    else if (v !== undefined) value = Number(v);
    (grid[row] ??= [])[col] = value;
  }
  return grid;
}

describe('ranking parity: table = chart = XLSX = CSV = rankQuarter', () => {
  it('carries identical numbers for 2026Q3 on the test city', async () => {
    const settings = useTestRankingSettings(3);
    const ds = testIndexed();
    const expected = rankQuarter(ds, Q3, { asOfMs: TEST_AS_OF_MS, settings: settings.ranking });
    const rows = expectedRows(expected);
    expect(rows.length).toBeGreaterThan(5);

    // An independent check of the counted volume (not through the ranking code): cases
    // completed on a Q3 civil day in Shanghai, plus open cases past the committed deadline.
    const cal = officialCalendar();
    const from = shanghaiDayOf(Date.parse('2026-07-01T00:00:00+08:00'));
    const to = shanghaiDayOf(Date.parse('2026-09-30T12:00:00+08:00'));
    let counted = 0;
    for (const c of ds.cases) {
      const ev = evaluateCase(c, TEST_AS_OF_MS, cal);
      const day = c.completedAt === null ? null : shanghaiDayOf(c.completedAt);
      if (day !== null && day <= to ? day >= from : ev.overdue) counted += 1;
    }
    expect(expected.city.counted).toBe(counted);

    const { user } = renderApp('/rankings?period=2026Q3&view=city');
    const table = await screen.findByTestId('ranking-table', {}, { timeout: 15000 });

    // 1. The table.
    const trs = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row-key]')];
    const shown = trs.map((tr) => {
      const id = tr.getAttribute('data-row-key') ?? '';
      const q = (testId: string) => within(tr).getByTestId(testId).textContent;
      return {
        id,
        rank: num(q(`rank-${id}`)),
        counted: num(q(`counted-${id}`)),
        score: num(q(`composite-${id}`)),
        scores: INDICATOR_KEYS.map((k) => num(q(`score-${id}-${k}`))),
      };
    });
    expect(shown).toEqual(rows);
    expect(num(within(table).getByTestId('composite-city').textContent)).toBe(expected.city.score);
    expect(num(within(table).getByTestId('counted-city').textContent)).toBe(expected.city.counted);
    for (const k of INDICATOR_KEYS) {
      expect(num(within(table).getByTestId(`score-city-${k}`).textContent)).toBe(
        expected.city.indicators[k].score,
      );
    }

    // 2. The chart: its rendered bars (category tick "rank. name", value label) in order.
    const chart = screen.getByTestId('composite-chart');
    await waitFor(() =>
      expect(chart.querySelectorAll('.recharts-label-list text').length).toBe(rows.length),
    );
    const labels = [...chart.querySelectorAll('.recharts-label-list text')].map((t) =>
      num(t.textContent),
    );
    const ticks = [...chart.querySelectorAll('.recharts-yAxis-tick-labels text')].map(
      (t) => t.textContent,
    );
    expect(labels).toEqual(rows.map((r) => r.score));
    expect(ticks).toEqual(
      expected.departments
        .filter((d) => d.ranked)
        .map((d) => `${d.rank}. ${d.departmentName ?? d.departmentId}`),
    );

    // 3. The XLSX the page downloads.
    await user.click(screen.getByTestId('export-menu'));
    await user.click(await screen.findByText('导出 XLSX'));
    await waitFor(() => expect(blobs.length).toBe(1), { timeout: 10000 });
    const files = unzipText(Buffer.from(await blobs[0]!.blob.arrayBuffer()));
    const grid = readSheet(files);
    const header = grid[0] as string[];
    const col = (h: string) => {
      const i = header.indexOf(h);
      if (i < 0) throw new Error(`no column ${h} in ${header.join('|')}`);
      return i;
    };
    const names = [
      '按时办结率',
      '提前办结率',
      '时限利用率',
      '超期件率',
      '好评率',
      '差评整改率',
      '慢作为率',
    ];
    const xlsxRanked = grid
      .slice(1)
      .filter((r) => r[col('状态')] === '排名')
      .map((r) => ({
        id: r[col('部门编号')],
        rank: r[col('全市名次')] ?? null,
        counted: r[col('计入考核件数')] ?? null,
        score: r[col('综合分')] ?? null,
        scores: names.map((n) => r[col(`${n}得分`)] ?? null),
      }));
    expect(xlsxRanked).toEqual(rows);
    const cityRow = grid.find((r) => r[col('状态')] === '全市合计');
    expect(cityRow?.[col('综合分')]).toBe(expected.city.score);
    expect(cityRow?.[col('按时办结率分子')]).toBe(expected.city.indicators.onTimeRate.numerator);
    expect(cityRow?.[col('按时办结率分母')]).toBe(expected.city.indicators.onTimeRate.denominator);
    // every department appears once: ranked, 样本不足 and without data
    expect(grid.length - 2).toBe(expected.departments.length);

    // 4. The CSV the page downloads (same columns, same rows).
    await user.click(screen.getByTestId('export-menu'));
    await user.click(await screen.findByText('导出 CSV'));
    await waitFor(() => expect(blobs.length).toBe(2), { timeout: 10000 });
    const csv = (await blobs[1]!.blob.text()).replace(/^\uFEFF/, '');
    const lines = csv
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual(header);
    const csvRanked = lines
      .slice(1)
      .filter((r) => r[col('状态')] === '排名')
      .map((r) => ({
        id: r[col('部门编号')],
        rank: num(r[col('全市名次')]),
        counted: num(r[col('计入考核件数')]),
        score: num(r[col('综合分')]),
        scores: names.map((n) => num(r[col(`${n}得分`)])),
      }));
    expect(csvRanked).toEqual(rows);
  }, 90_000);
});
