/**
 * The period every page falls back to without `?period=`: the quarter of the service's as-of
 * instant (from the sync status), so the header and every page agree; today's quarter until the
 * service has answered.
 */
import { useMemo } from 'react';
import { useSyncStatus } from '../api/sync-status';
import { shanghaiDayOf } from '../domain/calendar/day';
import { quarterOfDay, type Period } from '../domain/period/period';
import { useNow } from './use-now';

export function useDefaultPeriod(): Period & { kind: 'quarter' } {
  const day = shanghaiDayOf(useServiceAsOfMs());
  return useMemo(() => quarterOfDay(day), [day]);
}

/** The same default outside React (the router's prefetch), from the sync status's `asOf`. */
export function defaultPeriodOf(asOf: string): Period & { kind: 'quarter' } {
  return quarterOfDay(shanghaiDayOf(Date.parse(asOf)));
}

/** The service's as-of instant (epoch ms); the clock until the service has answered. */
export function useServiceAsOfMs(): number {
  const asOf = useSyncStatus().data?.asOf ?? null;
  const now = useNow();
  return asOf === null ? now : Date.parse(asOf);
}
