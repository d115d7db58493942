/**
 * Issue 18.7 in Chromium: when the session is gone (its cookie deleted, or signed out in another
 * tab), the next request sends the user to /login?next=<where they were>, and signing in brings
 * them back to the same path and query.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORDS, e2e, waitForData } from '../harness';

async function signInThroughPage(page: Page): Promise<void> {
  await page.getByTestId('sign-in-page').waitFor({ timeout: 60_000 });
  await page.getByLabel('用户名').fill('supervisor');
  await page.getByLabel('密码').fill(DEMO_PASSWORDS.supervisor);
  await page.locator('button[type="submit"]').click();
}

/** Waits for the sign-in page and returns its `next` parameter. */
async function nextOnSignIn(page: Page): Promise<string | null> {
  await page.waitForURL((url) => url.pathname === '/login', { timeout: 60_000 });
  return new URL(page.url()).searchParams.get('next');
}

async function expectAt(page: Page, pathAndQuery: string): Promise<void> {
  await page.waitForURL((url) => `${url.pathname}${url.search}` === pathAndQuery, {
    timeout: 60_000,
  });
}

e2e(
  'access/session: a deleted cookie sends a navigation and a reload to sign-in and back, same path and query',
  async ({ page, baseUrl, shot, expectHttpError }) => {
    expectHttpError(/\/api\/v1\//); // the 401s this test provokes
    await page.goto(`${baseUrl}/alerts?period=2026Q2&level=red`);
    await waitForData(page);
    await page.getByTestId('alerts-count').waitFor({ timeout: 60_000 });

    // The cookie goes; the next navigation inside the app asks the service and gets 401.
    await page.context().clearCookies();
    await page.getByRole('navigation').getByRole('link', { name: '慢作为', exact: true }).click();
    const next = await nextOnSignIn(page);
    if (next !== '/slow-action?period=2026Q2') throw new Error(`next=${next}`);
    await page.getByText('登录已失效，请重新登录。').waitFor();
    await shot('session-expired-sign-in');
    await signInThroughPage(page);
    await expectAt(page, '/slow-action?period=2026Q2');
    await page.getByTestId('slow-action-rules').waitFor({ timeout: 60_000 });

    // A reload of a deep page without the cookie: the same round trip.
    const deep = '/departments/D13?period=2026Q2&dept=D13';
    await page.goto(`${baseUrl}${deep}`);
    await page.getByTestId('department-name').waitFor({ timeout: 60_000 });
    await page.context().clearCookies();
    await page.reload();
    if ((await nextOnSignIn(page)) !== deep) throw new Error(`next after reload: ${page.url()}`);
    await signInThroughPage(page);
    await expectAt(page, deep);
    await page.getByTestId('department-name').waitFor({ timeout: 60_000 });
  },
);

e2e(
  'access/session: signing out in another tab sends this tab to sign-in on its next request, and back',
  async ({ page, baseUrl, expectHttpError }) => {
    expectHttpError(/\/api\/v1\//);
    const here = '/alerts?period=2026Q2';
    await page.goto(`${baseUrl}/overview?period=2026Q2`);
    await waitForData(page);
    // The other tab shares the browser's cookie jar, as a real second tab does.
    const other = await page.context().newPage();
    await other.goto(`${baseUrl}/overview`);
    await other.getByTestId('sign-out').click();
    await other.waitForURL((url) => url.pathname === '/login');
    await other.close();

    await page.getByRole('navigation').getByRole('link', { name: '预警督办', exact: true }).click();
    const next = await nextOnSignIn(page);
    if (next !== here) throw new Error(`next=${next}`);
    await signInThroughPage(page);
    await expectAt(page, here);
  },
);
