import { Result } from 'antd';
import { translate, useLocaleStore } from '../i18n';

/** Shown instead of the app when config.json is missing or invalid: nothing runs on a bad config. */
export function ConfigError({ reason }: { reason: string }) {
  const locale = useLocaleStore((s) => s.locale);
  return (
    <Result
      status="error"
      title={translate(locale, 'config.error.title')}
      subTitle={translate(locale, 'config.error.body', { reason })}
    />
  );
}
