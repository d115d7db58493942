/// <reference lib="webworker" />
/** The import worker: reads, validates and stores a file off the page's thread. */
import { handleImportRequest } from './handle-request';
import type { ImportRequest, ImportResponse } from './import-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  void handleImportRequest(event.data, (message: ImportResponse) => scope.postMessage(message));
};
