/** `GET /notices`, `GET /notices/:id`, `GET /notices/:id/events`: 督办单 and their events. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  noticeEventsResponse,
  noticeItem,
  noticesResponse,
  type NoticeStateName,
} from '../contract/duban';
import { apiGet } from './http';
import { apiKeys } from './keys';

export interface NoticesParams {
  state?: NoticeStateName;
  departmentId?: string;
  caseId?: string;
}

export const noticesQuery = (p: NoticesParams) =>
  queryOptions({
    queryKey: apiKeys.notices({ ...p }),
    queryFn: ({ signal }) => apiGet('/notices', noticesResponse, signal, { ...p }),
  });

export const useNotices = (p: NoticesParams, enabled = true) =>
  useQuery({ ...noticesQuery(p), enabled });

export const useNotice = (id: number) =>
  useQuery({
    queryKey: apiKeys.notice(id),
    queryFn: ({ signal }) => apiGet(`/notices/${id}`, noticeItem, signal),
  });

export const useNoticeEvents = (id: number, enabled = true) =>
  useQuery({
    queryKey: apiKeys.noticeEvents(id),
    queryFn: ({ signal }) => apiGet(`/notices/${id}/events`, noticeEventsResponse, signal),
    enabled,
  });
