/**
 * View models of the quarterly ranking (评比排队) page, its chart, its exports and the printed
 * 季度通报. Each is a plain projection of one `rankQuarter` result — nothing is recomputed here —
 * so the table, the chart, the XLSX/CSV and the print carry the very numbers that were ranked.
 */
import {
  describeIndicators,
  INDICATOR_KEYS,
  type IndicatorInfo,
  type IndicatorKey,
  type IndicatorValue,
  type RankingSettings,
} from '../domain/ranking';
import type { DepartmentRanking, QuarterRanking, RankHistory } from './ranking';

/**
 * The part of a ranking that describes how it was computed (period, as-of, settings) — all the
 * methodology and the indicator descriptions need; a published bulletin carries it too.
 */
export type RankingFrame = Pick<
  QuarterRanking,
  | 'quarter'
  | 'asOf'
  | 'partial'
  | 'from'
  | 'to'
  | 'previousQuarter'
  | 'weights'
  | 'minCountedCases'
  | 'rectificationWindowDays'
>;

/** The settings a ranking was computed with (they travel inside the result). */
export function settingsOf(r: RankingFrame): RankingSettings {
  return {
    weights: { ...r.weights },
    minCountedCases: r.minCountedCases,
    rectificationWindowDays: r.rectificationWindowDays,
  };
}

/** The indicators as described under the settings the ranking used. */
export function indicatorsOf(r: RankingFrame): IndicatorInfo[] {
  return describeIndicators(settingsOf(r));
}

/** A department's display name: the feed's name, else its id (a department known only from cases). */
export function departmentLabel(d: {
  departmentId: string;
  departmentName: string | null;
}): string {
  return d.departmentName ?? d.departmentId;
}

/** The three groups the ranking page lists, in `rankQuarter`'s order. */
export interface RankingGroups {
  /** Ranked departments, by rank. */
  ranked: DepartmentRanking[];
  /** Some counted cases but fewer than the minimum volume (样本不足): scored, not ranked. */
  insufficient: DepartmentRanking[];
  /** No counted case in the quarter. */
  noData: DepartmentRanking[];
}

/** Splits a ranking into ranked / 样本不足 / no data, keeping `rankQuarter`'s order in each. */
export function rankingGroups(r: QuarterRanking): RankingGroups {
  const groups: RankingGroups = { ranked: [], insufficient: [], noData: [] };
  for (const d of r.departments) {
    if (d.ranked) groups.ranked.push(d);
    else if (d.counted > 0) groups.insufficient.push(d);
    else groups.noData.push(d);
  }
  return groups;
}

/** One bar of the composite chart. */
export interface CompositeBar {
  departmentId: string;
  name: string;
  rank: number;
  score: number;
}

/** The composite chart's data: exactly the ranked rows of the table, in rank order. */
export function compositeBars(rows: readonly DepartmentRanking[]): CompositeBar[] {
  const bars: CompositeBar[] = [];
  for (const d of rows) {
    if (d.rank === null || d.score === null) continue;
    bars.push({
      departmentId: d.departmentId,
      name: departmentLabel(d),
      rank: d.rank,
      score: d.score,
    });
  }
  return bars;
}

/** One indicator of the department-vs-city breakdown. */
export interface BreakdownPoint {
  key: IndicatorKey;
  name: string;
  weight: number;
  department: number | null;
  city: number | null;
}

/** A department's indicator scores beside the city's pooled scores. */
export function indicatorBreakdown(r: QuarterRanking, departmentId: string): BreakdownPoint[] {
  const d = r.departments.find((x) => x.departmentId === departmentId);
  return indicatorsOf(r).map((info) => ({
    key: info.key,
    name: info.name,
    weight: r.weights[info.key],
    department: d?.indicators[info.key].score ?? null,
    city: r.city.indicators[info.key].score,
  }));
}

/** One quarter of a department's rank history. */
export interface RankTrendPoint {
  quarter: string;
  rank: number | null;
  score: number | null;
  counted: number;
}

/** A department's rank and composite per quarter, oldest first (from `rankHistory`). */
export function rankTrend(h: RankHistory, departmentId: string): RankTrendPoint[] {
  const d = h.departments.find((x) => x.departmentId === departmentId);
  return h.quarters.map((quarter, i) => ({
    quarter,
    rank: d?.ranks[i] ?? null,
    score: d?.scores[i] ?? null,
    counted: d?.counted[i] ?? 0,
  }));
}

/** "1 / 26": how many departments were ranked in each quarter of a history. */
export function rankedCounts(h: RankHistory): number[] {
  return h.quarters.map((_, i) => h.departments.filter((d) => d.ranks[i] != null).length);
}

/** Score with two decimals, as ranked ("91.76"); "—" without data. */
export function formatScore(score: number | null, locale = 'zh-CN'): string {
  if (score === null) return '—';
  return score.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * An indicator's value as read: a rate as a percentage with two decimals ("96.55%"), 慢作为率 as
 * flags per 100 cases ("3.33 个/百件"); "—" without data.
 */
export function formatIndicatorValue(
  key: IndicatorKey,
  value: number | null,
  locale = 'zh-CN',
): string {
  if (value === null) return '—';
  if (key === 'slowActionRate') {
    const n = value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return locale.startsWith('zh') ? `${n} 个/百件` : `${n} per 100 cases`;
  }
  return value.toLocaleString(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/**
 * The numerator and denominator behind a value, as a reader can redo the division:
 * "56 / 58"; 时限利用率 sums capped per-case utilisations ("Σ 43.21 / 50").
 */
export function formatFraction(key: IndicatorKey, v: IndicatorValue, locale = 'zh-CN'): string {
  const den = v.denominator.toLocaleString(locale);
  if (key === 'limitUtilisation') {
    const sum = v.numerator.toLocaleString(locale, { maximumFractionDigits: 2 });
    return `Σ ${sum} / ${den}`;
  }
  return `${v.numerator.toLocaleString(locale)} / ${den}`;
}

/** Rank change as shown: ▲ up, ▼ down, = unchanged (ASCII: it reads the same in both languages), or nothing to compare. */
export interface RankChangeView {
  kind: 'up' | 'down' | 'same' | 'none';
  /** "▲3", "▼2", "=", "—". */
  text: string;
}

/** The ▲▼ marker of a row (rankChange = previousRank − rank, positive = moved up). */
export function rankChangeView(d: Pick<DepartmentRanking, 'rankChange'>): RankChangeView {
  const c = d.rankChange;
  if (c === null) return { kind: 'none', text: '—' };
  if (c > 0) return { kind: 'up', text: `▲${c}` };
  if (c < 0) return { kind: 'down', text: `▼${-c}` };
  return { kind: 'same', text: '=' };
}

/** Σ of all weights (the denominator of "缺 5 / 100 权重"). */
export function totalWeight(r: RankingFrame): number {
  return INDICATOR_KEYS.reduce((s, k) => s + r.weights[k], 0);
}

/** Status of a row in the exports and the print. */
export type RankingRowStatus = '排名' | '样本不足' | '无数据' | '全市合计';

/** One flat row of the ranking export (XLSX/CSV) and of the printed table. */
export interface RankingExportRow {
  status: RankingRowStatus;
  departmentId: string;
  departmentName: string;
  /** 分类排名: the group and the rank within it (null for the city row). */
  group: string | null;
  groupRank: number | null;
  groupRankChange: number | null;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  counted: number;
  score: number | null;
  missingWeight: number;
  indicators: Record<IndicatorKey, IndicatorValue>;
}

/** The pseudo department id of the city row in exports. */
export const CITY_ROW_ID = '全市';

/**
 * The rows of the ranking export, in the page's order: ranked, then 样本不足, then without data,
 * then the city's pooled totals.
 */
export function rankingExportRows(r: QuarterRanking): RankingExportRow[] {
  const g = rankingGroups(r);
  const row = (d: DepartmentRanking, status: RankingRowStatus): RankingExportRow => ({
    status,
    departmentId: d.departmentId,
    departmentName: departmentLabel(d),
    group: d.group,
    groupRank: d.groupRank,
    groupRankChange: d.groupRankChange,
    rank: d.rank,
    previousRank: d.previousRank,
    rankChange: d.rankChange,
    counted: d.counted,
    score: d.score,
    missingWeight: d.missingWeight,
    indicators: d.indicators,
  });
  return [
    ...g.ranked.map((d) => row(d, '排名')),
    ...g.insufficient.map((d) => row(d, '样本不足')),
    ...g.noData.map((d) => row(d, '无数据')),
    {
      status: '全市合计',
      departmentId: CITY_ROW_ID,
      departmentName: '全市（合并计数）',
      group: null,
      groupRank: null,
      groupRankChange: null,
      rank: null,
      previousRank: null,
      rankChange: null,
      counted: r.city.counted,
      score: r.city.score,
      missingWeight: r.city.missingWeight,
      indicators: r.city.indicators,
    },
  ];
}
