/** Messages between the page and the engine worker. */
import type { DashboardModel } from './dashboard';
import type { Dataset } from './dataset';
import type { EngineSettings } from './settings';

export interface EngineRequest {
  dataset: Dataset;
  settings: EngineSettings;
  asOfMs: number;
}

export type EngineResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; model: DashboardModel }
  | { type: 'error'; message: string };
