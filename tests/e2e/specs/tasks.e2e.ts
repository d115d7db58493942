import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createDemoCity } from '../../../mocks/demo-city';
import { refEvaluate, type RefStatus } from '../../integration/tasks-reference';
import { e2e, SHOT_DIR, waitForData } from '../harness';

const STATUSES: RefStatus[] = ['overdue', 'lagging', 'due-soon', 'normal', 'done'];
const num = (s: string) => Number(s.replace(/[^\d]/g, ''));

async function cardCount(page: Page, status: RefStatus): Promise<number> {
  const text = await page
    .getByTestId(`status-card-${status}`)
    .locator('.ant-statistic-content')
    .innerText();
  return num(text);
}

async function listCount(page: Page): Promise<number> {
  return num(await page.getByTestId('task-count').innerText());
}

async function downloadCsv(page: Page, file: string): Promise<string[]> {
  const card = page.getByTestId('task-list-card');
  await card.getByTestId('export-menu').click();
  const pending = page.waitForEvent('download', { timeout: 60_000 });
  // The open menu only: an earlier export's menu may still be closing (antd keeps it in the DOM).
  await page
    .locator('.ant-dropdown:not(.ant-dropdown-hidden)')
    .getByRole('menuitem', { name: '导出 CSV' })
    // A menu that is still animating closed is not yet marked hidden: the newest one is last.
    .last()
    .click();
  const dl = await pending;
  mkdirSync(SHOT_DIR, { recursive: true });
  const path = join(SHOT_DIR, file);
  await dl.saveAs(path);
  console.log(`  CSV: ${dl.suggestedFilename()}`);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return text.split('\r\n').filter((l) => l !== '');
}

e2e(
  'tasks: statuses per source, reminders, department counts and export',
  async ({ page, baseUrl, shot }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${baseUrl}/tasks?scope=all`);
    await waitForData(page);
    await page.getByTestId('tasks-page').waitFor({ timeout: 120_000 });
    const intro = await page
      .getByTestId('tasks-page')
      .locator('.ant-typography')
      .nth(1)
      .innerText();
    const asOf = /状态截至 (\d{4}-\d{2}-\d{2})/.exec(intro)?.[1];
    if (!asOf) throw new Error(`no as-of date in: ${intro}`);

    // The same demo city, generated here, evaluated by the independent reference model.
    const city = createDemoCity({ seed: 1, cases: 0, asOf });
    const ref = city.tasks.map((t) => refEvaluate(t, asOf));
    const counts: string[] = [];
    for (const s of STATUSES) {
      const want = ref.filter((r) => r.status === s).length;
      const got = await cardCount(page, s);
      counts.push(`${s} ${got}`);
      if (got !== want) throw new Error(`status ${s}: page ${got}, reference ${want}`);
    }
    console.log(`  as of ${asOf}: ${counts.join(', ')} (of ${ref.length})`);
    if ((await listCount(page)) !== ref.length) throw new Error('list does not show every task');

    // Every source, each row's statuses as the reference counts them.
    const matrix = page.getByTestId('source-matrix');
    for (const source of new Set(ref.map((r) => r.source))) {
      const cells = await matrix.locator('tr', { hasText: source }).locator('td').allInnerTexts();
      const of = ref.filter((r) => r.source === source);
      const want = [
        source,
        ...STATUSES.map((s) => String(of.filter((r) => r.status === s).length)),
        String(of.length),
      ];
      if (cells.join('|') !== want.join('|'))
        throw new Error(`source ${source}: ${cells.join('|')} ≠ ${want.join('|')}`);
    }
    await shot('tasks-page');

    // Reminders = the list's 逾期 / 滞后 / 临期 rows.
    const panel = page.getByTestId('reminders-panel');
    for (const [status, tab] of [
      ['overdue', '逾期'],
      ['lagging', '滞后'],
      ['due-soon', '临期'],
    ] as const) {
      const want = ref.filter((r) => r.status === status).length;
      await panel.getByRole('tab', { name: new RegExp(`^${tab} \\d+$`) }).click();
      const shown = await panel.getByRole('tabpanel').getByTestId('reminder').count();
      if (shown !== want) throw new Error(`${tab} reminders: ${shown}, want ${want}`);
    }
    await panel.getByRole('tab', { name: /^逾期 \d+$/ }).click();
    await panel.scrollIntoViewIfNeeded();
    await shot('tasks-reminders');

    // Only 逾期: list, export rows, and the department table agree.
    await page.getByTestId('status-card-overdue').click();
    await page.waitForURL(/status=overdue/);
    const overdue = ref.filter((r) => r.status === 'overdue');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="task-count"]')?.textContent === `共 ${n} 项`,
      overdue.length,
      { timeout: 10_000 },
    );
    const lines = await downloadCsv(page, 'tasks-overdue.csv');
    const exported = lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort();
    if (
      exported.join() !==
      overdue
        .map((r) => r.id)
        .sort()
        .join()
    ) {
      throw new Error(`export rows ${exported.length} ≠ list ${overdue.length}`);
    }
    console.log(`  exported ${exported.length} overdue rows`);
    const deptOverdue = await page
      .getByTestId('department-task-table')
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((r) => Number(r.querySelectorAll('td')[2]?.textContent ?? 'NaN')),
      );
    const sum = deptOverdue.reduce((a, b) => a + b, 0);
    if (sum !== overdue.length)
      throw new Error(`department overdue sum ${sum} ≠ ${overdue.length}`);

    // A task's milestone timeline.
    await page.getByTestId('task-table').getByRole('button', { name: '展开行' }).first().click();
    await page.getByTestId('milestone').first().waitFor();
    await shot('tasks-timeline');
    await page.getByTestId('department-task-counts').scrollIntoViewIfNeeded();
    await shot('tasks-departments');

    // English switch: the page's own messages follow.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Supervision tasks', level: 3 }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('tasks-english');
    await page.getByText('中文', { exact: true }).click();
  },
);
