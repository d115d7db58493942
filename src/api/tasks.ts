/** `GET /tasks`: the supervision tasks in scope, each with its evaluation as of the service. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseMeta } from '../contract/api-common';
import { tasksResponse } from '../contract/tasks';
import type { TaskRow } from '../engine/tasks';
import { apiGet } from './http';
import { apiKeys } from './keys';

export function fetchTasks(
  signal?: AbortSignal,
): Promise<{ items: TaskRow[]; meta: ResponseMeta }> {
  return apiGet('/tasks', tasksResponse, signal);
}

export const tasksQuery = () =>
  queryOptions({ queryKey: apiKeys.tasks(), queryFn: ({ signal }) => fetchTasks(signal) });

export const useTasks = () => useQuery(tasksQuery());
