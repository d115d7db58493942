/** `GET /audit`: the audit log (administrators only), filtered and paged by the service; its CSV. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { auditResponse, type AuditResponse } from '../contract/auth';
import { apiGet, apiUrl, type QueryParams } from './http';
import { apiKeys } from './keys';

export const AUDIT_PAGE_SIZE = 50;

/** The service's filters: user name, action code, and a day range (`to` exclusive). */
export interface AuditFilter {
  user: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

function paramsOf(f: AuditFilter): QueryParams {
  return { user: f.user, action: f.action, from: f.from, to: f.to };
}

export function fetchAudit(
  f: AuditFilter,
  page: number,
  signal?: AbortSignal,
): Promise<AuditResponse> {
  return apiGet('/audit', auditResponse, signal, {
    ...paramsOf(f),
    page,
    pageSize: AUDIT_PAGE_SIZE,
  });
}

export const auditQuery = (f: AuditFilter, page: number) =>
  queryOptions({
    queryKey: apiKeys.audit({ ...paramsOf(f), page }),
    queryFn: ({ signal }) => fetchAudit(f, page, signal),
    // A new page or filter keeps the rows on screen until the answer arrives.
    placeholderData: keepPreviousData,
  });

export const useAudit = (f: AuditFilter, page: number) => useQuery(auditQuery(f, page));

/** The same filters as a CSV download (every matching row; the export itself is audited). */
export const auditExportUrl = (f: AuditFilter): string => apiUrl('/audit/export.csv', paramsOf(f));
