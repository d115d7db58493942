/**
 * Issue 14 in Chromium: each demo account signs in through the sign-in page (/login), sees its
 * role in the header, the menu its role may use, and only its departments' data; another
 * department's case and department pages say "not found"; sign-out returns to /login.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORDS, e2e, waitForData, type DemoAccountName } from '../harness';

const ROLE_LABEL = {
  admin: '系统管理员',
  supervisor: '督查员',
  leader: '领导',
  'liaison-d13': '部门联络员',
  'liaison-x01': '部门联络员',
} as const satisfies Record<DemoAccountName, string>;

/** Menu pages only some roles may use (the rest every role sees). */
const ROLE_PAGES: Record<DemoAccountName, { settings: boolean; import: boolean }> = {
  admin: { settings: true, import: true },
  supervisor: { settings: false, import: true },
  leader: { settings: false, import: false },
  'liaison-d13': { settings: false, import: false },
  'liaison-x01': { settings: false, import: false },
};

interface FeedRecord {
  id: string;
  departmentId?: string;
  parentId?: string | null;
}

/** Every record of one feed resource (the demo city platform, read as another tool would). */
async function feedAll(feedUrl: string, resource: string, query = ''): Promise<FeedRecord[]> {
  const out: FeedRecord[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const params = new URLSearchParams(query);
    params.set('limit', '5000');
    if (cursor !== null) params.set('cursor', cursor);
    const body = (await (await fetch(`${feedUrl}/${resource}?${params}`)).json()) as {
      items: FeedRecord[];
      nextCursor: string | null;
    };
    out.push(...body.items);
    cursor = body.nextCursor;
    if (cursor === null) break;
  }
  return out;
}

/** Signs in by typing into the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, account: DemoAccountName): Promise<void> {
  await page.getByTestId('sign-in-page').waitFor();
  await page.getByLabel('用户名').fill(account);
  await page.getByLabel('密码').fill(DEMO_PASSWORDS[account]);
  await page.locator('button[type="submit"]').click();
}

/** The ids in the app's links of one kind on the page now (decoded as the router does). */
async function linkedIds(page: Page, prefix: '/departments/' | '/cases/'): Promise<string[]> {
  const hrefs = await page
    .locator(`a[href^="${prefix}"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) =>
    decodeURIComponent(decodeURIComponent(h.slice(prefix.length).split('?')[0] ?? '')),
  );
}

const ACCOUNTS: DemoAccountName[] = ['admin', 'supervisor', 'leader', 'liaison-d13', 'liaison-x01'];

for (const account of ACCOUNTS) {
  e2e(
    `access/roles: ${account} signs in through /login and sees its role's menu and scope`,
    async ({ page, baseUrl, feed, shot, expectHttpError }) => {
      // Another department's case and department answer 404 for a liaison (declared here).
      expectHttpError(/\/api\/v1\/(case|department)\?/);
      await page.goto(`${baseUrl}/login`);
      await signInThroughPage(page, account);
      await page.waitForURL('**/overview');
      await waitForData(page);
      await page.getByTestId('overview-page').waitFor({ timeout: 60_000 });
      const role = (await page.getByTestId('user-role').innerText()).trim();
      if (role !== ROLE_LABEL[account]) throw new Error(`role tag: ${role}`);
      const userName = (await page.getByTestId('user-name').innerText()).trim();
      if (userName !== account) throw new Error(`user name: ${userName}`);

      // The menu offers exactly the pages the role may use; the others answer 403 by address.
      const nav = page.getByRole('navigation', { name: '效能督查看板' });
      await nav.getByRole('link', { name: '督查事项', exact: true }).waitFor();
      const expected = ROLE_PAGES[account];
      const hasSettings = (await nav.getByRole('link', { name: '设置', exact: true }).count()) > 0;
      const hasImport =
        (await nav.getByRole('link', { name: '数据导入', exact: true }).count()) > 0;
      // The audit log goes with settings: the administrator's alone.
      const hasAudit = (await nav.getByRole('link', { name: '审计日志', exact: true }).count()) > 0;
      if (
        hasSettings !== expected.settings ||
        hasImport !== expected.import ||
        hasAudit !== expected.settings
      )
        throw new Error(`menu: settings ${hasSettings}, import ${hasImport}, audit ${hasAudit}`);
      if (!expected.settings) {
        await page.goto(`${baseUrl}/settings`);
        await page.getByTestId('page-forbidden').waitFor({ timeout: 60_000 });
        await page.goto(`${baseUrl}/audit`);
        await page.getByTestId('page-forbidden').waitFor({ timeout: 60_000 });
      }

      // Publishing the quarter's ranking is the leader's alone: the button is there for no one else.
      await page.goto(`${baseUrl}/rankings`);
      await waitForData(page);
      await page.getByTestId('ranking-edition').waitFor({ timeout: 60_000 });
      const canPublish = (await page.getByTestId('publish-edition').count()) > 0;
      if (canPublish !== (account === 'leader'))
        throw new Error(`publish button shown: ${canPublish}`);

      // Scope: the departments the account may see, from the city platform's own tree.
      const departments = await feedAll(feed.url, 'departments');
      const own = account === 'liaison-d13' ? 'D13' : account === 'liaison-x01' ? 'X01' : null;
      const scope =
        own === null
          ? new Set(departments.map((d) => d.id))
          : new Set([own, ...departments.filter((d) => d.parentId === own).map((d) => d.id)]);
      if (own === 'X01' && scope.size < 2) throw new Error('X01 has no child units in the feed');
      const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
      console.log(`  ${account}: ${JSON.stringify(me)}`);

      // Every department and case the overview, alerts and slow-action pages link to is in scope.
      const caseDept = new Map(
        (await feedAll(feed.url, 'cases')).map((c) => [c.id, c.departmentId ?? '']),
      );
      const seenDepartments = new Set<string>();
      for (const path of ['/overview', '/alerts?level=red', '/slow-action']) {
        await page.goto(`${baseUrl}${path}`);
        await waitForData(page);
        await page.waitForLoadState('networkidle');
        if (path.startsWith('/alerts')) {
          await page.getByTestId('alerts-count').waitFor({ timeout: 60_000 });
          await page.locator('[data-testid="alerts-table"] a[href^="/cases/"]').first().waitFor();
        }
        const depts = await linkedIds(page, '/departments/');
        const cases = await linkedIds(page, '/cases/');
        for (const d of depts) seenDepartments.add(d);
        for (const c of cases) seenDepartments.add(caseDept.get(c) ?? `unknown case ${c}`);
        const outside = [...seenDepartments].filter((d) => !scope.has(d));
        if (outside.length > 0) throw new Error(`${path} links outside the scope: ${outside}`);
        if (path.startsWith('/alerts') && cases.length === 0) throw new Error('no alert rows');
        await shot(`access-${account}${path.replace(/[/?=]/g, '-')}`);
      }
      console.log(`  ${account} saw departments: ${[...seenDepartments].sort().join(' ')}`);
      if (own === 'X01' && ![...seenDepartments].some((d) => d !== 'X01'))
        console.log('  (no child unit of X01 appeared in these lists)');

      if (own !== null) {
        // Another department's case and page: not found (the service says 404, revealing nothing).
        const outsider = departments.find((d) => !scope.has(d.id))?.id ?? 'D01';
        const [foreignCase] = await feedAll(feed.url, 'cases', `departmentId=${outsider}`);
        if (foreignCase === undefined) throw new Error(`no case of ${outsider}`);
        await page.goto(`${baseUrl}/cases/${encodeURIComponent(foreignCase.id)}`);
        await page.getByTestId('case-not-found').waitFor({ timeout: 60_000 });
        await page.goto(`${baseUrl}/departments/${outsider}`);
        await page.getByTestId('department-not-found').waitFor({ timeout: 60_000 });
        // Their own department opens.
        await page.goto(`${baseUrl}/departments/${own}`);
        await page.getByTestId('department-name').waitFor({ timeout: 60_000 });
        await shot(`access-${account}-own-department`);
      }

      // Sign-out returns to the sign-in page, and the app no longer opens without signing in.
      // (A request of the page being left may still reach the service after the session ended
      // and get 401; that is expected, hence declared here.)
      expectHttpError(/\/api\/v1\//);
      await page.getByTestId('sign-out').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByTestId('sign-in-page').waitFor();
      await page.goto(`${baseUrl}/overview`);
      await page.waitForURL((url) => url.pathname === '/login');
    },
    { account: null },
  );
}
