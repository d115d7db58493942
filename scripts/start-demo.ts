/**
 * `npm start`: the demo city through the real service, with one command. Builds the dashboard
 * (unless --no-build), starts the demo feed (the stand-in for the city's platform) and the service
 * on a DuckDB file under .data/, shows the first sync's progress, and stops both on Ctrl-C.
 *
 *   npm start [-- --cases N] [--port 8787] [--max-heap-mb N] [--no-build] [--fresh]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultHeapMb, heapLimitEnv, parseHeapMb, serviceNodeFlags } from './cli/heap-limit';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
function option(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
}
const cases = option('cases', '50000');
const port = option('port', '8787');
const dataDir = join(ROOT, '.data');
const dbPath = join(dataDir, `demo-${cases}.duckdb`);

const children: ChildProcess[] = [];
function stopAll(code: number): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/**
 * The service's heap limit (docs/service.md): `--max-heap-mb N`, else 60 % of the machine's
 * memory. Node's default (≈ 4 GB) is less than a large city needs; the memory guard refuses what
 * does not fit under the limit, so the limit is what decides how big a dataset can be evaluated.
 */
const heapMb = parseHeapMb(option('max-heap-mb', String(defaultHeapMb())));

/**
 * Starts a CLI command with node + tsx and resolves with the JSON line it prints on stdout;
 * with `heap`, node starts with that heap limit and the service's young generation
 * (set when it starts: they cannot change later).
 */
function startCli(name: string, cliArgs: string[], heap?: number): Promise<{ url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(heap === undefined ? [] : serviceNodeFlags(heap)),
      '--import',
      'tsx',
      join(ROOT, 'scripts/cli.ts'),
      ...cliArgs,
      ...(heap === undefined ? [] : ['--max-heap-mb', String(heap)]),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: heap === undefined ? process.env : heapLimitEnv(heap),
    },
  );
  children.push(child);
  child.on('exit', (code) => {
    process.stderr.write(`${name} 已退出 (exited with ${code})\n`);
    stopAll(code ?? 1);
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        const url =
          typeof parsed === 'object' && parsed !== null
            ? (parsed as Record<string, unknown>)['url']
            : null;
        if (typeof url === 'string') resolve({ url });
        else reject(new Error(`${name}: unexpected output ${line}`));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

async function waitForFirstSync(url: string): Promise<void> {
  let last = '';
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      const body: unknown = await res.json();
      const h = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      if (typeof h['lastSyncAt'] === 'string') {
        process.stderr.write(`\n首次同步完成：${String(h['cases'])} 件办件 (first sync done)\n`);
        return;
      }
      const line = `正在同步演示城市数据… 已评估 ${String(h['cases'] ?? 0)} 件 (first sync running)`;
      if (line !== last) process.stderr.write(`\r${line}`);
      last = line;
    } catch {
      // The service is still starting.
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main(): Promise<void> {
  if (!flag('no-build')) {
    process.stderr.write('构建看板 (building the dashboard)…\n');
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('vite build failed');
  }
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  if (flag('fresh')) rmSync(dbPath, { force: true });
  const feed = await startCli('demo-feed', ['demo-feed', '--port', '0', '--cases', cases]);
  const service = await startCli(
    'serve',
    [
      'serve',
      '--db',
      dbPath,
      '--feed',
      feed.url,
      '--port',
      port,
      // Demo mode only: one account per role, passwords in the README (docs/security.md).
      '--demo-accounts',
    ],
    heapMb,
  );
  process.stderr.write(
    `\n效能督查看板：${service.url}  (演示账号见 README / demo accounts in the README)\n`,
  );
  await waitForFirstSync(service.url);
  process.stderr.write(`打开 ${service.url} 查看演示城市 (open it in a browser); Ctrl-C 停止\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
  stopAll(1);
});
