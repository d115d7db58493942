import { Button } from 'antd';
import { Link, useLocation, useRouteError, isRouteErrorResponse } from 'react-router';
import { useT } from '../i18n';
import { StatusResult } from './status-result';

/** Shown when a route fails to load or throws while rendering: says so and offers a way on. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const location = useLocation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <StatusResult
        status="404"
        title={t('page.notFound')}
        subTitle={t('page.notFound.body', { path: location.pathname })}
        extra={<Link to="/overview">{t('page.backHome')}</Link>}
      />
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <StatusResult
      status="error"
      title={t('page.error')}
      subTitle={message}
      extra={<Button onClick={() => window.location.reload()}>{t('page.error.retry')}</Button>}
    />
  );
}

/** Unknown path inside the shell. */
export function NotFound() {
  const t = useT();
  const location = useLocation();
  return (
    <StatusResult
      status="404"
      title={t('page.notFound')}
      subTitle={t('page.notFound.body', { path: location.pathname })}
      extra={<Link to="/overview">{t('page.backHome')}</Link>}
    />
  );
}
