import { Button, Progress, Result, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DashboardModel } from '../engine/dashboard';
import { useEngineProgress, type DashboardState } from '../engine/use-dashboard';
import { defineMessages } from '../i18n';
import { formatCount } from './format';

const useMsg = defineMessages(
  {
    loadingFeeds: '正在读取数据接口…',
    computing: '正在计算时限与预警：已完成 {done} / {total} 件',
    error: '计算失败',
    feedError: '无法读取办件数据',
    retry: '重试',
  },
  {
    loadingFeeds: 'Reading the feeds…',
    computing: 'Computing time limits and warnings: {done} of {total} cases',
    error: 'The computation failed',
    feedError: 'Cases could not be read',
    retry: 'Retry',
  },
);

/**
 * Shows a page's content once the dashboard model is ready: a skeleton with progress while feeds
 * load and the engine computes, an error with retry when it fails. Never shows stale zeros.
 */
export function ModelGate({
  state,
  children,
}: {
  state: DashboardState;
  children: (model: DashboardModel) => ReactNode;
}) {
  const m = useMsg();
  const done = useEngineProgress((s) => s.done);
  const total = useEngineProgress((s) => s.total);
  if (state.model) return <>{children(state.model)}</>;
  if (state.status === 'error' || state.status === 'feed-error') {
    return (
      <Result
        status="error"
        title={state.status === 'error' ? m('error') : m('feedError')}
        subTitle={state.error?.message}
        extra={
          <Button type="primary" onClick={state.retry}>
            {m('retry')}
          </Button>
        }
      />
    );
  }
  return (
    <div data-testid="model-loading" aria-busy="true">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {state.status === 'computing' && total > 0
            ? m('computing', { done: formatCount(done), total: formatCount(total) })
            : m('loadingFeeds')}
        </Typography.Text>
        {state.status === 'computing' && total > 0 ? (
          <Progress percent={Math.floor((done / total) * 100)} size="small" />
        ) : null}
        <Skeleton active paragraph={{ rows: 6 }} />
      </Space>
    </div>
  );
}
