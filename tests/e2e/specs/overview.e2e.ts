import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, SHOT_DIR, waitForData } from '../harness';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The number on a KPI card, e.g. "1,234" → 1234. */
async function kpi(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(`${testId}-link`).innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

/** Exports the chart in a frame as `kind` and returns the saved file's path and suggested name. */
async function exportChart(page: Page, frameTestId: string, kind: 'PNG' | 'SVG') {
  const frame = page.getByTestId(frameTestId);
  await frame.getByRole('button', { name: /导出图表/ }).click();
  const downloadPromise = page.waitForEvent('download');
  // If the click fails, the test fails on that; the pending wait must not crash the runner.
  downloadPromise.catch(() => {});
  // antd keeps closed dropdowns in the DOM (hidden): pick the menu that is open now.
  await page
    .locator('.ant-dropdown:not(.ant-dropdown-hidden)')
    .getByRole('menuitem', { name: `导出 ${kind}` })
    // A menu that is still animating closed is not yet marked hidden: the newest one is last.
    .last()
    .click();
  const download = await downloadPromise;
  await page
    .locator('.ant-dropdown:not(.ant-dropdown-hidden)')
    .first()
    .waitFor({ state: 'hidden' });
  const name = download.suggestedFilename();
  mkdirSync(SHOT_DIR, { recursive: true });
  const path = join(SHOT_DIR, `export-${frameTestId}.${kind.toLowerCase()}`);
  await download.saveAs(path);
  return { path, name };
}

e2e(
  'overview: real numbers, drawn charts, links and chart export',
  async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    await page.getByTestId('overview-page').waitFor({ timeout: 120_000 });
    const open = await kpi(page, 'kpi-open');
    const red = await kpi(page, 'kpi-red');
    const completed = await kpi(page, 'kpi-completed');
    console.log(`  overview: 在办 ${open}, 红牌 ${red}, 本季度办结 ${completed}`);
    if (!(open > 0 && red > 0 && completed > 0))
      throw new Error(`overview shows zeros: open ${open}, red ${red}, completed ${completed}`);
    const stamp = await page.getByTestId('overview-as-of').innerText();
    if (!/^统计截止 \d{4}-\d{2}-\d{2}$/.test(stamp)) throw new Error(`as-of stamp: ${stamp}`);
    const coverage = await page.getByTestId('overview-coverage').innerText();
    if (!/^\d+ \/ \d+ 个部门有数据$/.test(coverage)) throw new Error(`coverage: ${coverage}`);

    // Charts are drawn: bars in the weekly and department charts, points on the rate line.
    const bars = await page
      .getByTestId('chart-weekly-cards')
      .locator('.recharts-bar-rectangle path')
      .count();
    const redBars = await page
      .getByTestId('chart-red-departments')
      .locator('.recharts-bar-rectangle path')
      .count();
    const dots = await page.getByTestId('chart-weekly-rate').locator('.recharts-line-dot').count();
    console.log(`  charts: ${bars} weekly bars, ${redBars} department bars, ${dots} rate points`);
    if (bars === 0 || redBars === 0 || dots === 0) throw new Error('a chart is empty');
    const ticks = await page
      .getByTestId('chart-weekly-cards')
      .locator('.recharts-xAxis-tick-labels text')
      .count();
    if (ticks !== 13) throw new Error(`weekly chart has ${ticks} x labels, expected 13`);
    await shot('overview');

    // Export the department chart as PNG and SVG.
    const png = await exportChart(page, 'chart-red-departments', 'PNG');
    const pngBytes = readFileSync(png.path);
    if (!PNG_MAGIC.every((b, i) => pngBytes[i] === b)) throw new Error('export is not a PNG');
    if (!/^总览-红牌部门-截至\d{4}-\d{2}-\d{2}\.png$/.test(png.name))
      throw new Error(`PNG file name: ${png.name}`);
    // 2× scale: the PNG is twice the chart frame's width at least.
    const pngWidth = pngBytes.readUInt32BE(16);
    if (pngWidth < 800) throw new Error(`PNG width ${pngWidth}`);
    copyFileSync(png.path, join(SHOT_DIR, 'overview-export-red-departments.png'));

    const svg = await exportChart(page, 'chart-weekly-cards', 'SVG');
    const svgText = readFileSync(svg.path, 'utf8');
    for (const needle of [
      'xmlns="http://www.w3.org/2000/svg"',
      '每周新增黄牌、红牌',
      '数据来源：',
      '生成时间：',
    ])
      if (!svgText.includes(needle)) throw new Error(`SVG lacks ${needle}`);
    if (!svg.name.endsWith('.svg') || !svg.name.startsWith('总览-每周亮牌-'))
      throw new Error(`SVG file name: ${svg.name}`);
    // Also keep a PNG of the trend chart to look at.
    const trendPng = await exportChart(page, 'chart-weekly-cards', 'PNG');
    copyFileSync(trendPng.path, join(SHOT_DIR, 'overview-export-weekly-cards.png'));

    // The on-time rate opens the department list with its explanation.
    await page.getByTestId('kpi-on-time-link').click();
    await page.getByRole('dialog').getByText('全市合计', { exact: true }).waitFor();
    // The drawer is fixed to the viewport: a viewport screenshot shows it as the user sees it.
    await page.screenshot({ path: join(SHOT_DIR, 'overview-departments-drawer.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // 红牌 opens the alerts list at that level.
    await page.getByTestId('kpi-red-link').click();
    await page.waitForURL(/\/alerts\?(.*&)?level=red/);
    // The list it opens counts the same cases as the card.
    await page
      .getByText(`共 ${red.toLocaleString('zh-CN')} 件`)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot('overview-to-alerts-red');

    // The English switch reaches every overview label.
    await page.goto(`${baseUrl}/overview`);
    await page.getByTestId('overview-page').waitFor({ timeout: 120_000 });
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Departments with the most red cards').waitFor();
    await shot('overview-english');
    await page.getByText('中文', { exact: true }).click();
  },
);
