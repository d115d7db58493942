import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Tooltip } from 'antd';
import { apiKeys } from '../api/keys';
import { useSyncStatus } from '../api/sync-status';
import { useLocaleStore, useT, intlLocale } from '../i18n';
import { formatClock, formatDateTime, sameShanghaiDay } from '../ui/format';
import { useNow } from '../ui/use-now';

/**
 * "数据更新于 HH:mm" — the service's last successful sync (pushed by its event stream), with its
 * state while it syncs, and a button that refetches every view.
 */
export function DataFreshness() {
  const t = useT();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const status = useSyncStatus();
  const queryClient = useQueryClient();
  const now = useNow();
  const last = status.data?.lastSuccessAt ?? null;
  const updatedAt = last === null ? null : Date.parse(last);
  const syncing = status.data?.state === 'syncing';
  let text: string;
  if (updatedAt !== null) {
    const when = sameShanghaiDay(updatedAt, now)
      ? formatClock(updatedAt, locale)
      : formatDateTime(updatedAt, locale);
    text = t('header.freshness', { time: when });
  } else {
    text = status.isPending ? t('header.freshness.loading') : t('header.freshness.never');
  }
  return (
    <span
      data-testid="data-freshness"
      data-state={status.data?.state ?? 'unknown'}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}
    >
      <Tooltip title={updatedAt !== null ? formatDateTime(updatedAt, locale) : undefined}>
        <span className={status.data?.failure ? 'header-text-warning' : 'header-text-secondary'}>
          {text}
          {syncing ? ` · ${t('header.syncing')}` : ''}
        </span>
      </Tooltip>
      <Tooltip title={t('feed.refresh')}>
        <Button
          size="small"
          type="text"
          aria-label={t('feed.refresh')}
          icon={<ReloadOutlined spin={syncing || status.isFetching} />}
          onClick={() => void queryClient.invalidateQueries({ queryKey: apiKeys.all })}
        />
      </Tooltip>
    </span>
  );
}
