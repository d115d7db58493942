import { Alert, Button } from 'antd';
import { ApiRequestError } from '../../api/http';
import { useDubanLabels } from './duban-labels';

/**
 * A failed 督办 action. A 409 (`conflict`: a stale version or an action no longer legal) says so
 * plainly and offers a reload, since the fix is always to look at the notice as it is now.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const l = useDubanLabels();
  const message = error instanceof Error ? error.message : String(error);
  const conflict = error instanceof ApiRequestError && error.status === 409;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={conflict ? 'duban-conflict' : 'duban-error'}
      title={conflict ? l('conflict', { message }) : l('failed', { message })}
      action={
        conflict ? (
          <Button size="small" onClick={onReload} data-testid="duban-reload">
            {l('reload')}
          </Button>
        ) : undefined
      }
    />
  );
}
