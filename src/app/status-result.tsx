import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

const Result = lazy(async () => ({ default: (await import('./antd-result')).Result }));

/** antd's Result, loaded when a status page is first shown (see ./antd-result). */
export function StatusResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}
