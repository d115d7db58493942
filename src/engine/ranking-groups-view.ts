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

/** The groups in the service's order, each with its ranked and 样本不足 departments. */
export function groupSections(r: QuarterRanking): GroupSection[] {
  const byId = new Map(r.departments.map((d) => [d.departmentId, d]));
  return r.groups.map((g) => {
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
