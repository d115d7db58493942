import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiRequestError, type ApiFailureCode } from '../api/http';
import { defineMessages } from '../i18n';

const useMsg = defineMessages(
  {
    loading: '正在读取数据…',
    retry: '重试',
    'error.title': '数据读取失败',
    'error.not_ready': '督查服务正在评估数据（首次同步或重新计算），请稍候再试',
    'error.unauthorized': '登录已失效，请重新登录',
    'error.forbidden': '没有查看此内容的权限',
    'error.not_found': '没有找到相应的数据',
    'error.bad_request': '请求参数无效',
    'error.network': '无法连接督查服务',
    'error.invalid_response': '督查服务返回的数据格式不符',
    'error.rate_limited': '请求过于频繁，请稍后再试',
    'error.insufficient_memory': '内存不足，无法评估该数据源',
    'error.other': '督查服务出错',
  },
  {
    loading: 'Loading…',
    retry: 'Retry',
    'error.title': 'The data could not be loaded',
    'error.not_ready':
      'The supervision service is evaluating its data (first sync or recompute); try again shortly',
    'error.unauthorized': 'Your session has ended; please sign in again',
    'error.forbidden': 'You may not view this',
    'error.not_found': 'Not found',
    'error.bad_request': 'Invalid request',
    'error.network': 'The supervision service cannot be reached',
    'error.invalid_response': 'The supervision service answered in an unexpected shape',
    'error.rate_limited': 'Too many requests; please try again shortly',
    'error.insufficient_memory': 'Not enough memory to evaluate this source',
    'error.other': 'The supervision service failed',
  },
);

type ShownCode = Exclude<
  ApiFailureCode,
  'conflict' | 'payload_too_large' | 'internal' | 'unavailable'
>;
const SHOWN: readonly ShownCode[] = [
  'not_ready',
  'unauthorized',
  'forbidden',
  'not_found',
  'bad_request',
  'network',
  'invalid_response',
  'rate_limited',
  'insufficient_memory',
];

/** The user's-language sentence for an API failure (the code, never the raw message). */
export function useApiErrorText(): (error: unknown) => string {
  const m = useMsg();
  return (error) => {
    const code = error instanceof ApiRequestError ? error.code : 'network';
    const shown = SHOWN.find((c) => c === code);
    return shown ? m(`error.${shown}`) : m('error.other');
  };
}

/**
 * Shows a page's content once its query has data: a skeleton while it loads, an error in the
 * user's language with retry when it fails. Later failures keep the last data on screen (the
 * shell's banner says the service is unavailable). Never shows stale zeros.
 */
export function QueryGate<T>({
  query,
  children,
  notFound,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Rendered for a 404 (a case or department that does not exist for this viewer). */
  notFound?: ReactNode;
}) {
  const m = useMsg();
  const errorText = useApiErrorText();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    const refusal =
      query.error instanceof ApiRequestError && query.error.code === 'insufficient_memory'
        ? query.error.message
        : null;
    if (notFound && query.error instanceof ApiRequestError && query.error.status === 404) {
      return <>{notFound}</>;
    }
    return (
      <Result
        status="error"
        title={m('error.title')}
        subTitle={
          <>
            {errorText(query.error)}
            {refusal === null ? null : (
              // The service's reason names the rows, the estimated need, its limit and the remedy.
              <div data-testid="query-error-detail">{refusal}</div>
            )}
          </>
        }
        data-testid="query-error"
        extra={
          <Button type="primary" onClick={() => void query.refetch()}>
            {m('retry')}
          </Button>
        }
      />
    );
  }
  return (
    <div data-testid="model-loading" aria-busy="true">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{m('loading')}</Typography.Text>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Space>
    </div>
  );
}
