/**
 * The 季度通报 as a document: the department-level figures of one ranking (live, a published
 * edition, or the public bulletin, which carries no evidence), plus its letterhead. The printed
 * report and the public page both render a {@link Bulletin}, so they are the same document.
 */
import type { IndicatorKey, IndicatorValue } from '../domain/ranking';
import type { QuarterSupervision } from './quarter-supervision';
import type { RankingGroupSummary, QuarterRanking } from './ranking';
import { splitByGroup } from './ranking-groups-view';
import type { RankingFrame } from './ranking-view';

export interface BulletinDepartment {
  departmentId: string;
  departmentName: string | null;
  group: string;
  rank: number | null;
  rankChange: number | null;
  groupRank: number | null;
  previousGroupRank: number | null;
  groupRankChange: number | null;
  ranked: boolean;
  insufficientSample: boolean;
  counted: number;
  score: number | null;
  missingWeight: number;
  indicators: Record<IndicatorKey, IndicatorValue>;
  /** Flagged 临期突击 this quarter (only whether, never the evidence). */
  deadlineRush: boolean;
}

export interface BulletinRanking extends RankingFrame {
  groups: RankingGroupSummary[];
  departments: BulletinDepartment[];
  city: { counted: number; score: number | null; indicators: Record<IndicatorKey, IndicatorValue> };
  coverage: QuarterRanking['coverage'];
  /** The quarter's red cards and overdue notices; null when the figures carry none (CLI, old edition). */
  supervision: QuarterSupervision | null;
}

/** The letterhead: who issues it, its number and date (null while not published). */
export interface BulletinHeader {
  city: string;
  office: string;
  documentNumber: string | null;
  issuedOn: string | null;
  edition: number | null;
}

export interface Bulletin {
  header: BulletinHeader;
  ranking: BulletinRanking;
}

/** The department-level figures of a full ranking (evidence and counts left out). */
export function bulletinRanking(r: QuarterRanking): BulletinRanking {
  return {
    quarter: r.quarter,
    asOf: r.asOf,
    partial: r.partial,
    from: r.from,
    to: r.to,
    previousQuarter: r.previousQuarter,
    weights: r.weights,
    minCountedCases: r.minCountedCases,
    rectificationWindowDays: r.rectificationWindowDays,
    groups: r.groups,
    coverage: r.coverage,
    supervision: r.supervision ?? null,
    city: { counted: r.city.counted, score: r.city.score, indicators: r.city.indicators },
    departments: r.departments.map((d) => ({
      departmentId: d.departmentId,
      departmentName: d.departmentName,
      group: d.group,
      rank: d.rank,
      rankChange: d.rankChange,
      groupRank: d.groupRank,
      previousGroupRank: d.previousGroupRank,
      groupRankChange: d.groupRankChange,
      ranked: d.ranked,
      insufficientSample: d.insufficientSample,
      counted: d.counted,
      score: d.score,
      missingWeight: d.missingWeight,
      indicators: d.indicators,
      deadlineRush: d.deadlineRush !== null,
    })),
  };
}

export interface BulletinGroup {
  group: string;
  ranked: BulletinDepartment[];
  insufficient: BulletinDepartment[];
}

/** The groups in order, each with its ranked rows (by group rank) and 样本不足 rows. */
export function bulletinGroups(r: BulletinRanking): BulletinGroup[] {
  return splitByGroup(r.groups, r.departments);
}

/** "2026Q3" → "2026年第3季度". */
export function quarterText(key: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(key);
  return m ? `${m[1]}年第${m[2]}季度` : key;
}

/** "2026-10-08" → "2026年10月8日" (the date of a Chinese official document). */
export function issuedDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
