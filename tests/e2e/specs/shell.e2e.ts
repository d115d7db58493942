import { e2e, waitForData } from '../harness';

const PAGES = [
  { path: '/overview', label: '总览' },
  { path: '/alerts', label: '预警督办' },
  { path: '/slow-action', label: '慢作为' },
  { path: '/rankings', label: '部门排名' },
  { path: '/tasks', label: '督查事项' },
  { path: '/import', label: '数据导入' },
  { path: '/settings', label: '设置' },
  { path: '/audit', label: '审计日志' },
];

// As an administrator: the only role whose menu offers every page (settings is admin-only).
e2e(
  'every page opens from the menu with the Chinese shell',
  async ({ page, baseUrl, shot }) => {
    const started = Date.now();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL('**/overview');
    await page.getByRole('navigation', { name: '效能督查看板' }).waitFor();
    await page.getByTestId('period-picker').waitFor();
    await waitForData(page);
    console.log(`  demo feed loaded ${Date.now() - started} ms after navigation`);
    for (const { path, label } of PAGES) {
      await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL(`**${path}*`);
      await page.getByRole('heading', { name: label, level: 4 }).waitFor();
      await page.waitForLoadState('networkidle');
      await shot(`page${path.replace('/', '-')}`);
    }
  },
  { account: 'admin' },
);

e2e(
  'the period picker writes the period into the URL and a copied link restores it',
  async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}/rankings?period=2025Q4`);
    await waitForData(page);
    const picker = page.getByTestId('period-picker');
    await picker.waitFor();
    const value = (await picker.textContent())?.trim();
    if (value !== '2025年第4季度') throw new Error(`picker shows ${value}`);
    await picker.click();
    await page.getByRole('menuitem', { name: '2025年第1季度' }).click();
    await page.waitForURL(/period=2025Q1/);
    await shot('period-picker');
    // the copied link reproduces the view
    await page.goto(page.url());
    await waitForData(page);
    const restored = (await page.getByTestId('period-picker').textContent())?.trim();
    if (restored !== '2025年第1季度') throw new Error(`link restored ${restored}`);
  },
);

e2e('the language switch turns the shell to English', async ({ page, baseUrl, shot }) => {
  await page.goto(`${baseUrl}/overview`);
  await waitForData(page);
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('link', { name: 'Rankings' }).waitFor();
  await shot('english');
  await page.getByText('中文', { exact: true }).click();
  await page.getByRole('link', { name: '部门排名' }).waitFor();
});
