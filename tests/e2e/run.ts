/**
 * `npm run test:e2e`: builds the demo, then runs every end-to-end spec in real Chromium.
 * Set E2E_SKIP_BUILD=1 to reuse an existing dist/, E2E_FILTER=text to run matching tests only,
 * CHROMIUM_PATH to use another Chromium binary.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runAll } from './harness';
import './specs/shell.e2e';

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
