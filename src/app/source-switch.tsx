import { Alert, Button } from 'antd';
import { lazy, Suspense } from 'react';
import { SOURCE_PARAM, useSourceChoice } from '../api/source-choice';
import { useUrlParam } from '../state/url-state';
import { useSourceMsg } from './source-messages';

// antd's Select (with its virtual list and styles, ≈ 15 KB gzip) loads after the first route's JS:
// the switch is rarely used and the figures must not wait for it (docs/performance.md).
const SourceSelect = lazy(async () => ({
  default: (await import('./source-select')).SourceSelect,
}));

/**
 * The header's data-source switch (src/app/source-select.tsx); until its code has loaded, an empty
 * box of the same size keeps the header from shifting.
 */
export function SourceSwitch() {
  return (
    <Suspense fallback={<span className="source-switch-placeholder" aria-hidden="true" />}>
      <SourceSelect />
    </Suspense>
  );
}

/** Shown above every page while the URL names a source the service does not list. */
export function SourceFallbackNotice() {
  const m = useSourceMsg();
  const choice = useSourceChoice();
  const [, setSource] = useUrlParam(SOURCE_PARAM);
  if (!choice.fallback || choice.requested === null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="source-fallback"
      style={{ marginBottom: 12 }}
      title={m('gone', { id: choice.requested.slice(0, 80) })}
      action={
        <Button size="small" onClick={() => setSource(null)}>
          {m('backToCity')}
        </Button>
      }
    />
  );
}
