/** `GET /overview?period=`: the overview's figures. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseMeta } from '../contract/api-common';
import { overviewResponse } from '../contract/overview';
import { periodKey, type Period } from '../domain/period/period';
import type { OverviewFigures } from '../engine/overview';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

export type OverviewData = OverviewFigures & {
  calendar?: { coveredFrom: string; coveredTo: string };
  meta: ResponseMeta;
};

export function fetchOverview(
  source: string,
  period: Period,
  signal?: AbortSignal,
): Promise<OverviewData> {
  return apiGet('/overview', overviewResponse, signal, { period: periodKey(period), source });
}

export const overviewQuery = (source: string, period: Period) =>
  queryOptions({
    queryKey: apiKeys.overview(source, periodKey(period)),
    queryFn: ({ signal }) => fetchOverview(source, period, signal),
    // Another period keeps the last figures on screen until its own arrive.
    placeholderData: keepPreviousData,
  });

export const useOverview = (period: Period) => useQuery(overviewQuery(useSource(), period));
