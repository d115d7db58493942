import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { FEED_QUERY_ROOT } from './query-keys';

export interface FeedFreshness {
  /** When the oldest of the loaded feeds was last refreshed successfully (epoch ms), or null. */
  updatedAt: number | null;
  /** True while any feed request is in flight. */
  fetching: boolean;
  /** True when a feed's last refresh failed and older data is being shown. */
  stale: boolean;
}

/**
 * Watches every feed query in the cache: the stamp "数据更新于 HH:mm" shows the oldest successful
 * refresh, so it never claims data fresher than the stalest feed on screen.
 */
export function useFeedFreshness(): FeedFreshness {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const snapshot = useCallback(() => {
    let updatedAt: number | null = null;
    let fetching = false;
    let stale = false;
    for (const query of cache.findAll({ queryKey: [FEED_QUERY_ROOT] })) {
      const s = query.state;
      if (s.fetchStatus === 'fetching') fetching = true;
      if (s.dataUpdatedAt > 0)
        updatedAt = updatedAt === null ? s.dataUpdatedAt : Math.min(updatedAt, s.dataUpdatedAt);
      if (s.status === 'error' || (s.errorUpdatedAt > s.dataUpdatedAt && s.dataUpdatedAt > 0))
        stale = true;
    }
    // A string snapshot keeps useSyncExternalStore's identity check cheap and stable.
    return JSON.stringify({ updatedAt, fetching, stale });
  }, [cache]);
  const json = useSyncExternalStore(subscribe, snapshot, snapshot);
  return JSON.parse(json) as FeedFreshness;
}
