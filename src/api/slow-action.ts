/** `GET /slow-action?period=`: every slow-action flag row with its evidence. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseMeta } from '../contract/api-common';
import { slowActionResponse } from '../contract/slow-action';
import { periodKey, type Period } from '../domain/period/period';
import type { SlowActionFlagRow } from '../engine/slow-action-view';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

export function fetchSlowAction(
  source: string,
  period: Period,
  signal?: AbortSignal,
): Promise<{ items: SlowActionFlagRow[]; meta: ResponseMeta }> {
  return apiGet('/slow-action', slowActionResponse, signal, { period: periodKey(period), source });
}

export const slowActionQuery = (source: string, period: Period) =>
  queryOptions({
    queryKey: apiKeys.slowAction(source, periodKey(period)),
    queryFn: ({ signal }) => fetchSlowAction(source, period, signal),
    placeholderData: keepPreviousData,
  });

export const useSlowAction = (period: Period) => useQuery(slowActionQuery(useSource(), period));
