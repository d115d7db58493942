import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { prefetchShell } from './prefetch';
import { useT } from '../i18n';
import { NotFound, RouteError } from './route-error';
import { ShellLayout } from './shell-layout';

/** Keeps the query string when redirecting `/` to the overview. */
function RedirectHome() {
  const location = useLocation();
  return <Navigate to={{ pathname: '/overview', search: location.search }} replace />;
}

/** What the router shows while the first page's code loads (the shell's loader has run). */
function BootFallback() {
  return <p className="boot">{useT()('page.loading')}</p>;
}

/**
 * Every page is a lazy route: its code loads only when the user opens it. The shell's and the
 * overview's loaders only start requests into `queryClient` (./prefetch) and return at once, so
 * the data loads beside the code; the pages read it from the cache.
 */
export const appRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: '/login',
    errorElement: <RouteError />,
    lazy: async () => ({
      Component: (await import('../features/sign-in/sign-in-page')).SignInPage,
    }),
  },
  {
    // The published 季度通报, readable without signing in (outside the shell and its session).
    path: '/public/bulletins/:quarter',
    errorElement: <RouteError />,
    lazy: async () => ({
      Component: (await import('../features/public-bulletin/public-bulletin-page'))
        .PublicBulletinPage,
    }),
  },
  {
    path: '/',
    element: <ShellLayout />,
    errorElement: <RouteError />,
    loader: () => {
      prefetchShell(queryClient);
      return null;
    },
    HydrateFallback: BootFallback,
    // Changing only the search (a filter) needs no new prefetch.
    shouldRevalidate: () => false,
    children: [
      { index: true, element: <RedirectHome /> },
      {
        path: 'overview',
        loader: ({ request }) => {
          const url = new URL(request.url);
          void import('../features/overview/prefetch-overview').then((m) =>
            m.prefetchOverview(queryClient, url),
          );
          return null;
        },
        lazy: async () => ({
          Component: (await import('../features/overview/overview-page')).OverviewPage,
        }),
      },
      {
        path: 'alerts',
        lazy: async () => ({
          Component: (await import('../features/alerts/alerts-page')).AlertsPage,
        }),
      },
      {
        path: 'slow-action',
        lazy: async () => ({
          Component: (await import('../features/slow-action/slow-action-page')).SlowActionPage,
        }),
      },
      {
        path: 'rankings',
        lazy: async () => ({
          Component: (await import('../features/rankings/rankings-page')).RankingsPage,
        }),
      },
      {
        path: 'tasks',
        lazy: async () => ({ Component: (await import('../features/tasks/tasks-page')).TasksPage }),
      },
      {
        path: 'import',
        lazy: async () => ({
          Component: (await import('../features/import/import-page')).ImportPage,
        }),
      },
      {
        path: 'settings',
        lazy: async () => ({
          Component: (await import('../features/settings/settings-page')).SettingsPage,
        }),
      },
      {
        path: 'audit',
        lazy: async () => ({
          Component: (await import('../features/audit/audit-page')).AuditPage,
        }),
      },
      {
        path: 'departments/:departmentId',
        lazy: async () => ({
          Component: (await import('../features/departments/department-page')).DepartmentPage,
        }),
      },
      {
        path: 'inbox',
        lazy: async () => ({ Component: (await import('../features/duban/inbox-page')).InboxPage }),
      },
      {
        path: 'notices/:noticeId',
        lazy: async () => ({
          Component: (await import('../features/duban/notice-page')).NoticePage,
        }),
      },
      {
        path: 'notices/:noticeId/print',
        lazy: async () => ({
          Component: (await import('../features/duban/notice-print')).NoticePrintPage,
        }),
      },
      {
        path: 'cases/:caseId',
        lazy: async () => ({ Component: (await import('../features/cases/case-page')).CasePage }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
