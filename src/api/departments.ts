/** `GET /departments` and `GET /items`: the departments and service items in the viewer's scope. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { departmentsResponse, itemsResponse } from '../contract/department';
import type { DepartmentInfo, ItemInfo } from '../engine/dashboard';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

export function fetchDepartments(
  source: string,
  signal?: AbortSignal,
): Promise<{ items: DepartmentInfo[] }> {
  return apiGet('/departments', departmentsResponse, signal, { source });
}

export const departmentsQuery = (source: string) =>
  queryOptions({
    queryKey: apiKeys.departments(source),
    queryFn: ({ signal }) => fetchDepartments(source, signal),
    staleTime: 10 * 60_000,
  });

export const useDepartments = () => useQuery(departmentsQuery(useSource()));

export function fetchItems(source: string, signal?: AbortSignal): Promise<{ items: ItemInfo[] }> {
  return apiGet('/items', itemsResponse, signal, { source });
}

export const itemsQuery = (source: string) =>
  queryOptions({
    queryKey: apiKeys.items(source),
    queryFn: ({ signal }) => fetchItems(source, signal),
    staleTime: 10 * 60_000,
  });

export const useItems = () => useQuery(itemsQuery(useSource()));
