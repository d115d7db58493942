/**
 * The service under `npm run bench:service`: its own process (so its peak RSS is its own), started
 * in-process with `OPEN_ACCESS` (the data path; accounts are not what is measured) on a fresh DuckDB
 * file, driven by the bench over IPC. Its first message is the cold sync; then it answers
 * `sync` (an incremental cycle), `next-day` (the daily re-evaluation), `recompute` (load every raw
 * record back from the store and evaluate) and `stop`.
 */
import { OPEN_ACCESS, startServer } from '../../server/main';
import type { SyncReport } from '../../server/sync/sync';

const args = process.argv.slice(2);
const opt = (name: string): string => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? args[i + 1] : undefined;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
};
const send = (m: object): void => {
  process.send?.(m);
};

const DAY_MS = 86_400_000;
const started = performance.now();
const server = await startServer({
  dbPath: opt('db'),
  feedUrl: opt('feed'),
  port: 0,
  asOfMs: Date.parse(`${opt('as-of')}T23:59:59+08:00`),
  syncMinutes: 0,
  auth: OPEN_ACCESS,
  staticDir: null,
  log: (line) => process.stderr.write(`host: ${line}\n`),
});
const service = server.service;

function sizes(report: SyncReport | null): object {
  return {
    report,
    evaluateMs: service.evaluated?.evaluateMs ?? null,
    cases: service.evaluated?.model.rows.length ?? 0,
  };
}

// startServer evaluated the (empty) store and started the first sync: wait for it.
const cold = await service.syncOnce();
send({ type: 'cold', ms: performance.now() - started, ...sizes(cold), url: server.url });

process.on('message', (m: { cmd: string }) => {
  void (async () => {
    const t0 = performance.now();
    switch (m.cmd) {
      case 'sync': {
        const report = await service.syncOnce();
        send({ type: 'sync', ms: performance.now() - t0, ...sizes(report) });
        break;
      }
      case 'next-day': {
        service.options.asOfMs = (service.options.asOfMs ?? Date.now()) + DAY_MS;
        await service.recompute();
        send({ type: 'next-day', ms: performance.now() - t0, ...sizes(null) });
        break;
      }
      case 'recompute': {
        await service.reloadFromStore();
        send({ type: 'recompute', ms: performance.now() - t0, ...sizes(null) });
        break;
      }
      case 'stop': {
        await server.close();
        send({ type: 'stopped', ms: performance.now() - t0 });
        process.exit(0);
      }
    }
  })();
});
