/**
 * Query-key factory for every feed resource. All keys start with FEED_QUERY_ROOT so the freshness
 * stamp and "refresh all" can address them together.
 */
export const FEED_QUERY_ROOT = 'feed';

export type FeedResource =
  'departments' | 'items' | 'cases' | 'case-events' | 'evaluations' | 'tasks';

export const feedKeys = {
  all: [FEED_QUERY_ROOT] as const,
  resource: (resource: FeedResource) => [FEED_QUERY_ROOT, resource] as const,
  list: (resource: FeedResource, baseUrl: string) => [FEED_QUERY_ROOT, resource, baseUrl] as const,
};
