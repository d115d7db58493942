/** What the import worker does with one request (also run inline where there is no Worker). */
import type { ImportReport, ImportRequest, ImportResponse } from './import-protocol';
import { inspectFile } from './inspect';
import { runImport } from './run-import';
import { saveImport } from './store';

/** Handles a request, posting progress and the one final message through `post`. */
export async function handleImportRequest(
  request: ImportRequest,
  post: (message: ImportResponse) => void,
): Promise<void> {
  try {
    if (request.type === 'inspect') {
      const inspection = await inspectFile(request.bytes, request.format, request.encoding);
      post({ type: 'inspected', inspection });
      return;
    }
    const started = performance.now();
    const outcome = await runImport(request.bytes, request.options, (phase, done, total) =>
      post({ type: 'progress', phase, done, total }),
    );
    const parsed = performance.now();
    post({ type: 'progress', phase: 'save', done: 0, total: outcome.accepted });
    const { options } = request;
    const source = await saveImport(
      outcome,
      {
        fileName: options.fileName,
        format: options.format,
        encoding: options.encoding,
        importedAt: options.importedAtMs,
        mapping: options.mapping,
      },
      request.attachTo,
    );
    const report: ImportReport = {
      source,
      total: outcome.total,
      accepted: outcome.accepted,
      rejected: outcome.rejected,
      parseMs: Math.round(parsed - started),
      saveMs: Math.round(performance.now() - parsed),
    };
    post({ type: 'imported', report });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
