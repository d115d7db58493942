/**
 * A 督办单 for a slow-action flag, in two browsers: the supervisor issues it from the flag's row on
 * the 慢作为 page, the D13 liaison appeals, the supervisor revokes — and the page's count for that
 * rule drops by one, equal to the API's before and after. The notice page, its print and the case
 * page's 督办记录 show the flag. The figures are printed for the report.
 */
import type { Page } from 'playwright-core';
import { slowActionResponse } from '../../../src/contract/slow-action';
import { e2e } from '../harness';

const num = (s: string) => Number(s.replace(/[^\d]/g, ''));

/** The 慢作为 page with every feed loaded and no recompute pending. */
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

e2e(
  '督办 for a slow-action flag: issue from the 慢作为 page → liaison appeals → revoke → the rule count drops by one',
  async ({ page, baseUrl, shot, openSecondBrowser }) => {
    const api = `${baseUrl}/api/v1`;
    const apiFlags = async () => {
      const res = await page.request.get(`${api}/slow-action?period=2026Q3`);
      if (!res.ok()) throw new Error(`slow-action: HTTP ${res.status()}`);
      return slowActionResponse.parse(await res.json()).items;
    };
    const flags = await apiFlags();
    const flag = flags.find(
      (f) => f.departmentId === 'D13' && f.caseId !== null && f.caseState === 'open',
    );
    if (flag?.caseId == null) throw new Error('no open D13 case flag');
    const caseId = flag.caseId;
    const rule = flag.code;
    const countOf = (items: typeof flags) =>
      items.filter((f) => f.departmentId === 'D13' && f.code === rule).length;
    const apiBefore = countOf(flags);
    const pageUrl = `${baseUrl}/slow-action?dept=D13&rule=${rule}`;

    // 1. The supervisor issues a notice from the flag's row.
    await page.goto(pageUrl);
    await waitSettled(page);
    const pageBefore = num(await page.getByTestId(`rule-count-${rule}`).innerText());
    if (pageBefore !== apiBefore)
      throw new Error(`${rule} count before: page ${pageBefore} ≠ API ${apiBefore}`);
    const action = page.getByTestId(`issue-flag-${rule}-${caseId}`);
    await action.waitFor();
    if ((await action.locator('xpath=ancestor::td[@data-action="true"]').count()) !== 1)
      throw new Error('the 督办 cell is not marked data-action');
    await shot('duban-flag-1-slow-action-page');
    await action.click();
    await page.getByTestId('issue-flags').getByText(caseId).waitFor();
    await page
      .getByTestId('issue-dialog')
      .getByText(/督办的慢作为标记（1 个）/)
      .waitFor();
    await shot('duban-flag-2-issue-dialog');
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('notice-page').waitFor();
    await page.getByTestId('notice-flags').getByText(caseId).waitFor();
    await page.getByTestId('notice-flags').getByText(flag.explanation).waitFor();
    const noticeUrl = page.url();
    await shot('duban-flag-3-notice-page');
    await page.getByTestId('notice-print').click();
    await page.getByTestId('notice-doc-flags').getByText(caseId).waitFor();
    await shot('duban-flag-4-notice-print');

    // 2. The D13 liaison appeals in another browser.
    const liaison = await openSecondBrowser('liaison-d13');
    await liaison.page.goto(noticeUrl);
    await liaison.page.getByTestId('notice-flags').getByText(caseId).waitFor();
    await liaison.page.getByTestId('tab-appeal').click();
    await liaison.page.getByTestId('appeal-reason').click();
    await liaison.page.locator('.ant-select-item-option').getByText('申请人原因延误').click();
    await liaison.page
      .getByTestId('appeal-explanation')
      .fill('申请人迟迟未补正材料，滞留非我局原因，附补正通知书。');
    await liaison.page.getByTestId('appeal-submit').click();
    await liaison.page.getByTestId('notice-state').getByText('申诉中').waitFor();
    await liaison.shot('duban-flag-5-liaison-appealed');

    // 3. The supervisor revokes.
    await page.goto(noticeUrl);
    await page.getByTestId('notice-state').getByText('申诉中').waitFor();
    await page.getByTestId('decision-revoke').click();
    await page
      .getByTestId('decision-reason')
      .fill('经核查补正通知书，申诉成立，撤销该慢作为标记。');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('notice-state').getByText('已撤销').waitFor();
    await page.getByTestId('notice-flags').getByText('已撤销').waitFor();
    await shot('duban-flag-6-revoked');

    // 4. The figures follow: API −1, and the page shows the API's figure.
    const apiAfter = countOf(await apiFlags());
    if (apiAfter !== apiBefore - 1)
      throw new Error(`${rule} API count ${apiBefore} → ${apiAfter}, expected −1`);
    await page.goto(pageUrl);
    await waitSettled(page);
    const pageAfter = num(await page.getByTestId(`rule-count-${rule}`).innerText());
    if (pageAfter !== apiAfter)
      throw new Error(`${rule} count after: page ${pageAfter} ≠ API ${apiAfter}`);
    if ((await page.getByTestId(`issue-flag-${rule}-${caseId}`).count()) !== 0)
      throw new Error('the revoked flag is still listed');
    await shot('duban-flag-7-slow-action-after');
    await page.goto(`${baseUrl}/cases/${encodeURIComponent(caseId)}`);
    await page
      .getByTestId('case-duban-timeline')
      .getByText(/慢作为标记：/)
      .waitFor();
    await shot('duban-flag-8-case-timeline');
    console.log(
      `  督办 flag figures: case ${caseId}, rule ${rule}; D13 ${rule} count API ${apiBefore} → ${apiAfter}, page ${pageBefore} → ${pageAfter}`,
    );
  },
);
