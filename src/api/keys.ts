/**
 * Every react-query key of the service API, from one factory: `apiKeys.all` prefixes them all, so
 * a sync invalidates every view in one call, and each resource has its own prefix for narrower
 * invalidation.
 */
import type { QueryParams } from './http';

export const apiKeys = {
  all: ['api'] as const,
  views: () => [...apiKeys.all, 'view'] as const,
  overview: (period: string) => [...apiKeys.views(), 'overview', period] as const,
  alerts: (query: QueryParams) => [...apiKeys.views(), 'alerts', query] as const,
  case: (id: string) => [...apiKeys.views(), 'case', id] as const,
  departments: () => [...apiKeys.views(), 'departments'] as const,
  department: (id: string, period: string) =>
    [...apiKeys.views(), 'department', id, period] as const,
  items: () => [...apiKeys.views(), 'items'] as const,
  slowAction: (period: string) => [...apiKeys.views(), 'slow-action', period] as const,
  tasks: () => [...apiKeys.views(), 'tasks'] as const,
  ranking: (quarter: string) => [...apiKeys.views(), 'rankings', quarter] as const,
  rankHistory: (quarter: string, n: number) =>
    [...apiKeys.views(), 'rankings', 'history', quarter, n] as const,
  rankingEvidence: (quarter: string, dept: string | null) =>
    [...apiKeys.views(), 'rankings', 'evidence', quarter, dept] as const,
  editions: (quarter: string) => [...apiKeys.views(), 'rankings', 'editions', quarter] as const,
  edition: (quarter: string, n: number) =>
    [...apiKeys.views(), 'rankings', 'editions', quarter, n] as const,
  publicBulletin: (quarter: string) => [...apiKeys.all, 'public-bulletin', quarter] as const,
  rejected: (page: number) => [...apiKeys.views(), 'rejected', page] as const,
  settings: () => [...apiKeys.all, 'settings'] as const,
  syncStatus: () => [...apiKeys.all, 'sync-status'] as const,
  me: () => [...apiKeys.all, 'me'] as const,
  /** 督办: cards, notices, the inbox (refetched on the stream's `notice` event). */
  duban: () => [...apiKeys.all, 'duban'] as const,
  cards: (query: QueryParams) => [...apiKeys.duban(), 'cards', query] as const,
  cardEvents: (id: number) => [...apiKeys.duban(), 'card-events', id] as const,
  notices: (query: QueryParams) => [...apiKeys.duban(), 'notices', query] as const,
  notice: (id: number) => [...apiKeys.duban(), 'notice', id] as const,
  noticeEvents: (id: number) => [...apiKeys.duban(), 'notice-events', id] as const,
  inbox: () => [...apiKeys.duban(), 'inbox'] as const,
};
