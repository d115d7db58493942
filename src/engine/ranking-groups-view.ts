/**
 * 分类排名 views: the ranking split into its groups (市直部门 / 区县 / 乡镇街道 / 未分类), each with its
 * ranked rows in group-rank order and its 样本不足 rows — the default view of the rankings page and
 * of the 季度通报. A projection of one `rankQuarter` result: group ranks come from the service.
 */
import type { RankingGroup } from '../domain/ranking/groups';
import type { DepartmentRanking, QuarterRanking } from './ranking';
import { departmentLabel, type CompositeBar } from './ranking-view';

export interface GroupSection {
  group: RankingGroup;
  /** Ranked within the group, by group rank (then the service's order). */
  ranked: DepartmentRanking[];
  /** Counted cases but fewer than the minimum: scored, not ranked. */
  insufficient: DepartmentRanking[];
}

/** What a row needs to be split into its group's ranked and 样本不足 lists. */
interface GroupMember {
  departmentId: string;
  ranked: boolean;
  counted: number;
}

/**
 * The groups in the service's order, each with its ranked rows (in the group's order) and its
 * 样本不足 rows (counted, not ranked); for the live ranking and a bulletin's rows alike.
 */
export function splitByGroup<G, D extends GroupMember>(
  groups: readonly { group: G; departmentIds: readonly string[] }[],
  departments: readonly D[],
): { group: G; ranked: D[]; insufficient: D[] }[] {
  const byId = new Map(departments.map((d) => [d.departmentId, d]));
  return groups.map((g) => {
    const rows = g.departmentIds.flatMap((id) => {
      const d = byId.get(id);
      return d ? [d] : [];
    });
    return {
      group: g.group,
      ranked: rows.filter((d) => d.ranked),
      insufficient: rows.filter((d) => !d.ranked && d.counted > 0),
    };
  });
}

/** The groups in the service's order, each with its ranked and 样本不足 departments. */
export function groupSections(r: QuarterRanking): GroupSection[] {
  return splitByGroup(r.groups, r.departments);
}

/** The composite bars of one group, labelled with the group rank. */
export function groupBars(rows: readonly DepartmentRanking[]): CompositeBar[] {
  const bars: CompositeBar[] = [];
  for (const d of rows) {
    if (d.groupRank === null || d.score === null) continue;
    bars.push({
      departmentId: d.departmentId,
      name: departmentLabel(d),
      rank: d.groupRank,
      score: d.score,
    });
  }
  return bars;
}

/**
 * A row as the group view shows it: the group rank and its change stand in for the city-wide
 * ones, so the same columns serve both views.
 */
export function asGroupRow(d: DepartmentRanking): DepartmentRanking {
  return {
    ...d,
    rank: d.groupRank,
    previousRank: d.previousGroupRank,
    rankChange: d.groupRankChange,
  };
}
