import {
  AlertOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  InboxOutlined,
  SettingOutlined,
  AuditOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Space, Spin } from 'antd';
import { Suspense, useEffect, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useServiceEvents } from '../api/events';
import { useSourceChoice } from '../api/source-choice';
import { useMe } from '../api/session';
import { useSyncStatus } from '../api/sync-status';
import { useUnauthorized } from '../api/unauthorized';
import { useT, type MessageKey } from '../i18n';
import { useGlobalSearch, usePeriod } from '../state/url-state';
import { useDefaultPeriod } from '../ui/use-default-period';
import { DataFreshness } from './data-freshness';
import { FeedStatus } from './feed-status';
import { InboxBadge } from './inbox-badge';
import { Forbidden } from './forbidden';
import { LanguageSwitch } from './language-switch';
import { mayOpen, NAV_ITEMS } from './nav-items';
import { PeriodPicker } from './period-picker';
import { SourceFallbackNotice, SourceSwitch } from './source-switch';
import { UserMenu } from './user-menu';

const ICONS: Record<string, ReactNode> = {
  '/overview': <DashboardOutlined />,
  '/alerts': <AlertOutlined />,
  '/inbox': <InboxOutlined />,
  '/slow-action': <FieldTimeOutlined />,
  '/rankings': <BarChartOutlined />,
  '/tasks': <FileDoneOutlined />,
  '/import': <CloudUploadOutlined />,
  '/settings': <SettingOutlined />,
  '/audit': <AuditOutlined />,
};

/** The header title: the menu page's name, or the drill-down page's (办件详情 / 部门详情). */
function pageTitleKey(pathname: string, selected: string): MessageKey {
  if (pathname.startsWith('/cases/')) return 'page.caseDetail';
  if (pathname.startsWith('/departments/')) return 'page.departmentDetail';
  if (pathname.startsWith('/notices/')) return 'page.notice';
  return NAV_ITEMS.find((i) => i.path === selected)?.labelKey ?? 'app.title';
}

/** The application frame: menu on the left, header with period, freshness and language. */
export function ShellLayout() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const search = useGlobalSearch();
  const defaultPeriod = useDefaultPeriod();
  const [period, setPeriod] = usePeriod(defaultPeriod);
  // Pages wait for the service's as-of (their default period) so they ask for the right quarter.
  const status = useSyncStatus();
  // Latched: once the service answered (or failed), a later refetch never hides the page again.
  // An imported source in the URL is checked against the service's list first, so a deleted one
  // falls back to the city feed instead of every page answering 404.
  const sourcePending = useSourceChoice().pending;
  // The menu and the pages depend on who is signed in (a 401 here redirects to sign-in below).
  const me = useMe();
  // Signed out (a 401 on any request): no page, even if a prefetched answer is in the cache.
  const unauthorized = useUnauthorized((s) => s.unauthorized);
  const ready =
    (status.data !== undefined || status.errorUpdatedAt > 0) &&
    !sourcePending &&
    !me.isPending &&
    !unauthorized;
  const role = me.data?.role;
  useServiceEvents();
  useEffect(() => {
    if (!unauthorized) return;
    const next = `${location.pathname}${location.search}`;
    void navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
  }, [unauthorized, location.pathname, location.search, navigate]);
  const selected = NAV_ITEMS.find((item) => location.pathname.startsWith(item.path))?.path ?? '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={64} theme="dark">
        <div className="brand" title={t('app.subtitle')}>
          {t('app.title')}
        </div>
        <nav aria-label={t('app.title')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            items={NAV_ITEMS.filter((item) => mayOpen(role, item.path)).map((item) => ({
              key: item.path,
              icon: ICONS[item.path],
              label: (
                <Link
                  to={{ pathname: item.path, search }}
                  data-testid={`nav-${item.path.slice(1)}`}
                >
                  {t(item.labelKey)}
                </Link>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          {/* Plain elements, not antd Typography: it brings its editable mode (Input, ≈ 8 KB gzip)
              into the first route's JS. */}
          <h4 className="app-header-title">{t(pageTitleKey(location.pathname, selected))}</h4>
          <Space size="middle" wrap>
            <SourceSwitch />
            <PeriodPicker value={period} latest={defaultPeriod} onChange={setPeriod} />
            <InboxBadge />
            <DataFreshness />
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content id="main-content" tabIndex={-1} className="app-content">
          <FeedStatus />
          <SourceFallbackNotice />
          <Suspense fallback={<Spin description={t('page.loading')} />}>
            {!ready ? (
              <Spin description={t('page.loading')} />
            ) : mayOpen(role, selected) ? (
              <Outlet />
            ) : (
              <Forbidden />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
