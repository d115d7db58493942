/**
 * The language tours: every page and drawer in English shows no Chinese, and every page in
 * Chinese shows no English UI words. Text that is data — names from the city's feed, the
 * language switch's own endonyms — is marked in the DOM with its language (`lang="zh-CN"` /
 * `lang="en"`, WCAG "language of parts") and left out; everything else is UI text and must be
 * in the UI language.
 */
import type { Page } from 'playwright-core';
import { e2e, waitForData } from '../harness';

type UiLanguage = 'en' | 'zh-CN';

/**
 * The visible UI text in another language than `ui`: each offending text node (and placeholder)
 * with the nearest test id or class, so a failure says where to look.
 */
async function foreignText(page: Page, ui: UiLanguage): Promise<string[]> {
  // tsx compiles this file keeping function names through a `__name` helper that the page lacks.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate((uiLang) => {
    // Chinese: any CJK ideograph or full-width punctuation. English: a word of three or more
    // Latin letters — code-like tokens (ids such as D01, units such as px, PNG/XLSX) are not
    // words, and are allowed by the exceptions below.
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]/;
    const latinWord = /\b[A-Za-z][a-z]{2,}\b/;
    const allowedLatin = /^(?:PNG|SVG|XLSX|CSV|PDF|JSON|NDJSON|GBK|UTF-8)$/;
    const foreign = (text: string): boolean => {
      if (uiLang === 'en') return cjk.test(text);
      return (
        text
          .split(/[^A-Za-z0-9/._-]+/)
          // Identifiers (holiday-cn, Asia/Shanghai, file.csv) are code-like, not English words.
          .some((w) => latinWord.test(w) && !allowedLatin.test(w) && !/[\d/._-]/.test(w))
      );
    };
    const otherLang = (el: Element): boolean => {
      const marked = el.closest('[lang]');
      if (!marked || marked === document.documentElement) return false;
      const lang = marked.getAttribute('lang') ?? '';
      return uiLang === 'en' ? lang.startsWith('zh') : lang === 'en';
    };
    const where = (el: Element): string => {
      const tested = el.closest('[data-testid]');
      const cls =
        el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '';
      return `${tested ? `[${tested.getAttribute('data-testid')}] ` : ''}${el.tagName.toLowerCase()}${cls}`;
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!el || !text || !foreign(text)) continue;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || el.closest('code')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (otherLang(el)) continue;
      out.push(`${where(el)}: ${text.slice(0, 80)}`);
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (input.checkVisibility() && foreign(input.placeholder) && !otherLang(input))
        out.push(`${where(input)} placeholder: ${input.placeholder}`);
    }
    return [...new Set(out)];
  }, ui);
}

/** Collects the foreign text of the page now shown under `label`. */
async function check(page: Page, ui: UiLanguage, label: string, found: string[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  for (const line of await foreignText(page, ui)) found.push(`${label} ${line}`);
}

/** Client-side navigation: the session and loaded data stay. */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
}

/** Visits every page and opens the drawers, collecting the foreign text seen. */
async function tour(page: Page, ui: UiLanguage): Promise<string[]> {
  const found: string[] = [];
  await page.getByTestId('overview-page').waitFor({ timeout: 120_000 });
  await page.locator('.recharts-surface').first().waitFor();
  await check(page, ui, 'overview', found);
  await page.getByTestId('kpi-on-time-link').click();
  await page.locator('.ant-drawer-body').first().waitFor();
  await check(page, ui, 'overview drawer', found);
  await closeDrawer(page);

  await go(page, '/alerts');
  const alerts = page.getByTestId('alerts-table');
  await alerts.locator('a[href*="/cases/"]').first().waitFor({ timeout: 120_000 });
  await check(page, ui, 'alerts', found);
  const caseHref = await alerts.locator('a[href*="/cases/"]').first().getAttribute('href');

  await go(page, '/departments/D01');
  await page.getByTestId('department-kpis').waitFor({ timeout: 120_000 });
  await page
    .getByTestId('department-trend-table')
    .locator('tbody tr.ant-table-row')
    .first()
    .waitFor();
  await check(page, ui, 'department', found);

  if (!caseHref) throw new Error('the alerts table has no case link');
  await go(page, caseHref);
  await page.getByTestId('case-page').waitFor({ timeout: 120_000 });
  await check(page, ui, 'case', found);

  await go(page, '/slow-action');
  await page.getByTestId('slow-action-rules').waitFor({ timeout: 120_000 });
  await page.getByTestId('slow-action-table').locator('tbody .ant-table-row').first().waitFor();
  await check(page, ui, 'slow-action', found);

  await go(page, '/tasks');
  await page.getByTestId('tasks-page').waitFor({ timeout: 120_000 });
  await page.getByTestId('task-list-card').locator('tbody .ant-table-row').first().waitFor();
  await check(page, ui, 'tasks', found);

  // The grouped ranking is the default view (issue 16 item 1); the city-wide list is the other.
  await go(page, '/rankings');
  const ranking = page.locator('[data-testid^="group-table-"]').first();
  await ranking.locator('tbody tr[data-row-key]').first().waitFor({ timeout: 120_000 });
  await check(page, ui, 'rankings', found);
  await page.getByTestId('ranking-view').locator('.ant-segmented-item').nth(1).click();
  const city = page.getByTestId('ranking-table');
  await city.locator('tbody tr[data-row-key]').first().waitFor();
  await check(page, ui, 'rankings city-wide', found);
  await city.locator('[data-testid^="score-"]').first().click();
  await page.getByTestId('evidence-numerator').waitFor();
  await check(page, ui, 'rankings evidence drawer', found);
  await closeDrawer(page);
  await page.getByTestId('methodology').locator('.ant-collapse-header').first().click();
  await check(page, ui, 'rankings methodology', found);

  await go(page, '/settings');
  await page.locator('form').first().waitFor({ timeout: 60_000 });
  await check(page, ui, 'settings', found);

  await go(page, '/import');
  await page.getByRole('heading', { level: 4 }).first().waitFor();
  await check(page, ui, 'import', found);

  await go(page, '/inbox');
  await page.getByTestId('inbox-page').waitFor({ timeout: 60_000 });
  await check(page, ui, 'inbox', found);

  await go(page, '/audit');
  await page.getByTestId('audit-table').locator('tbody .ant-table-row').first().waitFor();
  await check(page, ui, 'audit', found);
  return found;
}

e2e(
  'English tour: no Chinese on any page or drawer',
  async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('link', { name: 'Rankings' }).waitFor();
    const found = await tour(page, 'en');
    await shot('english-tour-last');
    if (found.length > 0) throw new Error(`Chinese text in English mode:\n${found.join('\n')}`);
    // The administrator sees every page (settings and the audit log are theirs alone).
  },
  { account: 'admin' },
);

e2e(
  'Chinese tour: no English UI words on any page or drawer',
  async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/overview`);
    await waitForData(page);
    const found = await tour(page, 'zh-CN');
    if (found.length > 0) throw new Error(`English text in Chinese mode:\n${found.join('\n')}`);
  },
  { account: 'admin' },
);
