import { Segmented } from 'antd';
import { useLocaleStore, useT, type Locale } from '../i18n';

/** 中文 / English switch; the choice is remembered on this browser. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <Segmented<Locale>
      aria-label={t('header.language')}
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
