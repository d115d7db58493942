import { Alert, Button, Space } from 'antd';
import type { ApiRequestError } from '../../api/http';
import type { ImportMsg } from './import-messages';

type TitleKey =
  'tooLargeTitle' | 'diskTitle' | 'conflictTitle' | 'notTextTitle' | 'noRowsTitle' | 'failedTitle';

/**
 * The headline for the service's refusal. The service's own message (Chinese first, English in
 * brackets) is always shown under it: it names the limit, the reason or the earlier source.
 */
export function refusalTitle(status: number, code: string, message: string): TitleKey {
  if (code === 'payload_too_large' || status === 413) return 'tooLargeTitle';
  if (status === 507 || message.includes('磁盘空间不足')) return 'diskTitle';
  if (code === 'conflict') return 'conflictTitle';
  if (message.includes('不是文本表格')) return 'notTextTitle';
  if (message.includes('没有数据行')) return 'noRowsTitle';
  return 'failedTitle';
}

export function RefusalAlert({
  error,
  m,
  onReplace,
  onDismiss,
}: {
  error: ApiRequestError;
  m: ImportMsg;
  /** Offered on 409 for the same content only (not for a cancelled import). */
  onReplace: () => void;
  onDismiss: () => void;
}) {
  let description = error.message;
  if (error.code === 'network') description = m('networkError');
  if (error.code === 'forbidden') description = m('forbidden');
  const key = refusalTitle(error.status, error.code, error.message);
  const sameContent = key === 'conflictTitle' && error.message.includes('replace=true');
  return (
    <Alert
      type={sameContent ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid="import-refused"
      data-code={error.code}
      title={m(key)}
      description={description}
      action={
        sameContent ? (
          <Space orientation="vertical">
            <Button
              type="primary"
              size="small"
              danger
              onClick={onReplace}
              data-testid="import-replace"
            >
              {m('replace')}
            </Button>
            <Button size="small" onClick={onDismiss}>
              {m('keep')}
            </Button>
          </Space>
        ) : undefined
      }
    />
  );
}
