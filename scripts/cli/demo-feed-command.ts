/**
 * `demo-feed`: the demo city served over real HTTP per docs/feed-contract.md — the stand-in for the
 * city's platform. With the same seed, size and as-of it serves exactly the records `demo-data`
 * writes. `--fault` (or `GET /demo/fault?mode=…` at run time) makes it fail the way a real
 * platform does, so anyone can see how the dashboard behaves when the platform is down.
 *
 * Above {@link DISK_THRESHOLD} cases (or with `--store disk`) the city is written to disk case by
 * case and pages are served from the files (mocks/disk-feed): 1M cases in memory take ≈ 5 GB, 5M
 * would not fit next to the service. Small cities (tests, e2e, `npm start`) stay in memory.
 */
import { generateDemoCity, shanghaiToday, type DemoDataset } from '../../mocks/demo-city';
import { createDiskFeed } from '../../mocks/disk-feed/server';
import { writeDiskCity } from '../../mocks/disk-feed/write';
import {
  FEED_FAULTS,
  isFeedFault,
  startFeedHttpServer,
  type FeedHttpOptions,
  type FeedSource,
} from '../../mocks/feed-http';
import { createFeedServer } from '../../mocks/feed-server';
import { touchPlan } from '../../mocks/touch-plan';
import { CliUsageError, parseOptions, type CliCommand } from './common';

/** Above this many cases the feed is served from disk unless `--store memory` says otherwise. */
export const DISK_THRESHOLD = 300_000;

const USAGE = `demo-feed --port P [--cases N] [--seed S] [--as-of YYYY-MM-DD] [--fault ${FEED_FAULTS.join('|')}] [--host H]
          [--store memory|disk] [--dir D]
  演示城市数据接口（真实 HTTP，按 docs/feed-contract.md）；基地址 http://HOST:P/api/v1
  the demo city over HTTP (base URL http://HOST:P/api/v1); --fault makes every request fail that way;
  GET /demo/fault?mode=… switches the fault while it runs; GET /demo/touch?cases=N changes N cases
  (a later updatedAt) for an incremental sync.
  --store disk（超过 ${DISK_THRESHOLD.toLocaleString('zh-CN')} 件时默认）：逐件生成写入临时文件（--dir，默认系统临时目录），
  内存中只保留索引；退出时删除文件 (records on disk, only indexes in memory; files deleted on exit)`;

function intOption(
  opts: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = opts.get(name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliUsageError(`--${name} 应为 ${min}–${max} 的整数 (got '${text}')`);
  }
  return n;
}

async function run(args: string[]): Promise<number> {
  const opts = parseOptions(args, [
    'port',
    'cases',
    'seed',
    'as-of',
    'fault',
    'host',
    'store',
    'dir',
  ]);
  const port = intOption(opts, 'port', 0, 0, 65535);
  const cases = intOption(opts, 'cases', 50_000, 0, 50_000_000);
  const seed = intOption(opts, 'seed', 1, 0, 2 ** 31 - 1);
  const asOf = opts.get('as-of') ?? shanghaiToday(Date.now());
  const fault = opts.get('fault') ?? 'none';
  if (!isFeedFault(fault))
    throw new CliUsageError(`--fault 应为 ${FEED_FAULTS.join('|')} (got '${fault}')`);

  const store = opts.get('store') ?? (cases > DISK_THRESHOLD ? 'disk' : 'memory');
  if (store !== 'memory' && store !== 'disk')
    throw new CliUsageError(`--store 应为 memory|disk (got '${store}')`);
  const dir = opts.get('dir');
  if (dir !== undefined && store !== 'disk')
    throw new CliUsageError('--dir 只用于 --store disk (--dir needs --store disk)');

  const started = performance.now();
  const served =
    store === 'disk'
      ? await diskFeed({ seed, cases, asOf, ...(dir === undefined ? {} : { dir }) })
      : memoryFeed({ seed, cases, asOf });
  const http = await startFeedHttpServer(served.feed, {
    touch: served.touch,
    port,
    host: opts.get('host') ?? '127.0.0.1',
    fault,
    faultSwitch: true,
    onFault: (f) => process.stderr.write(`demo-feed: fault = ${f}\n`),
  });
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  process.stderr.write(
    `demo-feed: ${cases.toLocaleString('zh-CN')} 件办件 (seed ${seed}, as-of ${asOf}, ${store}) 生成用时 ${Math.round(performance.now() - started).toLocaleString('zh-CN')} ms，内存 ${rss.toLocaleString('zh-CN')} MB${served.note}，${http.url}\n`,
  );
  // The one line on stdout: where the feed is (scripts read it to find a random port).
  process.stdout.write(
    `${JSON.stringify({ url: http.url, port: http.port, cases, seed, asOf, store, diskBytes: served.diskBytes })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => void http.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  served.close();
  return 0;
}

interface ServedCity {
  feed: FeedSource;
  touch: NonNullable<FeedHttpOptions['touch']>;
  /** What the start-up line adds (disk use). */
  note: string;
  /** Bytes of the files on disk (null in memory). */
  diskBytes: number | null;
  close(): void;
}

function memoryFeed(options: { seed: number; cases: number; asOf: string }): ServedCity {
  let city = generateDemoCity(options);
  let touches = 0;
  let feed = createFeedServer(city);
  return {
    feed,
    touch: (n) => {
      city = touchCases(city, n, ++touches);
      // The new server reuses what the touch left alone (parsed instants, index arrays).
      feed = createFeedServer(city, undefined, feed);
      return feed;
    },
    note: '',
    diskBytes: null,
    close: () => undefined,
  };
}

async function diskFeed(options: {
  seed: number;
  cases: number;
  asOf: string;
  dir?: string;
}): Promise<ServedCity> {
  const started = performance.now();
  const city = await writeDiskCity({
    ...options,
    onProgress: (done) => {
      if (done % 1_000_000 === 0) {
        const s = ((performance.now() - started) / 1000).toFixed(0);
        process.stderr.write(`demo-feed: 已写入 ${done.toLocaleString('zh-CN')} 件 (${s} s)\n`);
      }
    },
  });
  const feed = createDiskFeed(city);
  const mb = (bytes: number): string => Math.round(bytes / 2 ** 20).toLocaleString('zh-CN');
  return {
    feed,
    touch: (n) => {
      feed.touch(n);
      return feed;
    },
    diskBytes: city.bytes,
    note: `（磁盘 ${mb(city.bytes)} MB，索引 ${mb(city.indexBytes)} MB，${city.dir}）`,
    close: () => feed.close(true),
  };
}

/** The platform after `n` cases changed (`GET /demo/touch?cases=n`), as {@link touchPlan} says. */
export function touchCases(city: DemoDataset, n: number, round: number): DemoDataset {
  const plan = touchPlan(city.serverTime, city.cases.length, n, round);
  const cases = city.cases.slice();
  for (const i of plan.indexes) {
    const c = cases[i];
    if (c !== undefined) cases[i] = { ...c, updatedAt: plan.stamp };
  }
  return { ...city, cases, serverTime: plan.serverTime };
}

export const demoFeedCommand: CliCommand = {
  summary: '演示城市数据接口（真实 HTTP）(the demo city served over HTTP)',
  usage: USAGE,
  run,
};
