/**
 * Import as a new user would: a GBK CSV with Chinese headers and Excel-style "2026/8/1 9:00"
 * timestamps is dropped on the import page, mapped automatically, previewed, imported in the
 * worker; the report adds up; the overview counts the imported cases; a reload keeps them. The
 * browser profile is shared with the other specs, so the import is deleted at the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseFile } from '../../../src/feeds/case-file';
import { decodeText } from '../../../src/feeds/import/encoding';
import { parseColumnMapping } from '../../../src/feeds/mapping';
import { e2e, ROOT, waitForData } from '../harness';

const FIX = join(ROOT, 'tests', 'fixtures', 'import');

function expected() {
  const mapping = parseColumnMapping(
    JSON.parse(readFileSync(join(FIX, 'gbk-cases.mapping.json'), 'utf8')),
  );
  if (!mapping.ok) throw new Error(mapping.reason);
  const text = decodeText(readFileSync(join(FIX, 'gbk-cases.csv')), 'gb18030');
  const file = parseCaseFile(text, 'csv', mapping.value);
  // Every case was accepted in August 2026, long before today: open = no completion time.
  const open = file.cases.filter((c) => c.value.completedAt === null).length;
  return { total: file.total, accepted: file.cases.length, rejected: file.rejected.length, open };
}

e2e(
  'import: GBK CSV with Chinese headers, report, overview, reload',
  async ({ page, baseUrl, shot }) => {
    const e = expected();
    await page.goto(`${baseUrl}/import`);
    await waitForData(page);
    await page.locator('input[type=file]').first().setInputFiles(join(FIX, 'gbk-cases.csv'));

    await page.getByTestId('mapping-table').waitFor({ timeout: 30_000 });
    const text = await page.getByTestId('mapping-table').innerText();
    for (const column of [
      '申办流水号',
      '承办单位',
      '受理时间',
      '承诺时限',
      '法定时限',
      '办结时间',
    ]) {
      if (!text.includes(column)) throw new Error(`column ${column} not auto-mapped:\n${text}`);
    }
    const encoding = await page.getByTestId('import-encoding').innerText();
    if (!encoding.includes('GBK')) throw new Error(`encoding not detected as GBK: ${encoding}`);
    const format = await page.getByTestId('import-ts-format').innerText();
    if (!format.includes('YYYY/MM/DD')) throw new Error(`timestamp format not detected: ${format}`);
    await shot('import-1-mapping');
    await page.getByTestId('mapping-next').click();

    await page.getByTestId('preview-table').waitFor();
    await shot('import-2-preview');
    await page.getByTestId('import-start').click();

    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    const sum = await page.getByTestId('report-sum').innerText();
    const want = `已接收 ${e.accepted} + 已拒收 ${e.rejected} = 文件中的 ${e.total} 条记录`;
    if (sum !== want) throw new Error(`report says "${sum}", expected "${want}"`);
    await shot('import-3-report');

    await page.waitForLoadState('networkidle');
    await page.getByTestId('import-activate').click();
    await page.waitForURL(/\/overview/);
    await page.getByTestId('kpi-open-link').waitFor({ timeout: 60_000 });
    const openText = await page.getByTestId('kpi-open-link').innerText();
    if (Number(openText.replace(/\D/g, '')) !== e.open)
      throw new Error(`overview open ${openText}, expected ${e.open}`);
    await shot('import-4-overview');

    // A reload keeps the imported data active (feeds settled first: a reload mid-page is no test).
    // (a navigation while feed pages are still in flight lets msw pass them through → 404).
    await waitForData(page);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await waitForData(page);
    await page.getByTestId('kpi-open-link').waitFor({ timeout: 60_000 });
    const again = await page.getByTestId('kpi-open-link').innerText();
    if (Number(again.replace(/\D/g, '')) !== e.open)
      throw new Error(`after reload open ${again}, expected ${e.open}`);
    await page.waitForLoadState('networkidle');
    await page.getByTestId('nav-import').click();
    const item = page.getByTestId('source-gbk-cases.csv');
    await item.getByText('当前使用').waitFor({ timeout: 30_000 });
    await shot('import-5-sources-after-reload');

    // Clean up for the other specs: delete the import; the feed becomes active again.
    await item.getByRole('button', { name: /删除/ }).click();
    await page
      .locator('.ant-popover:not(.ant-popover-hidden)')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page.getByTestId('source-feed').getByText('当前使用').waitFor({ timeout: 30_000 });
  },
);
