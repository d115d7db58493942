import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { RuntimeConfigContext, type RuntimeConfig } from '../feeds/runtime-config';
import { useLocaleStore } from '../i18n';

/** The app's QueryClient: feeds are refreshed explicitly, not on every window focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 60_000 },
    },
  });
}

/** All providers in one place: runtime config, react-query, antd in zh_CN (or en_US). */
export function AppProviders({
  config,
  queryClient,
  children,
}: {
  config: RuntimeConfig;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <RuntimeConfigContext.Provider value={config}>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider
          locale={locale === 'zh-CN' ? zhCN : enUS}
          theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}
          button={{ autoInsertSpace: false }}
        >
          <AntApp>{children}</AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </RuntimeConfigContext.Provider>
  );
}
