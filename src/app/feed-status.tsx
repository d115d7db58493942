import { Alert, Button, Space } from 'antd';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { FeedRequestError } from '../feeds/api/http';
import { refreshAllFeeds, type FeedSnapshot } from '../feeds/api/sync';
import type { FeedResource } from '../feeds/query-keys';
import { useRuntimeConfig } from '../feeds/runtime-config';
import { useLocaleStore, useT, intlLocale, type MessageKey } from '../i18n';
import { formatClock, formatCount } from '../ui/format';

export interface FeedState {
  resource: FeedResource;
  query: UseQueryResult<FeedSnapshot<unknown>, FeedRequestError>;
}

// The drawer (with antd's Table) loads only when someone opens it: not part of the first download.
const RejectedDrawer = lazy(async () => ({
  default: (await import('./rejected-drawer')).RejectedDrawer,
}));

const LABEL: Record<FeedResource, MessageKey> = {
  departments: 'feed.departments',
  items: 'feed.items',
  cases: 'feed.cases',
  'case-events': 'feed.caseEvents',
  evaluations: 'feed.evaluations',
  tasks: 'feed.tasks',
};

/**
 * The shell's report on the feeds: sign-in problems with the login link, outages with the age of
 * the data still shown and a retry, and the records the boundary rejected (open and download).
 */
export function FeedStatus({ feeds }: { feeds: readonly FeedState[] }) {
  const t = useT();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const config = useRuntimeConfig();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);

  const rejected = useMemo(() => feeds.flatMap((f) => f.query.data?.rejected ?? []), [feeds]);
  const failing = feeds.filter((f) => f.query.isError);
  const auth = failing.find((f) => f.query.error?.kind === 'auth');
  const retry = () => void refreshAllFeeds(queryClient);

  const alerts = [];
  if (auth) {
    alerts.push(
      <Alert
        key="auth"
        type="error"
        showIcon
        role="alert"
        data-testid="feed-auth-error"
        title={t('feed.authError')}
        description={auth.query.error?.message}
        action={
          config.auth.loginUrl ? (
            <Button type="primary" href={config.auth.loginUrl}>
              {t('feed.login')}
            </Button>
          ) : undefined
        }
      />,
    );
  } else if (failing.length > 0) {
    const withData = failing.filter((f) => f.query.data !== undefined);
    const oldest = Math.min(...withData.map((f) => f.query.dataUpdatedAt));
    alerts.push(
      <Alert
        key="outage"
        type={withData.length === failing.length ? 'warning' : 'error'}
        showIcon
        role="alert"
        data-testid="feed-stale-banner"
        title={
          withData.length === failing.length
            ? t('feed.stale', { time: formatClock(oldest, locale) })
            : t('feed.unavailable')
        }
        description={failing
          .map((f) => `${t(LABEL[f.resource])}：${f.query.error?.message ?? ''}`)
          .join('；')}
        action={
          <Button onClick={retry} data-testid="feed-retry">
            {t('feed.retry')}
          </Button>
        }
      />,
    );
  }
  if (rejected.length > 0) {
    alerts.push(
      <Alert
        key="rejected"
        type="info"
        showIcon
        data-testid="feed-rejected"
        title={t('feed.rejected', { count: formatCount(rejected.length, locale) })}
        action={
          <Button size="small" onClick={() => setOpen(true)}>
            {t('feed.rejected.open')}
          </Button>
        }
      />,
    );
  }
  if (alerts.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {alerts}
      {open ? (
        <Suspense fallback={null}>
          <RejectedDrawer open={open} onClose={() => setOpen(false)} rejected={rejected} />
        </Suspense>
      ) : null}
    </Space>
  );
}
