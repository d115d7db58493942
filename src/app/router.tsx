import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { NotFound, RouteError } from './route-error';
import { ShellLayout } from './shell-layout';

/** Keeps the query string when redirecting `/` to the overview. */
function RedirectHome() {
  const location = useLocation();
  return <Navigate to={{ pathname: '/overview', search: location.search }} replace />;
}

/** Every page is a lazy route: its code loads only when the user opens it. */
export const routes: RouteObject[] = [
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
    children: [
      { index: true, element: <RedirectHome /> },
      {
        path: 'overview',
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

export function createAppRouter() {
  return createBrowserRouter(routes);
}
