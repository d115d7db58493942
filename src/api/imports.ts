/**
 * The imports of files into the service (docs/import.md): the list, one import's progress while it
 * runs, cancelling it, its first rejected rows and the CSV of all of them. The upload itself is
 * `upload.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  importList,
  importReport,
  rejectedSample,
  type ImportReport,
  type RejectedSample,
} from '../contract/imports';
import { apiGet, apiSend, apiUrl } from './http';
import { apiKeys } from './keys';

/** How often a running import is asked for its progress. */
const PROGRESS_POLL_MS = 700;
/** Rejected rows shown in the report (all of them are in the CSV). */
export const REJECTED_SAMPLE_SIZE = 20;

export const importsQuery = () =>
  queryOptions({
    queryKey: apiKeys.imports(),
    queryFn: ({ signal }) => apiGet('/imports', importList, signal),
  });

export const useImports = (enabled = true) => useQuery({ ...importsQuery(), enabled });

const importPath = (id: string): string => `/imports/${encodeURIComponent(id)}`;

/** One import's report, asked again while it runs (rows so far), then left alone. */
export const useImportRun = (id: string | null) =>
  useQuery({
    queryKey: apiKeys.importRun(id ?? ''),
    queryFn: ({ signal }) => apiGet(importPath(id ?? ''), importReport, signal),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data?.state === 'running' || query.state.data === undefined
        ? PROGRESS_POLL_MS
        : false,
  });

/** Cancels a running import: the service keeps nothing of it. */
export function cancelImport(id: string): Promise<ImportReport> {
  return apiSend('DELETE', importPath(id), importReport, undefined);
}

export const useRejectedSample = (report: ImportReport | null) =>
  useQuery({
    queryKey: apiKeys.importRejected(report?.importId ?? ''),
    queryFn: ({ signal }): Promise<RejectedSample> =>
      apiGet(`${importPath(report?.importId ?? '')}/rejected`, rejectedSample, signal, {
        limit: REJECTED_SAMPLE_SIZE,
      }),
    enabled: report !== null && report.state === 'done' && report.rejected > 0,
  });

/** The service's CSV of every rejected row (file line, record number, id, reason, the cells). */
export const rejectedCsvUrl = (id: string): string => apiUrl(`${importPath(id)}/rejected.csv`);
