/** `GET /departments` and `GET /items`: the departments and service items in the viewer's scope. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { departmentsResponse, itemsResponse } from '../contract/department';
import type { DepartmentInfo, ItemInfo } from '../engine/dashboard';
import { apiGet } from './http';
import { apiKeys } from './keys';

export function fetchDepartments(signal?: AbortSignal): Promise<{ items: DepartmentInfo[] }> {
  return apiGet('/departments', departmentsResponse, signal);
}

export const departmentsQuery = () =>
  queryOptions({
    queryKey: apiKeys.departments(),
    queryFn: ({ signal }) => fetchDepartments(signal),
    staleTime: 10 * 60_000,
  });

export const useDepartments = () => useQuery(departmentsQuery());

export function fetchItems(signal?: AbortSignal): Promise<{ items: ItemInfo[] }> {
  return apiGet('/items', itemsResponse, signal);
}

export const itemsQuery = () =>
  queryOptions({
    queryKey: apiKeys.items(),
    queryFn: ({ signal }) => fetchItems(signal),
    staleTime: 10 * 60_000,
  });

export const useItems = () => useQuery(itemsQuery());
