/**
 * What the 季度通报 says, as facts drawn from its figures only (so the public bulletin, which has
 * no evidence, says the same as the printed one): the overall picture, the top and bottom of each
 * group, the largest rises and falls within groups, overdue cases and 临期突击, the quarter's red
 * cards and overdue 督办单, and which departments must rectify. No sentence is made here: the
 * SPA's i18n layer words these facts in the reader's language (export/bulletin-narrative-text.ts).
 */
import type { IndicatorKey, IndicatorValue } from '../domain/ranking';
import { bulletinGroups, type BulletinDepartment, type Bulletin } from './bulletin';

/** A department as the narrative names it. */
export interface NarrativeDepartment {
  departmentId: string;
  /** The feed's name (Chinese data), or the id when the feed has none. */
  name: string;
}

export interface NarrativeScored extends NarrativeDepartment {
  score: number | null;
}

export interface NarrativeGroup {
  group: string;
  ranked: number;
  /** Named at the top and bottom (3, fewer in a small group); empty when `all` names them. */
  top: NarrativeScored[];
  bottom: NarrativeScored[];
  /** A group too small to have ends: every ranked department, in rank order. */
  all: NarrativeScored[];
  /** 样本不足: below the minimum volume, not ranked. */
  insufficient: NarrativeDepartment[];
}

export interface NarrativeMove extends NarrativeDepartment {
  group: string;
  from: number | null;
  to: number | null;
}

export interface NarrativeOverdue extends NarrativeDepartment {
  overdue: number;
  rate: number | null;
}

export interface NarrativeSupervised extends NarrativeDepartment {
  redCards: number;
  overdueNotices: number;
}

export interface BulletinNarrative {
  quarter: string;
  from: string;
  to: string;
  previousQuarter: string;
  departments: number;
  ranked: number;
  minCountedCases: number;
  counted: number;
  cityScore: number | null;
  city: Record<IndicatorKey, IndicatorValue>;
  groups: NarrativeGroup[];
  rises: NarrativeMove[];
  falls: NarrativeMove[];
  /** Most overdue cases first (at most 5). */
  overdue: NarrativeOverdue[];
  deadlineRush: NarrativeDepartment[];
  /** The quarter's red cards and overdue notices; null when the figures carry none. */
  supervision: {
    redCards: number;
    overdueNotices: number;
    /** Most red cards first (at most 5). */
    departments: NarrativeSupervised[];
  } | null;
  /** Departments asked to report their rectification: the bottom two of each group and 临期突击. */
  mustRectify: NarrativeDepartment[];
  office: string;
}

const named = (d: BulletinDepartment): NarrativeDepartment => ({
  departmentId: d.departmentId,
  name: d.departmentName ?? d.departmentId,
});
const scored = (d: BulletinDepartment): NarrativeScored => ({ ...named(d), score: d.score });

/** How many departments to name at each end of a group: 3, fewer in a small group. */
function endSize(n: number): number {
  return n >= 6 ? 3 : Math.floor(n / 2);
}

export function bulletinNarrative(b: Bulletin): BulletinNarrative {
  const r = b.ranking;
  const groups = bulletinGroups(r);
  const nameOf = new Map(r.departments.map((d) => [d.departmentId, named(d).name]));

  const narrativeGroups = groups
    .filter((g) => g.ranked.length > 0)
    .map((g): NarrativeGroup => {
      const k = endSize(g.ranked.length);
      return {
        group: g.group,
        ranked: g.ranked.length,
        top: k === 0 ? [] : g.ranked.slice(0, k).map(scored),
        bottom: k === 0 ? [] : g.ranked.slice(g.ranked.length - k).map(scored),
        all: k === 0 ? g.ranked.map(scored) : [],
        insufficient: g.insufficient.map(named),
      };
    });

  const moved = r.departments.filter((d) => d.groupRankChange !== null && d.groupRankChange !== 0);
  const move = (d: BulletinDepartment): NarrativeMove => ({
    ...named(d),
    group: d.group,
    from: d.previousGroupRank,
    to: d.groupRank,
  });
  const rises = moved
    .filter((d) => (d.groupRankChange ?? 0) > 0)
    .sort((a, b) => (b.groupRankChange ?? 0) - (a.groupRankChange ?? 0))
    .slice(0, 3)
    .map(move);
  const falls = moved
    .filter((d) => (d.groupRankChange ?? 0) < 0)
    .sort((a, b) => (a.groupRankChange ?? 0) - (b.groupRankChange ?? 0))
    .slice(0, 3)
    .map(move);

  const overdue = r.departments
    .filter((d) => d.indicators.overdueRate.numerator > 0)
    .sort((a, b) => b.indicators.overdueRate.numerator - a.indicators.overdueRate.numerator)
    .slice(0, 5)
    .map((d) => ({
      ...named(d),
      overdue: d.indicators.overdueRate.numerator,
      rate: d.indicators.overdueRate.value,
    }));
  const rush = r.departments.filter((d) => d.deadlineRush);

  const bottoms = groups.flatMap((g) => {
    const k = endSize(g.ranked.length);
    return k === 0 ? [] : g.ranked.slice(g.ranked.length - Math.min(k, 2));
  });
  const mustRectify = [
    ...new Map([...bottoms, ...rush].map((d) => [d.departmentId, named(d)])).values(),
  ];

  const s = r.supervision;
  return {
    quarter: r.quarter,
    from: r.from,
    to: r.to,
    previousQuarter: r.previousQuarter,
    departments: r.coverage.departments,
    ranked: r.coverage.ranked,
    minCountedCases: r.minCountedCases,
    counted: r.city.counted,
    cityScore: r.city.score,
    city: r.city.indicators,
    groups: narrativeGroups,
    rises,
    falls,
    overdue,
    deadlineRush: rush.map(named),
    supervision:
      s === null
        ? null
        : {
            redCards: s.redCards,
            overdueNotices: s.overdueNotices,
            departments: s.departments.slice(0, 5).map((d) => ({
              departmentId: d.departmentId,
              name: nameOf.get(d.departmentId) ?? d.departmentId,
              redCards: d.redCards,
              overdueNotices: d.overdueNotices,
            })),
          },
    mustRectify,
    office: b.header.office,
  };
}
