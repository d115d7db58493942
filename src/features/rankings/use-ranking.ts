/**
 * The rankings page's data, all from the service: the quarter's ranking (the `rank` CLI's object),
 * the six-quarter rank history and the evidence behind one score. Thin names over src/api so the
 * page's components read like before.
 */
import type { Quarter } from '../../engine/ranking';
import {
  useRankHistory as useHistory,
  useRanking,
  useRankingEvidence as useEvidence,
} from '../../api/rankings';

/** `rankQuarter` for a quarter (the table, the chart, the exports and the print all read this). */
export const useQuarterRanking = (quarter: Quarter) => useRanking(quarter);

/** `rankHistory` over six quarters ending with `quarter`. */
export const useRankHistory = (quarter: Quarter, enabled: boolean) => useHistory(quarter, enabled);

/** The cases and evaluations behind a department's (or the city's, `null`) figures. */
export const useRankingEvidence = (
  quarter: Quarter,
  departmentId: string | null,
  enabled: boolean,
) => useEvidence(quarter, departmentId, enabled);
