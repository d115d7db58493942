import { Result, Typography } from 'antd';
import { useT, type MessageKey } from '../i18n';

/**
 * The honest state of a page that is not built yet: says so and lists what is planned, and shows
 * no numbers at all (a placeholder figure on a supervision dashboard would be taken as real).
 */
export function UnderConstruction({
  pageKey,
  plannedKey,
}: {
  pageKey: MessageKey;
  plannedKey: MessageKey;
}) {
  const t = useT();
  return (
    <Result
      status="info"
      title={`${t(pageKey)} · ${t('page.underConstruction')}`}
      subTitle={t('page.underConstruction.body', { page: t(pageKey) })}
      data-testid="under-construction"
    >
      <Typography.Paragraph>
        <Typography.Text strong>{t('page.underConstruction.planned')}</Typography.Text>
        {t(plannedKey)}
      </Typography.Paragraph>
    </Result>
  );
}
