/**
 * What every browser bench needs before it measures: the production build in dist/ (vite build,
 * unless BENCH_SKIP_BUILD=1) and a fresh Chromium profile per run (the one launcher the e2e suite
 * uses too; nothing cached between runs), signed in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../e2e/chromium';

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

export interface BenchBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

/** A fresh headless Chromium (its own temp profile), signed in with `cookie`. */
export async function openBenchBrowser(baseUrl: string, cookie: string): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ducha-bench-profile-'));
  const context = await launchChromium(profile);
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
