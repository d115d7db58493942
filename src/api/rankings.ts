/** `GET /rankings`, `/rankings/history` and `/rankings/evidence`. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { quarterRanking, rankHistory, rankingEvidence } from '../contract/rankings';
import { periodKey } from '../domain/period/period';
import type { Quarter, QuarterRanking, RankHistory } from '../engine/ranking';
import type { RankingEvidence } from '../engine/ranking-evidence';
import { apiGet } from './http';
import { apiKeys } from './keys';

export function fetchRanking(quarter: Quarter, signal?: AbortSignal): Promise<QuarterRanking> {
  return apiGet('/rankings', quarterRanking, signal, { quarter: periodKey(quarter) });
}

export const rankingQuery = (quarter: Quarter) =>
  queryOptions({
    queryKey: apiKeys.ranking(periodKey(quarter)),
    queryFn: ({ signal }) => fetchRanking(quarter, signal),
    // Keep the previous quarter on screen (marked as updating) while another loads.
    placeholderData: keepPreviousData,
  });

export const useRanking = (quarter: Quarter) => useQuery(rankingQuery(quarter));

export function fetchRankHistory(
  quarter: Quarter,
  n: number,
  signal?: AbortSignal,
): Promise<RankHistory> {
  return apiGet('/rankings/history', rankHistory, signal, { quarter: periodKey(quarter), n });
}

export const rankHistoryQuery = (quarter: Quarter, n = 6) =>
  queryOptions({
    queryKey: apiKeys.rankHistory(periodKey(quarter), n),
    queryFn: ({ signal }) => fetchRankHistory(quarter, n, signal),
  });

export const useRankHistory = (quarter: Quarter, enabled = true, n = 6) =>
  useQuery({ ...rankHistoryQuery(quarter, n), enabled });

export function fetchRankingEvidence(
  quarter: Quarter,
  departmentId: string | null,
  signal?: AbortSignal,
): Promise<RankingEvidence> {
  return apiGet('/rankings/evidence', rankingEvidence, signal, {
    quarter: periodKey(quarter),
    dept: departmentId,
  });
}

export const rankingEvidenceQuery = (quarter: Quarter, departmentId: string | null) =>
  queryOptions({
    queryKey: apiKeys.rankingEvidence(periodKey(quarter), departmentId),
    queryFn: ({ signal }) => fetchRankingEvidence(quarter, departmentId, signal),
  });

export const useRankingEvidence = (
  quarter: Quarter,
  departmentId: string | null,
  enabled: boolean,
) => useQuery({ ...rankingEvidenceQuery(quarter, departmentId), enabled });
