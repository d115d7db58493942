import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES builds: `antd/locale/*` is CommonJS and would bundle a second copy of the picker locales.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { reportApiError } from '../api/unauthorized';
import { RuntimeConfigContext, type RuntimeConfig } from '../feeds/runtime-config';
import { useLocaleStore } from '../i18n';

/**
 * The app's QueryClient: views are refetched when the service says a sync landed (server-sent
 * events), not on every window focus; a 401 anywhere sends the user to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportApiError }),
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
