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
        // Each language's name in that language (marked so), whatever the UI language is.
        {
          value: 'zh-CN',
          label: (
            <span lang="zh-CN" data-lang-name>
              中文
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" data-lang-name>
              English
            </span>
          ),
        },
      ]}
    />
  );
}
