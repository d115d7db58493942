/**
 * `npm run test:e2e`: builds the demo, then runs every end-to-end spec (tests/e2e/specs/*.e2e.ts)
 * in real Chromium. Set E2E_SKIP_BUILD=1 to reuse an existing dist/, E2E_FILTER=text (or a|b) to run
 * matching tests only, CHROMIUM_PATH to use another Chromium binary.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runAll } from './harness';

const specDir = join(ROOT, 'tests/e2e/specs');
for (const file of readdirSync(specDir)
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()) {
  await import(pathToFileURL(join(specDir, file)).href);
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  const build = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('vite build failed');
    process.exit(1);
  }
}

process.exit(await runAll(process.env.E2E_FILTER));
