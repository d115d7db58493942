/**
 * `GET /department?id=&period=`: one department's page (404 → not found). The id travels as a
 * query parameter, which carries any id (a path segment cannot carry `..`).
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseMeta } from '../contract/api-common';
import { departmentViewResponse } from '../contract/department';
import type { DayIndex } from '../domain/calendar/day';
import { periodKey, type Period } from '../domain/period/period';
import type { CaseStatusRow } from '../engine/dashboard';
import type {
  DepartmentHeader,
  DepartmentItemLine,
  DepartmentQuarterPoint,
} from '../engine/department-view';
import type { SlowActionFlagRow } from '../engine/slow-action-view';
import type { CompletionFigures, OpenCounts } from '../engine/summaries';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

export interface DepartmentView {
  header: DepartmentHeader;
  open: OpenCounts;
  period: CompletionFigures;
  items: DepartmentItemLine[];
  alerts: CaseStatusRow[];
  flags: SlowActionFlagRow[];
  trend: DepartmentQuarterPoint[];
  endQuarter: string;
  asOfDay: DayIndex;
  meta: ResponseMeta;
}

export function fetchDepartmentView(
  source: string,
  id: string,
  period: Period,
  signal?: AbortSignal,
): Promise<DepartmentView> {
  return apiGet('/department', departmentViewResponse, signal, {
    id,
    period: periodKey(period),
    source,
  });
}

export const departmentViewQuery = (source: string, id: string, period: Period) =>
  queryOptions({
    queryKey: apiKeys.department(source, id, periodKey(period)),
    queryFn: ({ signal }) => fetchDepartmentView(source, id, period, signal),
    placeholderData: keepPreviousData,
  });

export const useDepartmentView = (id: string, period: Period) =>
  useQuery(departmentViewQuery(useSource(), id, period));
