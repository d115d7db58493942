/**
 * Where an incremental cycle's time goes (issue 17): the demo city served in-process over HTTP,
 * the service on a fresh DuckDB file, a cold sync, then `--touch` cases changed the way
 * `GET /demo/touch` changes them, and one incremental `syncOnce` under the CPU profiler. Prints
 * the cycle's wall time and the functions with the most time (inclusive and self), and writes the
 * profile for a closer look.
 *
 *   node --max-old-space-size=14000 --import tsx tests/bench/incremental-profile.ts \
 *     [--cases 300000] [--touch 10000] [--out /tmp/incremental.cpuprofile]
 *
 * Not run by CI; the feed and the service share one event loop here, as they share two cores in
 * `bench:service`, so their times add up the same way.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCity } from '../../mocks/demo-city/generate';
import { startFeedHttpServer } from '../../mocks/feed-http';
import { createFeedServer } from '../../mocks/feed-server';
import { touchCases } from '../../scripts/cli/demo-feed-command';
import { recordCards } from '../../server/duban/cards';
import { loadDubanFigures } from '../../server/duban/figures';
import { writeDerived, type EvaluatedSource } from '../../server/jobs/evaluate';
import { OPEN_ACCESS, startServer } from '../../server/main';
import type { Database, SqlParam, Tx } from '../../server/store/database';
import { summariseProfile, type Profile } from './cpu-profile-summary';
import { benchOptions } from './latency';

const { opt } = benchOptions(process.argv.slice(2));
const CASES = Number(opt('cases', '300000'));
const TOUCHED = Number(opt('touch', '10000'));
const OUT = opt('out', join(tmpdir(), 'incremental.cpuprofile'));
const AS_OF = '2026-09-30';
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** The store with each statement's time logged (reads, and the statements of a transaction). */
function timedStatements(db: Database): Database {
  const timed = async <R>(sql: string, run: () => Promise<R>): Promise<R> => {
    const t0 = performance.now();
    const out = await run();
    log(
      `    ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`,
    );
    return out;
  };
  return Object.assign(Object.create(db) as Database, {
    all: (sql: string, params?: readonly SqlParam[]) => timed(sql, () => db.all(sql, params)),
    transaction: <R>(body: (tx: Tx) => Promise<R>) =>
      db.transaction((tx) =>
        body({
          connection: tx.connection,
          run: (sql, params) => timed(sql, () => tx.run(sql, params)),
          all: (sql, params) => timed(sql, () => tx.all(sql, params)),
        }),
      ),
  });
}

/** How much of the last evaluation was evaluated again (the derived rows and cards follow it). */
function reused(e: EvaluatedSource | null): string {
  const reuse = e?.model.reuse;
  if (reuse === undefined) return 'no reuse';
  return reuse.full
    ? 'full evaluation'
    : `${reuse.recomputedIds.length} cases evaluated again, ${reuse.removedIds.length} gone`;
}

let t = performance.now();
let city = generateDemoCity({ seed: 1, cases: CASES, asOf: AS_OF });
log(`generated ${CASES} cases in ${(performance.now() - t).toFixed(0)} ms`);
let feed = createFeedServer(city);
const http = await startFeedHttpServer(feed, { port: 0 });
const dir = mkdtempSync(join(tmpdir(), 'incremental-profile-'));
try {
  t = performance.now();
  const server = await startServer({
    dbPath: join(dir, 'service.duckdb'),
    feedUrl: http.url,
    port: 0,
    asOfMs: Date.parse(`${AS_OF}T23:59:59+08:00`),
    syncMinutes: 0,
    auth: OPEN_ACCESS,
    staticDir: null,
  });
  await server.service.syncOnce();
  log(`cold sync ${(performance.now() - t).toFixed(0)} ms`);
  await server.service.warming;

  city = touchCases(city, TOUCHED, 1);
  feed = createFeedServer(city, undefined, feed);
  http.setFeed(feed);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  t = performance.now();
  const report = await server.service.syncOnce();
  const cycle = performance.now() - t;
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  log(
    `incremental cycle (${report?.fetched.cases} changed cases) ${cycle.toFixed(0)} ms, evaluation ${server.service.evaluated?.evaluateMs} ms, ${reused(server.service.evaluated)}`,
  );
  writeFileSync(OUT, JSON.stringify(profile));
  log(summariseProfile(profile));

  // The daily re-evaluation: the as-of one day on, nothing changed.
  await server.service.warming;
  server.service.options.asOfMs = (server.service.options.asOfMs ?? Date.now()) + 86_400_000;
  await session.post('Profiler.start');
  t = performance.now();
  await server.service.recompute();
  const daily = performance.now() - t;
  const next = (await session.post('Profiler.stop')) as { profile: Profile };
  log(
    `daily re-evaluation ${daily.toFixed(0)} ms, evaluation ${server.service.evaluated?.evaluateMs} ms, ${reused(server.service.evaluated)}`,
  );
  writeFileSync(OUT.replace(/(\.cpuprofile)?$/, '-daily.cpuprofile'), JSON.stringify(next.profile));
  log(summariseProfile(next.profile));

  // What follows every evaluation in the service, timed alone (their SQL runs off the main thread).
  await server.service.warming;
  const evaluated = server.service.evaluated;
  if (evaluated !== null) {
    t = performance.now();
    await recordCards(timedStatements(server.db), evaluated);
    log(`recordCards ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    await loadDubanFigures(server.db, evaluated);
    log(`loadDubanFigures ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    await writeDerived(server.db, 'city', evaluated.evaluatedModel, evaluated.settings.version, 0);
    log(`writeDerived (the daily's rows again) ${(performance.now() - t).toFixed(0)} ms`);
  }
  await server.close();
} finally {
  await http.close();
  rmSync(dir, { recursive: true, force: true });
}
