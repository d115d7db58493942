import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Tooltip, Typography } from 'antd';
import { refreshAllFeeds } from '../feeds/api/sync';
import { useFeedFreshness } from '../feeds/freshness';
import { useLocaleStore, useT, intlLocale } from '../i18n';
import { formatClock, formatDateTime, sameShanghaiDay } from '../ui/format';
import { useNow } from '../ui/use-now';

/** "数据更新于 HH:mm" — the oldest successful refresh among the feeds on screen. */
export function DataFreshness() {
  const t = useT();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const { updatedAt, fetching, stale } = useFeedFreshness();
  const queryClient = useQueryClient();
  const now = useNow();
  let text: string;
  if (updatedAt !== null) {
    const when = sameShanghaiDay(updatedAt, now)
      ? formatClock(updatedAt, locale)
      : formatDateTime(updatedAt, locale);
    text = t('header.freshness', { time: when });
  } else {
    text = fetching ? t('header.freshness.loading') : t('header.freshness.never');
  }
  return (
    <span
      data-testid="data-freshness"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}
    >
      <Tooltip title={updatedAt !== null ? formatDateTime(updatedAt, locale) : undefined}>
        <Typography.Text type={stale ? 'warning' : 'secondary'}>{text}</Typography.Text>
      </Tooltip>
      <Tooltip title={t('feed.refresh')}>
        <Button
          size="small"
          type="text"
          aria-label={t('feed.refresh')}
          icon={<ReloadOutlined spin={fetching} />}
          onClick={() => void refreshAllFeeds(queryClient)}
        />
      </Tooltip>
    </span>
  );
}
