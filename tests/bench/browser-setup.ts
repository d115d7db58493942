/**
 * What every browser bench needs before it measures: the production build in dist/ (vite build,
 * unless BENCH_SKIP_BUILD=1) and a fresh Chromium profile per run (Debian's Chromium through
 * playwright-core; nothing cached between runs), the window the budgets were set for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');

/** `vite build` into dist/ (its output to stderr: stdout carries only figures). */
export function buildDist(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  const build = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) throw new Error('vite build failed');
}

export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  return executablePath;
}

export interface BenchBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

/** A fresh headless Chromium (its own temp profile), 1440×900, zh-CN, signed in with `cookie`. */
export async function openBenchBrowser(baseUrl: string, cookie: string): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ducha-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const eq = cookie.indexOf('=');
  await context.addCookies([
    { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl },
  ]);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
