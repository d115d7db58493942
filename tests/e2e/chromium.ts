/**
 * The one way the e2e suite and the browser bench start Chromium: Debian's `/usr/bin/chromium`
 * (or CHROMIUM_PATH) through playwright-core, never a downloaded browser, headless, a 1440×900
 * zh-CN window, a fresh profile directory per test or run, and nothing running in the background
 * that could make requests or use CPU of its own.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

/** Chromium's path, checked once; throws with how to install it. */
export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install Debian's chromium (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`,
    );
  }
  return executablePath;
}

/** A browser on a fresh profile directory; `timezoneId` sets the page's time zone. */
export function launchChromium(
  profile: string,
  options: { timezoneId?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    ...options,
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
}
