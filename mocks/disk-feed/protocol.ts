/** What ./write.ts and its worker threads (./disk-feed-worker.ts) say to each other. */
import type { EncodedCaseBlock } from './encode';

export interface WorkerInit {
  seed: number;
  cases: number;
  asOf: string;
}

/** Encode the cases at positions [from, to); `n` numbers the block so answers can be ordered. */
export interface BlockRequest {
  n: number;
  from: number;
  to: number;
}

export interface BlockAnswer {
  n: number;
  block: EncodedCaseBlock;
}

/** The worker's start-up data, checked (it crosses a thread boundary as untyped data). */
export function readWorkerInit(data: unknown): WorkerInit {
  if (typeof data === 'object' && data !== null) {
    const { seed, cases, asOf } = data as Record<string, unknown>;
    if (typeof seed === 'number' && typeof cases === 'number' && typeof asOf === 'string')
      return { seed, cases, asOf };
  }
  throw new Error('disk-feed worker: bad start-up data');
}
