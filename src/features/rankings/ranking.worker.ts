/// <reference lib="webworker" />
/**
 * The rankings page's own worker. It keeps the indexed dataset between jobs (the dataset is
 * posted once per feed version), so switching quarter, opening a department's six-quarter history
 * or a score's cases costs one computation, never a second copy of 50k cases, and never freezes
 * the page (rankHistory over six quarters takes about a second on 50k cases).
 */
import { indexDataset, type IndexedDataset } from '../../engine/dataset';
import { executeRankingJob } from '../../engine/ranking-view-job';
import type { RankingWorkerRequest, RankingWorkerResponse } from './ranking-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let loaded: { key: string; ds: IndexedDataset } | null = null;

scope.onmessage = (event: MessageEvent<RankingWorkerRequest>) => {
  const message = event.data;
  const post = (response: RankingWorkerResponse) => scope.postMessage(response);
  if (message.type === 'load') {
    loaded = { key: message.key, ds: indexDataset(message.dataset) };
    return;
  }
  try {
    if (loaded?.key !== message.key) throw new Error('数据已更新，请重试 (dataset changed)');
    post({ type: 'done', id: message.id, result: executeRankingJob(loaded.ds, message.job) });
  } catch (error) {
    post({
      type: 'error',
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
