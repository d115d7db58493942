/**
 * Every react-query key of the service API, from one factory: `apiKeys.all` prefixes them all, so
 * a sync invalidates every view in one call, and each resource has its own prefix for narrower
 * invalidation.
 */
import type { QueryParams } from './http';

export const apiKeys = {
  all: ['api'] as const,
  views: () => [...apiKeys.all, 'view'] as const,
  /** Every view of one data source (`city` or `import:<id>`): dropped when that source is deleted. */
  source: (source: string) => [...apiKeys.views(), source] as const,
  overview: (source: string, period: string) =>
    [...apiKeys.source(source), 'overview', period] as const,
  alerts: (source: string, query: QueryParams) =>
    [...apiKeys.source(source), 'alerts', query] as const,
  case: (source: string, id: string) => [...apiKeys.source(source), 'case', id] as const,
  departments: (source: string) => [...apiKeys.source(source), 'departments'] as const,
  department: (source: string, id: string, period: string) =>
    [...apiKeys.source(source), 'department', id, period] as const,
  items: (source: string) => [...apiKeys.source(source), 'items'] as const,
  slowAction: (source: string, period: string) =>
    [...apiKeys.source(source), 'slow-action', period] as const,
  tasks: (source: string) => [...apiKeys.source(source), 'tasks'] as const,
  ranking: (source: string, quarter: string) =>
    [...apiKeys.source(source), 'rankings', quarter] as const,
  rankHistory: (source: string, quarter: string, n: number) =>
    [...apiKeys.source(source), 'rankings', 'history', quarter, n] as const,
  rankingEvidence: (source: string, quarter: string, dept: string | null) =>
    [...apiKeys.source(source), 'rankings', 'evidence', quarter, dept] as const,
  sources: () => [...apiKeys.all, 'sources'] as const,
  imports: () => [...apiKeys.all, 'imports'] as const,
  importRun: (id: string) => [...apiKeys.imports(), id] as const,
  importRejected: (id: string) => [...apiKeys.imports(), id, 'rejected'] as const,
  editions: (quarter: string) => [...apiKeys.views(), 'rankings', 'editions', quarter] as const,
  edition: (quarter: string, n: number) =>
    [...apiKeys.views(), 'rankings', 'editions', quarter, n] as const,
  publicBulletin: (quarter: string) => [...apiKeys.all, 'public-bulletin', quarter] as const,
  audit: (query: QueryParams) => [...apiKeys.all, 'audit', query] as const,
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
