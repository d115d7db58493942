// @ts-check
/**
 * Runs the command-line tools (scripts/cli.ts) from a prebuilt esbuild bundle instead of through
 * tsx (issue 17: transpiling the sources through tsx's loader cost ≈ 1.7 s on the main thread and
 * ≈ 1–1.5 s in each `evaluate` worker thread, which registers tsx again).
 *
 * The bundle lives in `.cache/cli/<hash>/` (git-ignored), where the hash is taken over the content
 * of every source file of the last build; it is rebuilt when any of them changed, so a fresh clone
 * or an edited source never runs a stale bundle. Packages stay external (imported from
 * node_modules as they are: native ones like @duckdb/node-api cannot be bundled). A build goes to
 * its own directory first and is renamed into place, so concurrent runs never see half a bundle.
 *
 * Plain JavaScript on purpose: it must run before anything can transpile TypeScript.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'cli');
/** Which build is current and the content hash of each of its source files. */
const MANIFEST = join(CACHE, 'manifest.json');
/** Entry points: the CLI and its worker threads (scripts/cli/evaluate-parallel.ts, mocks/disk-feed/write.ts). */
const ENTRIES = [
  'scripts/cli.ts',
  'scripts/cli/evaluate-worker.ts',
  'mocks/disk-feed/disk-feed-worker.ts',
];

/** @param {string} path */
function fileHash(path) {
  try {
    return createHash('sha256')
      .update(readFileSync(join(ROOT, path)))
      .digest('hex');
  } catch {
    return null; // deleted or unreadable: the build is out of date
  }
}

/** @param {Record<string, string>} inputs */
function buildKey(inputs) {
  const h = createHash('sha256');
  for (const path of Object.keys(inputs).sort()) h.update(`${path}\0${inputs[path]}\n`);
  return h.digest('hex').slice(0, 16);
}

/** The directory of a bundle built from exactly today's sources, or null. */
function currentBuild() {
  /** @type {unknown} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null) return null;
  const { key, inputs } = /** @type {{ key?: unknown, inputs?: unknown }} */ (manifest);
  if (typeof key !== 'string' || typeof inputs !== 'object' || inputs === null) return null;
  for (const [path, hash] of Object.entries(inputs)) if (fileHash(path) !== hash) return null;
  const dir = join(CACHE, key);
  return existsSync(join(dir, 'cli.js')) ? dir : null;
}

async function build() {
  const esbuild = await import('esbuild');
  const tmp = join(CACHE, `build-${process.pid}-${Date.now()}`);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: tmp,
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
  });
  /** @type {Record<string, string>} */
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    const hash = fileHash(path);
    if (hash !== null) inputs[path] = hash;
  }
  const key = buildKey(inputs);
  const dir = join(CACHE, key);
  if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
  else {
    try {
      renameSync(tmp, dir);
    } catch {
      // Another run renamed the same build into place first.
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const manifestTmp = `${MANIFEST}.${process.pid}`;
  writeFileSync(manifestTmp, JSON.stringify({ key, inputs }));
  renameSync(manifestTmp, MANIFEST);
  return dir;
}

mkdirSync(CACHE, { recursive: true });
const dir = currentBuild() ?? (await build());
await import(pathToFileURL(join(dir, 'cli.js')).href);
