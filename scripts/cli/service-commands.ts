/**
 * The service's commands: `serve` (sync + API + SPA), `sync` (one sync and evaluation, then exit,
 * printing one JSON object) and `recompute` (rebuild every derived table from the raw records).
 */
import { heapLimitMb, parseHeapMb, restartWithHeapLimit } from './heap-limit';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, startServer } from '../../server/main';
import { SupervisionService } from '../../server/service';
import { CliUsageError, parseAsOfOption, parseOptions, type CliCommand } from './common';

function asOfOption(opts: Map<string, string>): number | null {
  const text = opts.get('as-of');
  if (text === undefined) return null;
  const ms = parseAsOfOption(text);
  if (ms === null)
    throw new CliUsageError(`--as-of 无法解析 '${text}' (not an ISO 8601 instant or date)`);
  return ms;
}

function required(opts: Map<string, string>, name: string): string {
  const v = opts.get(name);
  if (v === undefined) throw new CliUsageError(`缺少 --${name} (missing --${name})`);
  return v;
}

function ensureDir(file: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

/**
 * The project root: the nearest folder with a package.json above this module — found by walking
 * up, because the module runs from scripts/cli/ (tsx) or from the CLI bundle in .cache/cli/<hash>/.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = projectRoot();

export const serveCommand: CliCommand = {
  summary: '督查服务：同步、评估、API 与看板 (the supervision service)',
  usage: `serve --db FILE --feed URL --port P [--as-of ISO] [--sync-minutes N] [--host H] [--static DIR] [--import-max-bytes N] [--max-heap-mb N] [--demo-accounts]
  同步 FEED 到 FILE（启动时及每 N 分钟），提供 /api/v1/* 与构建好的看板 (dist/)
  --import-max-bytes：导入文件的大小上限（字节，默认 1073741824 = 1 GB）(largest import upload)
  --max-heap-mb：服务进程的堆内存上限（兆字节；以 --max-old-space-size 重启 node）。超出的数据源不评估，说明原因 (heap limit)
  --demo-accounts：为演示建立每个角色一个账号（密码见 README「演示账号」），仅限演示
  环境变量 DUCKDB_MEMORY_LIMIT：DuckDB 缓冲区上限（默认 512MB）；DUCKDB_THREADS：DuckDB 线程数；
  SERVICE_HEAP_GROWING_PERCENT：两次完整垃圾回收之间堆的增长上限（百分比，默认 50；0 为 V8 自行决定）(memory knobs)`,
  async run(allArgs) {
    // The one option without a value: a flag, so it is taken out before the value options.
    const demoAccounts = allArgs.includes('--demo-accounts');
    const args = allArgs.filter((a) => a !== '--demo-accounts');
    const opts = parseOptions(args, [
      'db',
      'feed',
      'port',
      'as-of',
      'sync-minutes',
      'host',
      'static',
      'import-max-bytes',
      'max-heap-mb',
    ]);
    // The heap limit is fixed when node starts: with --max-heap-mb, run again in a node that has it.
    const heapOption = opts.get('max-heap-mb');
    if (heapOption !== undefined) {
      const restarted = restartWithHeapLimit(parseHeapMb(heapOption));
      if (restarted !== null) return restarted;
    }
    const dbPath = required(opts, 'db');
    const feedUrl = required(opts, 'feed');
    const port = Number(required(opts, 'port'));
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliUsageError('--port 应为 0–65535');
    const syncMinutes = Number(opts.get('sync-minutes') ?? '5');
    if (!(syncMinutes >= 0)) throw new CliUsageError('--sync-minutes 应为非负数');
    const importMaxBytes = Number(opts.get('import-max-bytes') ?? String(1024 ** 3));
    if (!Number.isSafeInteger(importMaxBytes) || importMaxBytes < 1)
      throw new CliUsageError('--import-max-bytes 应为正整数 (a positive number of bytes)');
    ensureDir(dbPath);
    const staticDir = opts.get('static') ?? resolve(ROOT, 'dist');
    const server = await startServer({
      dbPath,
      feedUrl,
      port,
      host: opts.get('host') ?? '127.0.0.1',
      asOfMs: asOfOption(opts),
      syncMinutes,
      staticDir,
      demoAccounts,
      importMaxBytes,
      log: (line) => process.stderr.write(`serve: ${line}\n`),
    });
    process.stderr.write(
      `serve: 督查服务已启动 ${server.url} (database ${dbPath}, 堆上限 heap limit ${heapLimitMb()} MB)\n`,
    );
    process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
    await new Promise<void>((resolveStop) => {
      const stop = (): void => void server.close().then(() => resolveStop());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

export const syncCommand: CliCommand = {
  summary: '同步一次并评估，然后退出 (one sync plus evaluation)',
  usage: `sync --db FILE --feed URL [--as-of ISO] [--page-size N]
  输出一个 JSON 对象：{"fetched": {…}, "upserted": n, "rejected": n, "evaluated": n, "ms": n}`,
  async run(args) {
    const opts = parseOptions(args, ['db', 'feed', 'as-of', 'page-size']);
    const dbPath = required(opts, 'db');
    const feedUrl = required(opts, 'feed');
    const pageSize = Number(opts.get('page-size') ?? '5000');
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 5000) {
      throw new CliUsageError('--page-size 应为 1–5000 的整数 (the feed contract allows 1–5000)');
    }
    ensureDir(dbPath);
    const started = performance.now();
    const db = await openStore(dbPath);
    try {
      const service = new SupervisionService(db, {
        feedUrl,
        asOfMs: asOfOption(opts),
        syncMinutes: 0,
        sync: { pageSize },
      });
      const report = await service.syncOnce();
      if (report === null) {
        const failure = service.status.failure;
        process.stderr.write(`sync: 同步失败 (sync failed): ${failure?.message ?? 'unknown'}\n`);
        return 1;
      }
      const evaluated = service.evaluated ?? (await service.recompute());
      const out = {
        fetched: report.fetched,
        upserted: report.upserted,
        rejected: report.rejected,
        evaluated: evaluated.model.rows.length,
        ms: Math.round(performance.now() - started),
        // Extension: where the time went, for docs/performance.md.
        timings: {
          httpMs: Math.round(report.timings.httpMs),
          jsonMs: Math.round(report.timings.jsonMs),
          validateMs: Math.round(report.timings.validateMs),
          storeMs: Math.round(report.timings.storeMs),
          evaluateMs: evaluated.evaluateMs,
        },
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

export const recomputeCommand: CliCommand = {
  summary: '由原始记录重建全部派生结果 (rebuild every derived table)',
  usage: `recompute --db FILE [--as-of ISO]`,
  async run(args) {
    const opts = parseOptions(args, ['db', 'as-of']);
    const db = await openStore(required(opts, 'db'));
    try {
      const started = performance.now();
      const service = new SupervisionService(db, {
        feedUrl: null,
        asOfMs: asOfOption(opts),
        syncMinutes: 0,
      });
      const e = await service.recompute();
      process.stdout.write(
        `${JSON.stringify({ evaluated: e.model.rows.length, flags: e.model.flags.length, settingsVersion: e.settings.version, ms: Math.round(performance.now() - started) })}\n`,
      );
      return 0;
    } finally {
      await db.close();
    }
  },
};
