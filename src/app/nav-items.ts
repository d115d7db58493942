import type { MessageKey } from '../i18n';

/** The product's pages in menu order; the path is also the route. */
export const NAV_ITEMS: ReadonlyArray<{ path: string; labelKey: MessageKey }> = [
  { path: '/overview', labelKey: 'nav.overview' },
  { path: '/alerts', labelKey: 'nav.alerts' },
  { path: '/inbox', labelKey: 'nav.inbox' },
  { path: '/slow-action', labelKey: 'nav.slowAction' },
  { path: '/rankings', labelKey: 'nav.rankings' },
  { path: '/tasks', labelKey: 'nav.tasks' },
  { path: '/import', labelKey: 'nav.import' },
  { path: '/settings', labelKey: 'nav.settings' },
];
