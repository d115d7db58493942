/**
 * A small end-to-end harness: starts the demo feed and the real service (which serves the build
 * from dist/) on a temp DuckDB file, drives Debian's Chromium through playwright-core (never a
 * downloaded browser), fails a test on any console error or deprecation warning, page error or
 * failed request, and saves a screenshot per step under test-results/e2e/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './chromium';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOT_DIR = join(ROOT, 'test-results', 'e2e');

export interface E2eContext {
  page: Page;
  baseUrl: string;
  /** The demo feed (the city's platform stand-in) behind the service. */
  feed: DemoFeedControl;
  /** Declares an HTTP error the test expects (e.g. a 404 for a page that must say "not found"). */
  expectHttpError: (url: RegExp) => void;
  /** Declares a console error the test provokes on purpose (e.g. a CSP refusal it checks). */
  expectConsoleError: (text: RegExp) => void;
  /** Signs this page's browser in as a demo account (the session cookie lands in the context). */
  signIn: (account: DemoAccountName) => Promise<void>;
  /** Saves a full-page screenshot as test-results/e2e/NAME.png and returns its path. */
  shot: (name: string) => Promise<string>;
  /**
   * A second browser (its own profile and session) signed in as `account`, checked for console
   * and page errors like the first, closed with the test — for two people acting on one record.
   */
  openSecondBrowser: (
    account: DemoAccountName,
    options?: { expectHttpErrors?: RegExp[] },
  ) => Promise<SecondBrowser>;
}

export interface SecondBrowser {
  page: Page;
  /** Saves a full-page screenshot of this browser's page as test-results/e2e/NAME.png. */
  shot: (name: string) => Promise<string>;
}

/** Waits until every feed has loaded (the header stamp reads "数据更新于 …"). */
export async function waitForData(page: Page, timeoutMs = 60_000): Promise<void> {
  await page
    .getByTestId('data-freshness')
    .getByText(/数据更新于|Data as of/)
    .waitFor({ timeout: timeoutMs });
}

interface E2eTest {
  name: string;
  fn: (ctx: E2eContext) => Promise<void>;
  /** Who the test starts signed in as (default supervisor; null = signed out). */
  account?: DemoAccountName | null;
}

const tests: E2eTest[] = [];

/** Registers an end-to-end test. Each test gets a fresh page. */
export function e2e(
  name: string,
  fn: (ctx: E2eContext) => Promise<void>,
  options: { account?: DemoAccountName | null } = {},
): void {
  tests.push({ name, fn, ...options });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Switches the demo feed's fault mode (`none`, `outage`, `500`, …) while it runs. */
export interface DemoFeedControl {
  url: string;
  setFault(mode: 'none' | 'outage' | 'timeout' | '500' | 'malformed' | '401'): Promise<void>;
}

/** The demo accounts `serve --demo-accounts` creates (README), by name. */
export const DEMO_PASSWORDS = {
  admin: 'demo-admin-2026',
  supervisor: 'demo-supervisor-2026',
  leader: 'demo-leader-2026',
  'liaison-d13': 'demo-liaison-2026',
  'liaison-x01': 'demo-liaison-2026',
} as const;
export type DemoAccountName = keyof typeof DEMO_PASSWORDS;

/** The demo city the e2e suite runs on: fixed seed, size and as-of, so figures are reproducible. */
export const E2E_CITY = { cases: 50_000, seed: 1, asOf: '2026-09-30' } as const;

function startCli(
  args: string[],
  log: (text: string) => void,
): { child: ChildProcess; url: Promise<string> } {
  // node runs the CLI with tsx as a loader, so stopping the child stops the process itself.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (d: Buffer) => log(d.toString()));
  const url = new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) {
        const parsed: unknown = JSON.parse(line);
        const u =
          typeof parsed === 'object' && parsed !== null
            ? (parsed as Record<string, unknown>)['url']
            : null;
        if (typeof u === 'string') resolveUrl(u);
        else reject(new Error(`unexpected output: ${line}`));
      }
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with code ${code}`)));
  });
  return { child, url };
}

async function waitForFirstSync(baseUrl: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const body: unknown = await (await fetch(`${baseUrl}/api/v1/health`)).json();
      if (
        typeof body === 'object' &&
        body !== null &&
        typeof (body as Record<string, unknown>)['lastSyncAt'] === 'string'
      )
        return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the service did not finish its first sync within ${timeoutMs} ms`);
}

/** Runs every registered test; prints one line per test and a closing "N passed, N failed" line. */
export async function runAll(filter?: string): Promise<number> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  }
  chromiumPath();
  mkdirSync(SHOT_DIR, { recursive: true });
  let serviceLog = '';
  const log = (text: string): void => {
    serviceLog += text;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'ducha-e2e-data-'));
  const feedProcess = startCli(
    [
      'demo-feed',
      '--port',
      '0',
      '--cases',
      String(E2E_CITY.cases),
      '--seed',
      String(E2E_CITY.seed),
      '--as-of',
      E2E_CITY.asOf,
    ],
    log,
  );
  const port = await freePort();
  const children: ChildProcess[] = [feedProcess.child];
  let baseUrl = `http://127.0.0.1:${port}`;
  let feed: DemoFeedControl | null = null;
  let passed = 0;
  let failed = 0;
  // Each test gets a fresh browser profile: its own service-worker registration, storage and
  // IndexedDB, so no test depends on (or is disturbed by) what an earlier one left behind.
  const launch = (profile: string): Promise<BrowserContext> =>
    // The browser's zone differs from Asia/Shanghai on purpose: the UI must not depend on it.
    launchChromium(profile, { timezoneId: 'America/New_York' });
  try {
    const feedUrl = await feedProcess.url;
    const feedOrigin = new URL(feedUrl).origin;
    feed = {
      url: feedUrl,
      setFault: async (mode) => {
        const res = await fetch(`${feedOrigin}/demo/fault?mode=${mode}`);
        if (!res.ok) throw new Error(`cannot set the demo feed's fault to ${mode}`);
      },
    };
    const service = startCli(
      [
        'serve',
        '--db',
        join(dataDir, 'e2e.duckdb'),
        '--feed',
        feedUrl,
        '--port',
        String(port),
        '--as-of',
        E2E_CITY.asOf,
        '--sync-minutes',
        '0.05',
        '--demo-accounts',
      ],
      log,
    );
    children.push(service.child);
    baseUrl = await service.url;
    // 50k cases take ~1 min to sync alone; a machine shared with other jobs needs more.
    await waitForFirstSync(baseUrl, Number(process.env.E2E_SYNC_TIMEOUT_MS ?? 300_000));
    // E2E_FILTER: tests whose name contains the text, or any of several texts separated by `|`.
    const wanted = filter ? filter.split('|').filter((f) => f !== '') : [];
    const selected =
      wanted.length > 0 ? tests.filter((t) => wanted.some((f) => t.name.includes(f))) : tests;
    for (const test of selected) {
      const profile = mkdtempSync(join(tmpdir(), 'ducha-e2e-'));
      const context = await launch(profile);
      const page = await context.newPage();
      const problems: string[] = [];
      // Requests are tagged with the document that made them: when a test navigates while the
      // previous document's feed requests are in flight, the demo's service worker no longer has
      // that client and lets them through to the static server (404) — not a failure of the page
      // now shown. Everything the current document requests is still checked.
      let documentSeq = 0;
      const requestDocument = new WeakMap<object, number>();
      page.on('request', (req) => {
        if (req.isNavigationRequest() && req.frame() === page.mainFrame()) documentSeq += 1;
        requestDocument.set(req, documentSeq);
      });
      const fromCurrentDocument = (req: object) =>
        (requestDocument.get(req) ?? documentSeq) === documentSeq;
      const expectedErrors: RegExp[] = [];
      const expectedConsole: RegExp[] = [];
      const expectConsoleError = (text: RegExp): void => {
        expectedConsole.push(text);
      };
      page.on('console', (msg) => {
        // A deprecation is a failure at any level (antd reports them through console.error, other
        // libraries through console.warn), so a deprecated API cannot creep back in unnoticed.
        if (msg.type() === 'warning' && /deprecated/i.test(msg.text())) {
          problems.push(`console warning: ${msg.text()}`);
          return;
        }
        if (msg.type() === 'error') {
          if (expectedConsole.some((re) => re.test(msg.text()))) return;
          // Chromium's own line for an HTTP error response carries no URL: the response hook
          // reports each unexpected one with its URL, and lets the declared ones (404, 401) pass.
          if (/Failed to load resource: the server responded with a status of \d+/.test(msg.text()))
            return;
          problems.push(`console error: ${msg.text()}`);
        }
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('requestfailed', (req) => {
        const why = req.failure()?.errorText ?? '';
        // Navigations away abort in-flight requests on purpose; those are not failures.
        if (why !== 'net::ERR_ABORTED' && fromCurrentDocument(req))
          problems.push(`request failed: ${req.url()} ${why}`);
      });
      const expectHttpError = (url: RegExp): void => {
        expectedErrors.push(url);
      };
      page.on('response', (res) => {
        if (expectedErrors.some((re) => re.test(res.url()))) return;
        if (res.status() >= 400 && fromCurrentDocument(res.request()))
          problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      const shot = async (name: string) => {
        const path = join(SHOT_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      };
      const started = Date.now();
      const extra: { context: BrowserContext; profile: string }[] = [];
      const openSecondBrowser = async (
        account: DemoAccountName,
        options: { expectHttpErrors?: RegExp[] } = {},
      ): Promise<SecondBrowser> => {
        const extraProfile = mkdtempSync(join(tmpdir(), 'ducha-e2e-'));
        const second = await launch(extraProfile);
        extra.push({ context: second, profile: extraProfile });
        const res = await second.request.post(`${baseUrl}/api/v1/session`, {
          data: { name: account, password: DEMO_PASSWORDS[account] },
          headers: { origin: baseUrl },
        });
        if (res.status() !== 204) throw new Error(`sign-in as ${account} failed: ${res.status()}`);
        const p = await second.newPage();
        p.on('console', (msg) => {
          // Chromium's "Failed to load resource" line has no URL: the response hook reports it.
          if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text()))
            problems.push(`[${account}] console error: ${msg.text()}`);
        });
        p.on('response', (res) => {
          if (res.status() < 400) return;
          if ((options.expectHttpErrors ?? []).some((re) => re.test(res.url()))) return;
          problems.push(`[${account}] HTTP ${res.status()}: ${res.url()}`);
        });
        p.on('pageerror', (err) => problems.push(`[${account}] page error: ${err.message}`));
        return {
          page: p,
          shot: async (name: string) => {
            const path = join(SHOT_DIR, `${name}.png`);
            await p.screenshot({ path, fullPage: true });
            return path;
          },
        };
      };
      try {
        await feed.setFault('none');
        const signIn = async (account: DemoAccountName): Promise<void> => {
          // Through the browser context's own request client, so the cookie is the page's.
          const res = await context.request.post(`${baseUrl}/api/v1/session`, {
            data: { name: account, password: DEMO_PASSWORDS[account] },
            headers: { origin: baseUrl },
          });
          if (res.status() !== 204)
            throw new Error(`sign-in as ${account} failed: ${res.status()}`);
        };
        // Every page needs a session: tests start signed in as a supervisor (all departments) and
        // sign in as another role where they test that role.
        if (test.account !== null) await signIn(test.account ?? 'supervisor');
        await test.fn({
          page,
          baseUrl,
          shot,
          feed,
          signIn,
          expectHttpError,
          expectConsoleError,
          openSecondBrowser,
        });
        if (problems.length > 0) throw new Error(problems.join('\n'));
        passed += 1;
        console.log(`✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`✗ ${test.name}\n  ${error instanceof Error ? error.message : String(error)}`);
        await page
          .screenshot({
            path: join(SHOT_DIR, `FAILED-${test.name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}.png`),
          })
          .catch(() => {});
      } finally {
        await page.close();
        await context.close();
        rmSync(profile, { recursive: true, force: true });
        for (const x of extra) {
          await x.context.close().catch(() => {});
          rmSync(x.profile, { recursive: true, force: true });
        }
      }
    }
  } catch (error) {
    failed += 1;
    console.log(
      `✗ harness: ${error instanceof Error ? error.message : String(error)}\n${serviceLog}`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}
