/// <reference lib="webworker" />
/**
 * The engine's Web Worker: joins the dataset and runs the domain core over every case off the
 * main thread, reporting progress, so the dashboard never freezes on a large city.
 */
import { computeDashboard } from './dashboard';
import { indexDataset } from './dataset';
import type { EngineRequest, EngineResponse } from './engine-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const { dataset, settings, asOfMs } = event.data;
  const post = (message: EngineResponse) => scope.postMessage(message);
  try {
    const indexed = indexDataset(dataset);
    const model = computeDashboard(indexed, settings, asOfMs, (done, total) =>
      post({ type: 'progress', done, total }),
    );
    post({ type: 'done', model });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
