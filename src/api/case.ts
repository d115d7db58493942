/**
 * `GET /case?id=`: one case with its evaluation, records, flags (404 → not found). The id travels as a query
 * parameter, which carries any id (a path segment cannot carry `..`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseMeta } from '../contract/api-common';
import { caseResponse } from '../contract/case';
import type { SlowActionFlag } from '../domain/slow-action';
import type { SuspensionInput } from '../domain/time-limit';
import type { CaseStepRecord } from '../engine/case-view';
import type { CaseStatusRow } from '../engine/dashboard';
import type { Evaluation } from '../feeds/schemas/evaluation';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

export interface CaseData {
  caseId: string;
  departmentId: string;
  departmentName: string;
  itemCode: string;
  itemName: string | null;
  evaluation: CaseStatusRow;
  suspensions: SuspensionInput[];
  steps: CaseStepRecord[];
  evaluations: Evaluation[];
  flags: SlowActionFlag[];
  meta: ResponseMeta;
}

export function fetchCase(source: string, id: string, signal?: AbortSignal): Promise<CaseData> {
  return apiGet('/case', caseResponse, signal, { id, source });
}

export const caseQuery = (source: string, id: string) =>
  queryOptions({
    queryKey: apiKeys.case(source, id),
    queryFn: ({ signal }) => fetchCase(source, id, signal),
  });

export const useCase = (id: string) => useQuery(caseQuery(useSource(), id));
