/**
 * 数据导入 through the service (issue 13.4, 18): a supervisor uploads a GBK CSV with bad rows, sees
 * the upload's progress and the report (rows = accepted + rejected, rejected rows by file line),
 * downloads the rejected rows, is warned when uploading the same content again, chooses the
 * dataset as the source and sees the overview's figures change to it (and its tasks absent), then
 * deletes it; a link to the deleted source falls back to the city feed with a notice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, ROOT, SHOT_DIR, waitForData } from '../harness';

const FILE = join(ROOT, 'tests', 'fixtures', 'import', 'gbk-cases.csv');
const num = (s: string) => Number(s.replace(/[^\d]/g, ''));

async function statistic(page: Page, testId: string): Promise<number> {
  return num(await page.getByTestId(testId).locator('.ant-statistic-content').innerText());
}

async function kpiOpen(page: Page): Promise<number> {
  return num(await page.getByTestId('kpi-open-link').innerText());
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

e2e('import: upload a GBK CSV, report, rejected rows, choose as source, delete', async (ctx) => {
  const { page } = ctx;
  // The second upload of the same content is refused with 409 (the page offers to replace).
  ctx.expectHttpError(/\/api\/v1\/imports\?/);

  await page.goto(`${ctx.baseUrl}/overview`);
  await waitForData(page);
  const cityOpen = await kpiOpen(page);

  await page.goto(`${ctx.baseUrl}/import`);
  await waitForData(page);
  await page.getByTestId('datasets').waitFor();
  await page.locator('input[type=file]').setInputFiles(FILE);
  const report = page.getByTestId('import-report');
  await report.waitFor({ timeout: 60_000 });
  const rows = await statistic(page, 'report-rows');
  const accepted = await statistic(page, 'report-accepted');
  const rejected = await statistic(page, 'report-rejected');
  console.log(`  report: rows ${rows}, accepted ${accepted}, rejected ${rejected}`);
  check(rows === accepted + rejected, 'rows = accepted + rejected');
  check(rejected > 0 && accepted > 0, 'the fixture has good and bad rows');
  const sample = page.getByTestId('rejected-sample');
  await sample.locator('tbody tr.ant-table-row').first().waitFor();
  check(
    (await sample.locator('tbody tr.ant-table-row').count()) === rejected,
    'every rejected row is in the sample',
  );
  const command = await page.getByTestId('recheck-command').innerText();
  check(command.includes("'--input' 'gbk-cases.csv'"), `quoted re-check command: ${command}`);
  await ctx.shot('import-report');

  const pending = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('download-rejected').click();
  const dl = await pending;
  const saved = join(SHOT_DIR, 'import-rejected.csv');
  await dl.saveAs(saved);
  const lines = readFileSync(saved, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  check(lines[0]?.startsWith('文件行号,记录序号,编号,原因') === true, `CSV header: ${lines[0]}`);
  check(lines.length === rejected + 1, `CSV has ${lines.length - 1} rows, want ${rejected}`);

  // The same content again: a warning that offers to replace; keep the earlier one.
  await page.locator('input[type=file]').setInputFiles(FILE);
  const refused = page.getByTestId('import-refused');
  await refused.waitFor({ timeout: 60_000 });
  check((await refused.getAttribute('data-code')) === 'conflict', 'same content → conflict');
  await ctx.shot('import-same-content');
  await refused.getByRole('button', { name: '保留原有数据源' }).click();

  // Choose it as the source: the overview reads it (its open cases, no 督查事项).
  await page.getByTestId('dataset-list').getByRole('button', { name: '设为数据源' }).click();
  await page.waitForURL(/source=import%3A|source=import:/);
  const source = new URL(page.url()).searchParams.get('source') ?? '';
  await page.getByTestId('nav-overview').click();
  await page.waitForURL(/\/overview/);
  await page.getByTestId('overdue-tasks-none').waitFor({ timeout: 60_000 });
  const importedOpen = await kpiOpen(page);
  console.log(`  open cases: city ${cityOpen}, imported ${importedOpen}`);
  check(importedOpen !== cityOpen && importedOpen <= accepted, 'the overview shows the dataset');
  check(new URL(page.url()).searchParams.get('source') === source, 'the source stays in the URL');
  await ctx.shot('import-overview-source');

  // Delete it (with the confirmation); the pages fall back to the city feed.
  await page.getByTestId('nav-import').click();
  await page.getByTestId(`dataset-delete-${source}`).click();
  await page.getByTestId('dataset-delete-ok').click();
  await page.getByTestId('datasets-empty').waitFor({ timeout: 60_000 });
  await page.goto(`${ctx.baseUrl}/overview?source=${encodeURIComponent(source)}`);
  await page.getByTestId('source-fallback').waitFor({ timeout: 60_000 });
  await waitForData(page);
  await page.getByTestId('overdue-tasks-count').waitFor({ timeout: 60_000 });
  check((await kpiOpen(page)) === cityOpen, 'a deleted source falls back to the city feed');
  await ctx.shot('import-deleted-fallback');
});
