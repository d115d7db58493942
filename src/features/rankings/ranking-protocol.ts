/** Messages between the rankings page and its ranking worker. */
import type { Dataset } from '../../engine/dataset';
import type { RankingJob } from '../../engine/ranking-view-job';

export type RankingWorkerRequest =
  /** Replace the dataset the worker holds (once per feed version, not per job). */
  | { type: 'load'; key: string; dataset: Dataset }
  | { type: 'run'; id: number; key: string; job: RankingJob };

export type RankingWorkerResponse =
  { type: 'done'; id: number; result: unknown } | { type: 'error'; id: number; message: string };
