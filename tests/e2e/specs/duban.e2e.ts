/**
 * The 督办 round trip in two browsers: a supervisor issues a notice for an open D13 red card, the
 * D13 liaison sees it in the header count and the inbox and appeals, the supervisor (whose count
 * moves with the event stream) revokes — and the overview's red count drops by one while the
 * alerts list shows the case as 已撤销 under the card-state filter. The figures before and after
 * are printed for the report; the notice is printed to PDF (A4).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { z } from 'zod';
import { alertsResponse } from '../../../src/contract/alerts';
import { cardsResponse } from '../../../src/contract/duban';
import { overviewResponse } from '../../../src/contract/overview';
import { e2e, SHOT_DIR, waitForData } from '../harness';

async function getJson<S extends z.ZodType>(
  page: Page,
  url: string,
  schema: S,
): Promise<z.output<S>> {
  const res = await page.request.get(url);
  if (!res.ok()) throw new Error(`${url}: HTTP ${res.status()}`);
  return schema.parse(await res.json());
}

/** The number on a KPI card, e.g. "1,234" → 1234. */
async function kpi(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(`${testId}-link`).innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

async function badgeCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('inbox-count').getAttribute('data-count'));
}

async function waitForBadge(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) =>
      document.querySelector('[data-testid="inbox-count"]')?.getAttribute('data-count') ===
      String(want),
    n,
    { timeout: 20_000 },
  );
}

e2e(
  '督办 round trip: issue → liaison appeals → supervisor revokes → figures follow',
  async ({ page, baseUrl, shot, openSecondBrowser }) => {
    const api = `${baseUrl}/api/v1`;
    const period = '2026Q3';
    // An open D13 red case with an active card: it counts in the overview and the alerts list.
    const redAlerts = await getJson(
      page,
      `${api}/alerts?level=red&dept=D13&pageSize=200`,
      alertsResponse,
    );
    const cards = await getJson(
      page,
      `${api}/cards?departmentId=D13&state=active&level=red`,
      cardsResponse,
    );
    const withCard = new Set(cards.items.map((c) => c.caseId));
    const target = redAlerts.items.find((a) => withCard.has(a.caseId));
    if (target === undefined) throw new Error('no open D13 red case with an active card');
    const caseId = target.caseId;

    const before = await getJson(page, `${api}/overview?period=${period}`, overviewResponse);
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    const redBeforeUi = await kpi(page, 'kpi-red');
    if (redBeforeUi !== before.open.levels.red)
      throw new Error(`overview red: UI ${redBeforeUi} ≠ API ${before.open.levels.red}`);
    const supervisorBadgeBefore = await badgeCount(page);

    // 1. The supervisor issues a notice from the alert row.
    await page.goto(`${baseUrl}/alerts?q=${encodeURIComponent(caseId)}`);
    await page.getByTestId(`issue-${caseId}`).click();
    await page.getByTestId('issue-dialog').getByText(caseId).waitFor();
    await page
      .getByTestId('issue-dialog')
      .getByText(/督办的卡片（1 张）/)
      .waitFor();
    await shot('duban-1-supervisor-issue-dialog');
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('notice-page').waitFor();
    const number = (await page.getByTestId('notice-number').innerText()).match(
      /督〔\d{4}〕第\d{4}号/,
    )?.[0];
    if (number === undefined) throw new Error('no notice number shown');
    await page.getByTestId('notice-state').getByText('待反馈').waitFor();
    await shot('duban-2-supervisor-notice-issued');

    // The printable A4 notice, printed to PDF by Chromium.
    await page.getByTestId('notice-print').click();
    await page.getByTestId('notice-doc-number').getByText(number).waitFor();
    await page.getByTestId('notice-doc').getByText('交通运输局：').waitFor();
    await shot('duban-3-notice-print-preview');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(SHOT_DIR, 'duban-notice.pdf'), pdf);
    if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('page.pdf did not give a PDF');

    // 2. The liaison of D13, in another browser: the header count and the inbox show the notice.
    // No HTTP error is expected: the liaison's shell no longer asks for the staff-only /rejected.
    const liaison = await openSecondBrowser('liaison-d13');
    await liaison.page.goto(`${baseUrl}/overview`);
    await waitForData(liaison.page);
    await waitForBadge(liaison.page, 1);
    await liaison.page.getByTestId('inbox-badge').click();
    await liaison.page.getByTestId('inbox-answer').getByText(number).waitFor();
    await liaison.shot('duban-4-liaison-inbox');
    await liaison.page.getByTestId('inbox-answer').getByText(number).click();
    await liaison.page.getByTestId('tab-appeal').click();
    await liaison.page.getByTestId('appeal-reason').click();
    await liaison.page.locator('.ant-select-item-option').getByText('平台系统差错').click();
    await liaison.page
      .getByTestId('appeal-explanation')
      .fill('平台接口故障导致办结信息未能按时回传，附系统日志。');
    await liaison.page.getByTestId('appeal-submit').click();
    await liaison.page.getByTestId('notice-state').getByText('申诉中').waitFor();
    await waitForBadge(liaison.page, 0);
    await liaison.shot('duban-5-liaison-appealed');

    // 3. The supervisor's count moved with the event stream (no reload): one appeal to decide.
    await waitForBadge(page, supervisorBadgeBefore + 1);
    await page.goto(`${baseUrl}/inbox`);
    await page.getByTestId('inbox-decide').getByText(number).click();
    await page.getByTestId('decision-revoke').click();
    await page
      .getByTestId('decision-reason')
      .fill('经核查系统日志，超期系平台接口故障所致，申诉成立，撤销红牌。');
    await shot('duban-6-supervisor-deciding');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('notice-state').getByText('已撤销').waitFor();
    await page.getByTestId('notice-timeline').getByText('申诉决定：撤销').waitFor();
    await shot('duban-7-supervisor-revoked');

    // 4. The figures follow: overview red −1 (API and screen), the case is 已撤销 under the filter.
    const after = await getJson(page, `${api}/overview?period=${period}`, overviewResponse);
    if (after.open.levels.red !== before.open.levels.red - 1)
      throw new Error(
        `overview red ${before.open.levels.red} → ${after.open.levels.red}, expected −1`,
      );
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    const redAfterUi = await kpi(page, 'kpi-red');
    if (redAfterUi !== after.open.levels.red)
      throw new Error(`overview red after: UI ${redAfterUi} ≠ API ${after.open.levels.red}`);
    await shot('duban-8-overview-after');
    const d13After = await getJson(
      page,
      `${api}/alerts?level=red&dept=D13&pageSize=200`,
      alertsResponse,
    );
    if (d13After.items.some((a) => a.caseId === caseId))
      throw new Error('revoked case still listed');
    await page.goto(`${baseUrl}/alerts?q=${encodeURIComponent(caseId)}&card=revoked`);
    await page.getByTestId('alert-revoked').getByText('红牌（已撤销）').waitFor();
    await shot('duban-9-alerts-revoked-filter');
    await page.goto(`${baseUrl}/cases/${encodeURIComponent(caseId)}`);
    await page.getByTestId('case-duban-timeline').getByText('撤销（申诉成立）').waitFor();
    await shot('duban-10-case-timeline');
    console.log(
      `  督办 figures: case ${caseId}, notice ${number}; overview red ${before.open.levels.red} → ${after.open.levels.red} (UI ${redBeforeUi} → ${redAfterUi}); D13 open red alerts ${redAlerts.total} → ${d13After.total}; open ${before.open.open} → ${after.open.open}`,
    );
  },
);

e2e(
  '督办 退回: liaison answers → supervisor sends it back with a reason → liaison answers again → closed',
  async ({ page, baseUrl, shot, openSecondBrowser }) => {
    const api = `${baseUrl}/api/v1`;
    // A D13 card in no notice yet (the round trip above used one of them).
    const cards = await getJson(page, `${api}/cards?departmentId=D13&state=active`, cardsResponse);
    const card = cards.items.find((c) => c.noticeIds.length === 0);
    if (card === undefined) throw new Error('no free D13 card');
    const caseId = card.caseId;

    // The supervisor issues it from the case page's 督办记录.
    await page.goto(`${baseUrl}/cases/${encodeURIComponent(caseId)}`);
    await page.getByTestId('case-issue-notice').click();
    await page.getByTestId('issue-dialog').getByText(caseId).waitFor();
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('notice-page').waitFor();
    const noticeUrl = page.url();

    const liaison = await openSecondBrowser('liaison-d13');
    await liaison.page.goto(noticeUrl);
    await liaison.page.getByTestId('respond-cause').fill('窗口人员调整，审批积压。');
    await liaison.page.getByTestId('respond-measures').fill('已增派人手。');
    await liaison.page.getByTestId('respond-expected').fill('2026-10-20');
    await liaison.page.getByTestId('respond-submit').click();
    await liaison.page.getByTestId('notice-state').getByText('已反馈').waitFor();

    // The supervisor finds the answer under 待确认的反馈 and sends it back.
    await page.goto(`${baseUrl}/inbox`);
    await page.getByTestId('inbox-review').locator('a').first().waitFor();
    await page.goto(noticeUrl);
    await page.getByTestId('notice-state').getByText('已反馈').waitFor();
    await page.getByTestId('return-reason').fill('整改措施过于笼统，请列明每件办件的办结时间。');
    await shot('duban-11-supervisor-returning');
    await page.getByTestId('return-submit').click();
    await page.getByTestId('notice-state').getByText('待反馈').waitFor();
    await page.getByTestId('notice-timeline').getByText('退回反馈，重新反馈').waitFor();
    await page
      .getByTestId('notice-timeline')
      .getByText(/退回理由：整改措施过于笼统/)
      .waitFor();

    // The liaison's page follows (event stream) and offers the answer form again.
    await liaison.page.getByTestId('notice-state').getByText('待反馈').waitFor({ timeout: 20_000 });
    await liaison.page.getByTestId('respond-cause').fill('窗口人员调整，审批积压。');
    await liaison.page
      .getByTestId('respond-measures')
      .fill('10 月 20 日前逐件办结，每周报送进度。');
    await liaison.page.getByTestId('respond-expected').fill('2026-10-20');
    await liaison.shot('duban-12-liaison-answers-again');
    await liaison.page.getByTestId('respond-submit').click();
    await liaison.page.getByTestId('notice-state').getByText('已反馈').waitFor();

    await page.getByTestId('notice-state').getByText('已反馈').waitFor({ timeout: 20_000 });
    await page.getByTestId('close-notice').click();
    await page.getByTestId('notice-state').getByText('已办结').waitFor();
    await shot('duban-13-supervisor-closed-after-return');
  },
);
