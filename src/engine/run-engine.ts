/**
 * Runs the dashboard computation in a Web Worker (or inline where there is no Worker, e.g. in
 * jsdom tests — the same function either way), with progress and cancellation.
 */
import { computeDashboard, type DashboardModel } from './dashboard';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import { indexDataset } from './dataset';

export type EngineProgress = (done: number, total: number) => void;

export function runDashboard(
  request: EngineRequest,
  onProgress?: EngineProgress,
  signal?: AbortSignal,
): Promise<DashboardModel> {
  if (typeof Worker === 'undefined') {
    return Promise.resolve().then(() =>
      computeDashboard(indexDataset(request.dataset), request.settings, request.asOfMs, onProgress),
    );
  }
  return new Promise<DashboardModel>((resolve, reject) => {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'engine',
    });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('计算已取消 (computation cancelled)', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<EngineResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.done, message.total);
        return;
      }
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      performance.mark('engine:received');
      if (message.type === 'done') resolve(message.model);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(`计算引擎出错 (engine worker failed): ${event.message}`));
    };
    // Marks for the browser benchmark (and any profiler): how long posting and computing take.
    performance.mark('engine:post-start');
    worker.postMessage(request);
    performance.mark('engine:posted');
  });
}
