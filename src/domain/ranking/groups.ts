/**
 * 分类排名: departments are ranked within their kind (市直部门, 区县, 乡镇街道), as real 评比排队 is
 * published — a county government and a municipal bureau are not peers. A department whose kind
 * is unknown (not in the departments feed, or without a kind) is ranked in its own group 未分类.
 * The city-wide rank stays as a second view.
 */
import { competitionRanks } from './score';

/** The groups, in the order tables and the bulletin list them. */
export const RANKING_GROUPS = ['市直部门', '区县', '乡镇街道', '未分类'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];

/** The group of a department kind; `null` or an unknown kind → 未分类. */
export function rankingGroupOf(kind: string | null | undefined): RankingGroup {
  return kind === '市直部门' || kind === '区县' || kind === '乡镇街道' ? kind : '未分类';
}

/**
 * Competition ranks (1, 2, 2, 4) within each group: the same rule as the city-wide rank, applied
 * to the departments of one group at a time. Output in input order; `null` for the ineligible.
 */
export function groupCompetitionRanks(
  entries: readonly { group: RankingGroup; score: number | null; eligible: boolean }[],
): (number | null)[] {
  const out: (number | null)[] = entries.map(() => null);
  for (const g of RANKING_GROUPS) {
    const idx: number[] = [];
    entries.forEach((e, i) => {
      if (e.group === g) idx.push(i);
    });
    const ranks = competitionRanks(idx.map((i) => entries[i] as (typeof entries)[number]));
    idx.forEach((i, j) => {
      out[i] = ranks[j] ?? null;
    });
  }
  return out;
}
