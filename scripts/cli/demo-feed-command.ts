/**
 * `demo-feed`: the demo city served over real HTTP per docs/feed-contract.md — the stand-in for the
 * city's platform. With the same seed, size and as-of it serves exactly the records `demo-data`
 * writes. `--fault` (or `GET /demo/fault?mode=…` at run time) makes it fail the way a real
 * platform does, so anyone can see how the dashboard behaves when the platform is down.
 */
import { generateDemoCity, shanghaiToday, type DemoDataset } from '../../mocks/demo-city';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import { FEED_FAULTS, isFeedFault, startFeedHttpServer } from '../../mocks/feed-http';
import { createFeedServer } from '../../mocks/feed-server';
import { CliUsageError, parseOptions, type CliCommand } from './common';

const USAGE = `demo-feed --port P [--cases N] [--seed S] [--as-of YYYY-MM-DD] [--fault ${FEED_FAULTS.join('|')}] [--host H]
  演示城市数据接口（真实 HTTP，按 docs/feed-contract.md）；基地址 http://HOST:P/api/v1
  the demo city over HTTP (base URL http://HOST:P/api/v1); --fault makes every request fail that way;
  GET /demo/fault?mode=… switches the fault while it runs; GET /demo/touch?cases=N changes N cases
  (a later updatedAt) for an incremental sync`;

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
  const opts = parseOptions(args, ['port', 'cases', 'seed', 'as-of', 'fault', 'host']);
  const port = intOption(opts, 'port', 0, 0, 65535);
  const cases = intOption(opts, 'cases', 50_000, 0, 50_000_000);
  const seed = intOption(opts, 'seed', 1, 0, 2 ** 31 - 1);
  const asOf = opts.get('as-of') ?? shanghaiToday(Date.now());
  const fault = opts.get('fault') ?? 'none';
  if (!isFeedFault(fault))
    throw new CliUsageError(`--fault 应为 ${FEED_FAULTS.join('|')} (got '${fault}')`);

  const started = performance.now();
  let city = generateDemoCity({ seed, cases, asOf });
  let touches = 0;
  let feed = createFeedServer(city);
  const http = await startFeedHttpServer(feed, {
    touch: (n) => {
      city = touchCases(city, n, ++touches);
      feed = createFeedServer(city, undefined, feed);
      return feed;
    },
    port,
    host: opts.get('host') ?? '127.0.0.1',
    fault,
    faultSwitch: true,
    onFault: (f) => process.stderr.write(`demo-feed: fault = ${f}\n`),
  });
  process.stderr.write(
    `demo-feed: ${cases} 件办件 (seed ${seed}, as-of ${asOf}) 生成用时 ${Math.round(performance.now() - started)} ms，${http.url}\n`,
  );
  // The one line on stdout: where the feed is (scripts read it to find a random port).
  process.stdout.write(
    `${JSON.stringify({ url: http.url, port: http.port, cases, seed, asOf })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => void http.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/**
 * The platform after `n` cases changed (`GET /demo/touch?cases=n`): n cases spread evenly over the
 * city get an `updatedAt` one minute after the previous server clock, which moves on a minute too;
 * the next incremental pass fetches exactly those n cases.
 */
export function touchCases(city: DemoDataset, n: number, round: number): DemoDataset {
  const clock = Date.parse(city.serverTime) + 60_000;
  const stamp = formatShanghaiIso(clock);
  const step = Math.max(1, Math.floor(city.cases.length / n));
  const cases = city.cases.slice();
  for (let k = 0, i = round % step; k < n && i < cases.length; k++, i += step) {
    const c = cases[i];
    if (c !== undefined) cases[i] = { ...c, updatedAt: stamp };
  }
  return { ...city, cases, serverTime: formatShanghaiIso(clock + 30_000) };
}

export const demoFeedCommand: CliCommand = {
  summary: '演示城市数据接口（真实 HTTP）(the demo city served over HTTP)',
  usage: USAGE,
  run,
};
