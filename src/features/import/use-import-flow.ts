/**
 * The import's steps as the page shows them: choose → upload (bytes sent, abortable) → the
 * service reads the file (records so far, cancellable) → the report; or the service's refusal
 * (too large, not a table, same content → replace?, disk full) with its own message.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { cancelImport, useImportRun } from '../../api/imports';
import { apiKeys } from '../../api/keys';
import { uploadImport, type UploadHandle } from '../../api/upload';

export type ImportStep =
  | { step: 'idle' }
  | { step: 'uploading'; file: File; loaded: number; total: number }
  | { step: 'importing'; importId: string; fileName: string }
  | { step: 'refused'; file: File; error: ApiRequestError }
  | { step: 'aborted' };

export function useImportFlow() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportStep>({ step: 'idle' });
  const upload = useRef<UploadHandle | null>(null);
  const run = useImportRun(state.step === 'importing' ? state.importId : null);
  const finished = run.data !== undefined && run.data.state !== 'running';

  useEffect(() => {
    // A finished import changes the sources and the list of imports: ask again.
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: apiKeys.sources() });
    void queryClient.invalidateQueries({ queryKey: apiKeys.imports(), exact: true });
  }, [finished, queryClient]);

  // Leaving the page aborts an upload still on its way (a running import goes on in the service).
  useEffect(() => () => upload.current?.abort(), []);

  const start = useCallback(
    async (file: File, replace = false) => {
      setState({ step: 'uploading', file, loaded: 0, total: file.size });
      const handle = uploadImport(file, {
        replace,
        onProgress: (loaded, total) => setState({ step: 'uploading', file, loaded, total }),
      });
      upload.current = handle;
      const outcome = await handle.result;
      upload.current = null;
      if (outcome.kind === 'aborted') setState({ step: 'aborted' });
      else if (outcome.kind === 'failed') setState({ step: 'refused', file, error: outcome.error });
      else {
        queryClient.setQueryData(apiKeys.importRun(outcome.report.importId), outcome.report);
        setState({ step: 'importing', importId: outcome.report.importId, fileName: file.name });
      }
    },
    [queryClient],
  );

  const [cancelError, setCancelError] = useState<ApiRequestError | null>(null);
  const cancel = useCallback(async () => {
    if (state.step === 'uploading') {
      upload.current?.abort();
      return;
    }
    if (state.step !== 'importing') return;
    try {
      await cancelImport(state.importId);
    } catch (e) {
      // 409: it finished meanwhile; the next progress answer shows how.
      if (e instanceof ApiRequestError && e.status !== 409) setCancelError(e);
    }
    await run.refetch();
  }, [state, run]);

  const reset = useCallback(() => {
    setCancelError(null);
    setState({ step: 'idle' });
  }, []);

  return { state, run, start, cancel, reset, cancelError };
}
