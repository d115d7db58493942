import type { MeResponse } from '../contract/service';
import type { MessageKey } from '../i18n';

export type Role = MeResponse['role'];

/**
 * The product's pages in menu order; the path is also the route. `roles` names who may open a
 * page (absent = every signed-in role). The service enforces the same rules on every request
 * (docs/security.md); the menu only stops offering what would be refused.
 */
export const NAV_ITEMS: ReadonlyArray<{
  path: string;
  labelKey: MessageKey;
  roles?: readonly Role[];
}> = [
  { path: '/overview', labelKey: 'nav.overview' },
  { path: '/alerts', labelKey: 'nav.alerts' },
  { path: '/inbox', labelKey: 'nav.inbox' },
  { path: '/slow-action', labelKey: 'nav.slowAction' },
  { path: '/rankings', labelKey: 'nav.rankings' },
  { path: '/tasks', labelKey: 'nav.tasks' },
  // Imports and settings changes are refused (403) to the other roles.
  { path: '/import', labelKey: 'nav.import', roles: ['admin', 'supervisor'] },
  { path: '/settings', labelKey: 'nav.settings', roles: ['admin'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['admin'] },
];

/** Whether `role` may open the menu page at `path` (an unknown role sees only open pages). */
export function mayOpen(role: Role | undefined, path: string): boolean {
  const item = NAV_ITEMS.find((i) => i.path === path);
  if (item?.roles === undefined) return true;
  return role !== undefined && item.roles.includes(role);
}
