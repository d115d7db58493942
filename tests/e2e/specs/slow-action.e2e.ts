import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, SHOT_DIR, waitForData } from '../harness';

const CODES = [
  'stall',
  'accepted-idle',
  'repeated-correction',
  'overlong-suspension',
  'suspension-overrun',
  'inaction-overdue',
  'deadline-rush',
] as const;

const num = (s: string) => Number(s.replace(/[^\d]/g, ''));

/** Waits until every feed has loaded and the model for them is on screen (no recompute pending). */
async function waitSettled(page: Page): Promise<void> {
  await page.getByTestId('slow-action-rules').waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="data-freshness"] .anticon-spin'),
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(300);
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="slow-action-recomputing"]'),
    undefined,
    { timeout: 120_000 },
  );
}

async function ruleCounts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const code of CODES)
    out[code] = num(await page.getByTestId(`rule-count-${code}`).innerText());
  return out;
}

async function tableTotal(page: Page): Promise<number> {
  const title = await page
    .getByTestId('slow-action-table')
    .locator('.ant-card-head-title')
    .innerText();
  const m = /共 ([\d,]+) 条/.exec(title);
  if (!m) throw new Error(`table title: ${title}`);
  return num(m[1]!);
}

/** Waits until the table title says `共 n 条` (the table re-renders after the URL changes). */
async function waitTotal(page: Page, n: number): Promise<void> {
  const want = `共 ${n.toLocaleString('zh-CN')} 条`;
  await page.waitForFunction(
    (w) =>
      document
        .querySelector('[data-testid="slow-action-table"] .ant-card-head-title')
        ?.textContent?.includes(w) ?? false,
    want,
    { timeout: 30_000 },
  );
}

/** Waits until the table title no longer reads `before`. */
async function waitChange(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    (b) =>
      document.querySelector('[data-testid="slow-action-table"] .ant-card-head-title')
        ?.textContent !== b,
    before,
    { timeout: 30_000 },
  );
}

const titleOf = async (page: Page) =>
  (await page.getByTestId('slow-action-table').locator('.ant-card-head-title').textContent()) ?? '';

async function matrixTotal(page: Page): Promise<number> {
  const cells = page
    .getByTestId('slow-action-matrix-table')
    .locator('tbody tr.ant-table-row td:last-child');
  const texts = await cells.allInnerTexts();
  return texts.reduce((s, t) => s + num(t), 0);
}

e2e(
  'slow-action: rule counts, URL filters, chart + table, export',
  async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}/slow-action`);
    await waitForData(page);
    await waitSettled(page);
    const counts = await ruleCounts(page);
    const sum = Object.values(counts).reduce((a, b) => a + b, 0);
    const total = await tableTotal(page);
    console.log(`  counts ${JSON.stringify(counts)}; table ${total}`);
    if (total === 0) throw new Error('no flags on the demo');
    if (sum !== total) throw new Error(`rule counts sum ${sum} ≠ table ${total}`);
    const bars = await page
      .getByTestId('slow-action-matrix')
      .locator('.recharts-bar-rectangle')
      .count();
    if (bars === 0) throw new Error('the department × rule chart has no bars');
    if ((await matrixTotal(page)) !== total) throw new Error('matrix table total ≠ table total');
    await shot('slow-action-all');
    await page
      .getByTestId('slow-action-matrix')
      .screenshot({ path: join(SHOT_DIR, 'slow-action-matrix.png') });
    await page
      .getByTestId('slow-action-table')
      .screenshot({ path: join(SHOT_DIR, 'slow-action-table.png') });

    // Click the largest rule count: the URL, the table and the matrix follow.
    const [top] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    const [code, n] = top!;
    await page.getByTestId(`rule-count-${code}`).click();
    await page.waitForURL(new RegExp(`rule=${code}`));
    await waitTotal(page, n);
    if ((await matrixTotal(page)) !== n) throw new Error(`rule ${code}: matrix ≠ ${n}`);

    // Open cases only.
    const before = await titleOf(page);
    await page.getByTestId('slow-action-filters').getByText('在办', { exact: true }).click();
    await page.waitForURL(/state=open/);
    await waitChange(page, before);
    const open = await tableTotal(page);
    if (open >= n) throw new Error(`the state filter did not narrow ${n} → ${open}`);
    await shot('slow-action-rule-open');

    // A copied link reproduces the view (same filters; the demo feed is regenerated for "now", so
    // the count may move by a case between loads).
    await page.goto(page.url());
    await waitForData(page);
    await waitSettled(page);
    const shown = await tableTotal(page);
    console.log(`  ${code}: ${n}; open only: ${open}; after reload: ${shown}`);
    const ruleShown = await page.getByTestId('filter-rule').innerText();
    if (!ruleShown.includes('暂停') && code === 'overlong-suspension')
      throw new Error(`copied link shows rule ${ruleShown}`);
    const stateShown = await page
      .getByTestId('slow-action-filters')
      .locator('.ant-segmented-item-selected')
      .first()
      .innerText();
    if (stateShown !== '在办') throw new Error(`copied link shows state ${stateShown}`);

    // Export CSV: exactly the filtered rows and the shown columns.
    await page.getByTestId('slow-action-table').getByTestId('export-menu').click();
    const pending = page.waitForEvent('download', { timeout: 60_000 });
    await page
      .locator('.ant-dropdown:not(.ant-dropdown-hidden)')
      .getByRole('menuitem', { name: '导出 CSV' })
      .last()
      .click();
    const dl = await pending;
    mkdirSync(SHOT_DIR, { recursive: true });
    const path = join(SHOT_DIR, 'slow-action.csv');
    await dl.saveAs(path);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\r\n').filter((l) => l.length > 0);
    console.log(
      `  CSV ${dl.suggestedFilename()}: ${lines.length - 1} rows; first: ${lines[1] ?? ''}`,
    );
    if (!text.startsWith('\uFEFF规则,办件编号,部门,办件状态,标记日期,说明,关键证据'))
      throw new Error(`CSV header: ${lines[0]}`);
    if (lines.length - 1 !== shown) throw new Error(`CSV rows ${lines.length - 1} ≠ ${shown}`);

    // New in the period: the scope says so.
    await page.getByTestId('filter-scope').getByText('本期新增').click();
    await page.waitForURL(/scope=period/);
    await page
      .getByTestId('slow-action-scope-note')
      .getByText(/首次触发日/)
      .waitFor();
    await shot('slow-action-period');
  },
);
