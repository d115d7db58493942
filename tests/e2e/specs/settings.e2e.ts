import { e2e, waitForData } from '../harness';

e2e(
  'settings page: validation, save recomputes, calendar year',
  async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}/settings`);
    await waitForData(page);
    await page.getByTestId('settings-form').waitFor();
    const counts = page.getByTestId('settings-effect-counts');
    await counts.waitFor({ timeout: 60_000 });
    const before = await counts.innerText();

    const early = page.getByLabel('预警阈值：剩余承诺时限不超过');
    await early.fill('abc');
    await page.getByText('请输入数字').waitFor();
    const save = page.getByRole('button', { name: '保存设置' });
    if (await save.isEnabled()) throw new Error('save is enabled with an invalid value');
    await shot('settings-invalid');

    await early.fill('5');
    await save.click();
    await page.getByText('设置已保存').waitFor();
    await page.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-testid="settings-effect-counts"]');
        return el !== null && el.textContent !== prev;
      },
      before,
      { timeout: 60_000 },
    );
    const after = await counts.innerText();
    console.log(`  before: ${before}\n  after:  ${after}`);

    // load a minimal valid 2027 arrangement (a stand-in for the real notice)
    const file = {
      year: 2027,
      papers: ['https://example.test/2027'],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-08', isOffDay: true },
        { name: '春节', date: '2027-02-09', isOffDay: true },
      ],
    };
    await page.getByTestId('calendar-file-input').setInputFiles({
      name: '2027.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page
      .getByTestId('settings-calendar-coverage')
      .getByText(/2007–2027/)
      .waitFor();
    await shot('settings-saved');

    // Kept by the service as a new settings version, shared by every user: read it back there.
    const stored = await page.evaluate(async () => (await fetch('/api/v1/settings')).json());
    const settings = (
      stored as {
        settings?: {
          warning?: { earlyWarningDays?: number };
          extraCalendarFiles?: { year: number }[];
        };
      }
    ).settings;
    if (settings?.warning?.earlyWarningDays !== 5)
      throw new Error(`stored settings: ${JSON.stringify(stored).slice(0, 200)}`);
    if (settings.extraCalendarFiles?.[0]?.year !== 2027) throw new Error('2027 not stored');
  },
  { account: 'admin' },
);
