/** `GET /rankings`, `/rankings/history` and `/rankings/evidence`. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { quarterRanking, rankHistory, rankingEvidence } from '../contract/rankings';
import { periodKey } from '../domain/period/period';
import type { Quarter, QuarterRanking, RankHistory } from '../engine/ranking';
import type { RankingEvidence } from '../engine/ranking-evidence';
import { apiGet } from './http';
import { apiKeys } from './keys';
import { useSource } from './source-choice';

export function fetchRanking(
  source: string,
  quarter: Quarter,
  signal?: AbortSignal,
): Promise<QuarterRanking> {
  return apiGet('/rankings', quarterRanking, signal, { quarter: periodKey(quarter), source });
}

export const rankingQuery = (source: string, quarter: Quarter) =>
  queryOptions({
    queryKey: apiKeys.ranking(source, periodKey(quarter)),
    queryFn: ({ signal }) => fetchRanking(source, quarter, signal),
    // Keep the previous quarter on screen (marked as updating) while another loads.
    placeholderData: keepPreviousData,
  });

export const useRanking = (quarter: Quarter) => useQuery(rankingQuery(useSource(), quarter));

export function fetchRankHistory(
  source: string,
  quarter: Quarter,
  n: number,
  signal?: AbortSignal,
): Promise<RankHistory> {
  return apiGet('/rankings/history', rankHistory, signal, {
    quarter: periodKey(quarter),
    n,
    source,
  });
}

export const rankHistoryQuery = (source: string, quarter: Quarter, n = 6) =>
  queryOptions({
    queryKey: apiKeys.rankHistory(source, periodKey(quarter), n),
    queryFn: ({ signal }) => fetchRankHistory(source, quarter, n, signal),
  });

export const useRankHistory = (quarter: Quarter, enabled = true, n = 6) =>
  useQuery({ ...rankHistoryQuery(useSource(), quarter, n), enabled });

export function fetchRankingEvidence(
  source: string,
  quarter: Quarter,
  departmentId: string | null,
  signal?: AbortSignal,
): Promise<RankingEvidence> {
  return apiGet('/rankings/evidence', rankingEvidence, signal, {
    quarter: periodKey(quarter),
    dept: departmentId,
    source,
  });
}

export const rankingEvidenceQuery = (
  source: string,
  quarter: Quarter,
  departmentId: string | null,
) =>
  queryOptions({
    queryKey: apiKeys.rankingEvidence(source, periodKey(quarter), departmentId),
    queryFn: ({ signal }) => fetchRankingEvidence(source, quarter, departmentId, signal),
  });

export const useRankingEvidence = (
  quarter: Quarter,
  departmentId: string | null,
  enabled: boolean,
) => useQuery({ ...rankingEvidenceQuery(useSource(), quarter, departmentId), enabled });
