import { Alert, Button, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { ApiRequestError } from '../api/http';
import { apiKeys } from '../api/keys';
import { useRejected } from '../api/rejected';
import { useMe } from '../api/session';
import { useSyncStatus } from '../api/sync-status';
import { useLocaleStore, useT, intlLocale } from '../i18n';
import { formatCount, formatDateTime } from '../ui/format';

// The drawer (with antd's Table) loads only when someone opens it: not part of the first download.
const RejectedDrawer = lazy(async () => ({
  default: (await import('./rejected-drawer')).RejectedDrawer,
}));

/**
 * Since when the service itself has been unreachable: its last successful answer (or the first
 * failure when it never answered); null while it answers. A 401/403 is not an outage.
 */
function useServiceDownSince(): number | null {
  const status = useSyncStatus();
  const down =
    status.isError &&
    !(status.error instanceof ApiRequestError && [401, 403].includes(status.error.status));
  if (!down) return null;
  return status.dataUpdatedAt > 0 ? status.dataUpdatedAt : status.errorUpdatedAt;
}

/**
 * The shell's report on the data: when the city platform's feed or the supervision service is
 * down, a banner naming which one and since when (the figures on screen stay: they are the last
 * good ones); and the records the service's boundary rejected (open and download).
 */
export function FeedStatus() {
  const t = useT();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const queryClient = useQueryClient();
  const status = useSyncStatus();
  const serviceDownSince = useServiceDownSince();
  const [open, setOpen] = useState(false);
  // Only staff may read the rejected records (the service answers 403 to a liaison): a liaison's
  // shell does not ask, so its browser logs no refused request on every page.
  const role = useMe().data?.role;
  const rejected = useRejected(1, role !== undefined && role !== 'liaison');
  const retry = () => void queryClient.invalidateQueries({ queryKey: apiKeys.all });

  const failure = status.data?.failure ?? null;
  const lastGood = status.data?.lastSuccessAt ?? null;
  const alerts = [];
  if (serviceDownSince !== null || failure !== null) {
    const side = serviceDownSince !== null ? 'service' : (failure?.side ?? 'service');
    const since =
      serviceDownSince !== null ? serviceDownSince : Date.parse(failure?.since ?? '') || null;
    // The service answers but cannot store (a full disk): say so, with its reason, not "unreachable".
    const diskFull = serviceDownSince === null && failure?.code === 'disk_full';
    // Or it cannot evaluate (the city is too big for its heap): the reason names the remedy.
    const noMemory = serviceDownSince === null && failure?.code === 'insufficient_memory';
    const title = diskFull
      ? 'sync.diskFull'
      : noMemory
        ? 'sync.insufficientMemory'
        : side === 'platform'
          ? 'sync.platformDown'
          : 'sync.serviceDown';
    const lastGoodLine =
      lastGood === null
        ? null
        : t('sync.showingLastGood', { time: formatDateTime(Date.parse(lastGood), locale) });
    alerts.push(
      <Alert
        key="outage"
        type="warning"
        showIcon
        role="alert"
        data-testid="feed-stale-banner"
        data-side={side}
        title={t(title, { since: since === null ? '—' : formatDateTime(since, locale) })}
        description={
          diskFull || noMemory ? (
            <>
              <div data-testid="feed-failure-reason">{failure.message}</div>
              {lastGoodLine}
            </>
          ) : (
            (lastGoodLine ?? undefined)
          )
        }
        action={
          <Button onClick={retry} data-testid="feed-retry">
            {t('feed.retry')}
          </Button>
        }
      />,
    );
  }
  const rejectedTotal = rejected.data?.total ?? 0;
  if (rejectedTotal > 0) {
    alerts.push(
      <Alert
        key="rejected"
        type="info"
        showIcon
        data-testid="feed-rejected"
        title={t('feed.rejected', { count: formatCount(rejectedTotal, locale) })}
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
          <RejectedDrawer open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </Space>
  );
}
