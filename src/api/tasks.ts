/** `GET /tasks`: the supervision tasks in scope, each with its evaluation as of the service. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseMeta } from '../contract/api-common';
import { tasksResponse } from '../contract/tasks';
import type { TaskRow } from '../engine/tasks';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

export function fetchTasks(
  source: string,
  signal?: AbortSignal,
): Promise<{ items: TaskRow[]; hasTasks?: boolean | undefined; meta: ResponseMeta }> {
  return apiGet('/tasks', tasksResponse, signal, { source });
}

export const tasksQuery = (source: string) =>
  queryOptions({
    queryKey: apiKeys.tasks(source),
    queryFn: ({ signal }) => fetchTasks(source, signal),
  });

export const useTasks = () => useQuery(tasksQuery(useSource()));
