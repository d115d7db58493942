/**
 * `POST /imports?async=true`: the file goes up as multipart/form-data through XMLHttpRequest,
 * because fetch reports no upload progress. Same-origin like every other write: the browser sends
 * the session cookie and the Origin header the service's CSRF check reads (docs/security.md), so
 * nothing else is added. The answer is parsed with the contract's schemas, never cast.
 */
import { apiErrorSchema } from '../contract/api-error';
import { importReport, type ImportReport } from '../contract/imports';
import { ApiRequestError, apiUrl } from './http';
import { reportApiError } from './unauthorized';

export type UploadOutcome =
  | { kind: 'started'; report: ImportReport }
  | { kind: 'failed'; error: ApiRequestError }
  | { kind: 'aborted' };

export interface UploadHandle {
  result: Promise<UploadOutcome>;
  /** Stops the upload; the service keeps nothing of a body that never arrived whole. */
  abort: () => void;
}

export interface UploadOptions {
  /** Replace the earlier import of the same content (after the service's 409). */
  replace?: boolean;
  onProgress?: (loaded: number, total: number) => void;
}

function bodyOf(xhr: XMLHttpRequest): unknown {
  try {
    return JSON.parse(xhr.responseText);
  } catch {
    return null;
  }
}

/** The outcome of a finished request: the report on 2xx, else the service's error (code + message). */
export function outcomeOf(status: number, body: unknown): UploadOutcome {
  if (status >= 200 && status < 300) {
    const parsed = importReport.safeParse(body);
    if (parsed.success) return { kind: 'started', report: parsed.data };
    return {
      kind: 'failed',
      error: new ApiRequestError(status, 'invalid_response', '/imports: schema mismatch'),
    };
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    return {
      kind: 'failed',
      error: new ApiRequestError(status, parsed.data.error.code, parsed.data.error.message),
    };
  }
  // A proxy in front of the service may refuse a large body itself, without the contract's body.
  const code = status === 413 ? 'payload_too_large' : status === 0 ? 'network' : 'internal';
  return { kind: 'failed', error: new ApiRequestError(status, code, `HTTP ${status}`) };
}

export function uploadImport(file: File, options: UploadOptions = {}): UploadHandle {
  const xhr = new XMLHttpRequest();
  const result = new Promise<UploadOutcome>((resolve) => {
    const params: Record<string, string> = { async: 'true' };
    if (options.replace === true) params['replace'] = 'true';
    xhr.open('POST', apiUrl('/imports', params));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    });
    xhr.addEventListener('load', () => {
      const outcome = outcomeOf(xhr.status, bodyOf(xhr));
      if (outcome.kind === 'failed') reportApiError(outcome.error);
      resolve(outcome);
    });
    xhr.addEventListener('error', () =>
      resolve({ kind: 'failed', error: new ApiRequestError(0, 'network', 'upload failed') }),
    );
    xhr.addEventListener('abort', () => resolve({ kind: 'aborted' }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { result, abort: () => xhr.abort() };
}
