/**
 * Runs ranking jobs off the main thread: one long-lived worker per page session that holds the
 * current dataset; inline (same function) where there is no Worker, e.g. in jsdom tests.
 */
import { indexDataset, type Dataset, type IndexedDataset } from '../../engine/dataset';
import {
  executeRankingJob,
  type RankingJob,
  type RankingJobResults,
} from '../../engine/ranking-view-job';
import type { RankingWorkerRequest, RankingWorkerResponse } from './ranking-protocol';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let workerKey: string | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let inline: { key: string; ds: IndexedDataset } | null = null;

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./ranking.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ranking',
  });
  w.onmessage = (event: MessageEvent<RankingWorkerResponse>) => {
    const message = event.data;
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.type === 'done') p.resolve(message.result);
    else p.reject(new Error(message.message));
  };
  w.onerror = (event) => {
    // A crashed worker is dropped; the next job starts a fresh one and reloads the dataset.
    w.terminate();
    worker = null;
    workerKey = null;
    failAll(new Error(`排名计算出错 (ranking worker failed): ${event.message}`));
  };
  worker = w;
  return w;
}

/**
 * Runs a ranking job over the dataset identified by `key` (the feeds' versions): the dataset is
 * sent to the worker only when the key changes.
 */
export function runRankingJob<J extends RankingJob>(
  key: string,
  dataset: Dataset,
  job: J,
): Promise<RankingJobResults[J['kind']]> {
  if (typeof Worker === 'undefined') {
    return Promise.resolve().then(() => {
      if (inline?.key !== key) inline = { key, ds: indexDataset(dataset) };
      return executeRankingJob(inline.ds, job);
    });
  }
  const w = getWorker();
  if (workerKey !== key) {
    w.postMessage({ type: 'load', key, dataset } satisfies RankingWorkerRequest);
    workerKey = key;
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    w.postMessage({ type: 'run', id, key, job } satisfies RankingWorkerRequest);
  });
}
