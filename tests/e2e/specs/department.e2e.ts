import { join } from 'node:path';
import { e2e, SHOT_DIR, waitForData } from '../harness';

e2e(
  'department: KPIs, trend with rank, alerts and flags links, not found',
  async ({ page, baseUrl, shot, expectHttpError }) => {
    await page.goto(`${baseUrl}/departments/D01`);
    await waitForData(page);
    await page.getByTestId('department-kpis').waitFor({ timeout: 120_000 });
    const name = await page.getByTestId('department-name').innerText();
    if (!name || name === 'D01') throw new Error(`department name: ${name}`);
    const trend = page.getByTestId('department-trend-table');
    const started = Date.now();
    await page.waitForFunction(
      () =>
        !document
          .querySelector('[data-testid="department-trend-table"]')
          ?.textContent?.includes('计算中'),
      undefined,
      { timeout: 60_000 },
    );
    console.log(`  rank history ready ${Date.now() - started} ms after the KPIs`);
    const rows = await trend.locator('tbody tr.ant-table-row').count();
    if (rows !== 6) throw new Error(`trend rows: ${rows}`);
    const text = await trend.innerText();
    console.log(`  trend table:\n${text.replace(/^/gm, '    ')}`);
    const bars = await page
      .getByTestId('department-trend')
      .locator('.recharts-bar-rectangle')
      .count();
    const line = await page.getByTestId('department-trend').locator('.recharts-line-curve').count();
    if (bars === 0 || line === 0) throw new Error(`trend chart bars ${bars} line ${line}`);
    await shot('department-d01');
    await page
      .getByTestId('department-trend')
      .screenshot({ path: join(SHOT_DIR, 'department-trend.png') });

    // The open-alert link goes to the alerts page for this department.
    const all = page.getByTestId('department-alerts').getByRole('link', { name: /查看全部/ });
    if ((await all.count()) > 0) {
      await all.click();
      await page.waitForURL(/\/alerts\?.*dept=D01/);
      await page.goBack();
      await page.getByTestId('department-kpis').waitFor({ timeout: 60_000 });
    }
    const flags = page
      .getByTestId('department-flags')
      .getByRole('link', { name: /在慢作为页查看全部/ });
    if ((await flags.count()) > 0) {
      const label = await flags.innerText();
      await flags.click();
      await page.waitForURL(/\/slow-action\?.*dept=D01/);
      await page.getByTestId('slow-action-rules').waitFor({ timeout: 60_000 });
      const title = await page
        .getByTestId('slow-action-table')
        .locator('.ant-card-head-title')
        .innerText();
      const n = /([\d,]+)/.exec(label)?.[1];
      if (!n || !title.includes(`共 ${n} 条`))
        throw new Error(`flags link "${label}" → "${title}"`);
    }

    // The page asks by query string (any id is safe there).
    expectHttpError(/\/api\/v1\/department\?id=NO-SUCH/);
    await page.goto(`${baseUrl}/departments/NO-SUCH`);
    await waitForData(page);
    await page.getByTestId('department-not-found').waitFor({ timeout: 120_000 });
    await shot('department-not-found');
  },
);
