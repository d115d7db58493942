/**
 * Where the overview's numbers lead. Only the period travels along (the overview is city-wide, so
 * a department filter in the URL must not narrow the list a city number opens).
 */
import { departmentPath } from '../../state/id-links';
export interface To {
  pathname: string;
  search: string;
}

function withPeriod(periodSearch: string, extra: Record<string, string>): string {
  const params = new URLSearchParams(periodSearch);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The alerts list at one warning level, optionally one department's. */
export function alertsTo(periodSearch: string, level: string, departmentId?: string): To {
  return {
    pathname: '/alerts',
    search: withPeriod(periodSearch, departmentId ? { level, dept: departmentId } : { level }),
  };
}

/** A department's page in the same period. */
export function departmentTo(periodSearch: string, departmentId: string): To {
  return {
    pathname: departmentPath(departmentId),
    search: withPeriod(periodSearch, {}),
  };
}
