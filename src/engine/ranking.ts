/**
 * 评比排队: the quarterly department ranking over a whole dataset. `rankQuarter` is the one
 * function the rankings page, its chart, the XLSX/print exports and the `rank` CLI all call, so
 * they show the same numbers; its result is the CLI's JSON as is. The rules are in
 * docs/ranking.md (Chinese first).
 */
import type { QuarterSupervision } from './quarter-supervision';
import { isoFromDay } from '../domain/calendar';
import {
  compareDepartmentScores,
  indicatorValues,
  compositeScore,
  groupCompetitionRanks,
  INDICATOR_KEYS,
  RANKING_GROUPS,
  rankingGroupOf,
  rankChange,
  rankingWindow,
  scoreDepartments,
  sumTallies,
  type IndicatorKey,
  type IndicatorValue,
  type RankingGroup,
  type RankingTally,
} from '../domain/ranking';
import { periodKey, previousQuarter, type Period } from '../domain/period/period';
import type { SlowActionFlag } from '../domain/slow-action';
import { formatShanghaiIso } from '../domain/time-limit';
import type { IndexedDataset } from './dataset';
import {
  resolveRankingOptions,
  scanQuarter,
  type RankingOptions,
  type ResolvedRankingOptions,
} from './ranking-scan';

export type { RankingOptions } from './ranking-scan';

/** A calendar quarter. */
export type Quarter = Period & { kind: 'quarter' };

/** One row of the ranking: a department's figures in the quarter. */
export interface DepartmentRanking {
  departmentId: string;
  /** From the departments feed; `null` when the department is only known from its cases. */
  departmentName: string | null;
  /** 市直部门 / 区县 / 乡镇街道, when known. */
  departmentKind: string | null;
  /** Counted cases: completed in the quarter + open and overdue at its end. */
  counted: number;
  /** Has a rank. False for 样本不足 (see `insufficientSample`) and for departments without data. */
  ranked: boolean;
  /** Fewer counted cases than the minimum volume (样本不足). */
  insufficientSample: boolean;
  /** 1, 2, 2, 4 …; `null` when not ranked. */
  rank: number | null;
  /** Rank in the previous quarter (same settings), `null` when not ranked then. */
  previousRank: number | null;
  /** previousRank − rank: positive = moved up; `null` when either is missing. */
  rankChange: number | null;
  /**
   * 分类排名 group: the department's kind (市直部门 / 区县 / 乡镇街道), or 未分类 when the kind is
   * unknown. A kind is fixed, so a department is in the same group every quarter.
   */
  group: RankingGroup;
  /** Rank within the group (1, 2, 2, 4 …; same rules as `rank`); `null` when not ranked. */
  groupRank: number | null;
  /** Rank within the group in the previous quarter, `null` when not ranked then. */
  previousGroupRank: number | null;
  /** previousGroupRank − groupRank: positive = moved up; `null` when either is missing. */
  groupRankChange: number | null;
  /** Composite 0–100 (2 decimals); `null` without any data. */
  score: number | null;
  /** Σ weights of the indicators with data. */
  weightUsed: number;
  /** Σ weights of the indicators without data (shown as the gap). */
  missingWeight: number;
  missingIndicators: IndicatorKey[];
  indicators: Record<IndicatorKey, IndicatorValue>;
  /** The pooled counts behind the indicators (and slow-action flags by code). */
  counts: RankingTally;
  /**
   * The department-level 临期突击 flag for the quarter, shown beside the rank; counted as one flag
   * in 慢作为率 (`counts.flagsByCode['deadline-rush']`).
   */
  deadlineRush: SlowActionFlag | null;
  /**
   * What the 督办 record changed (present only when something did, so a ranking without it is
   * unchanged): cases left out because their card was revoked, and overdue notices counted as
   * slow-action flags (in `counts.slowActionFlags`, not in `flagsByCode`).
   */
  duban?: { revokedCases: number; overdueNotices: number };
}

/** City-wide pooled totals (volume-weighted: sums of counts, never a mean of rates). */
export interface CityRanking {
  counted: number;
  score: number | null;
  weightUsed: number;
  missingWeight: number;
  missingIndicators: IndicatorKey[];
  indicators: Record<IndicatorKey, IndicatorValue>;
  counts: RankingTally;
}

/** "N of M departments have data", for the captions of charts and tables. */
export interface RankingCoverage {
  /** All departments known (departments feed ∪ departments on cases). */
  departments: number;
  /** Departments with at least one counted case. */
  withData: number;
  /** Departments ranked. */
  ranked: number;
  /** Departments with some counted case but fewer than the minimum (样本不足). */
  insufficientSample: number;
  /** Departments with data for each indicator. */
  byIndicator: Record<IndicatorKey, number>;
}

/** One 分类排名 group: its departments in table order (by group rank, then the unranked). */
export interface RankingGroupSummary {
  group: RankingGroup;
  /** Department ids in the group's table order. */
  departmentIds: string[];
  ranked: number;
  /** With some counted case but fewer than the minimum (样本不足). */
  insufficientSample: number;
}

/** The quarterly ranking: exactly what the page, the chart, the exports and the CLI print. */
export interface QuarterRanking {
  /** `2026Q3`. */
  quarter: string;
  /** The instant everything was judged at (quarter end, or an earlier as-of), ISO 8601 +08:00. */
  asOf: string;
  /** The quarter is still running at `asOf`. */
  partial: boolean;
  /** First and last civil day of the quarter. */
  from: string;
  to: string;
  /** The quarter `previousRank` refers to. */
  previousQuarter: string;
  /** Weights of the settings used. */
  weights: Record<IndicatorKey, number>;
  minCountedCases: number;
  rectificationWindowDays: number;
  /** Ranked by rank (ties by id), then the unranked by score. */
  departments: DepartmentRanking[];
  /** 分类排名: the groups with departments, in {@link RANKING_GROUPS} order. */
  groups: RankingGroupSummary[];
  city: CityRanking;
  coverage: RankingCoverage;
  /** Evaluations given in the quarter whose case is not in the dataset (not counted). */
  unattributedEvaluations: number;
  /**
   * The quarter's red cards and overdue 督办单, added by the service from its 督办 record (the
   * `rank` CLI has no such record and leaves it out); the bulletin's narrative cites it.
   */
  supervision?: QuarterSupervision;
}

interface QuarterCore {
  window: ReturnType<typeof rankingWindow>;
  scan: ReturnType<typeof scanQuarter>;
  scores: ReturnType<typeof scoreDepartments>;
  /** Department id → its 分类排名 group and rank within it. */
  groups: Map<string, { group: RankingGroup; groupRank: number | null }>;
}

function allDepartmentIds(ds: IndexedDataset, scanDepts: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const d of ds.departments) ids.add(d.id);
  for (const id of scanDepts) ids.add(id);
  return [...ids];
}

function computeQuarter(ds: IndexedDataset, q: Quarter, o: ResolvedRankingOptions): QuarterCore {
  const window = rankingWindow(q, o.asOfMs);
  const scan = scanQuarter(ds, window, o);
  const ids = allDepartmentIds(ds, scan.caseDepartments);
  const scores = scoreDepartments(
    ids.map((departmentId) => ({
      departmentId,
      tally: scan.tallies.get(departmentId) ?? emptyCounts(),
    })),
    o.settings,
  );
  const grouped = scores.map((d) => ({
    group: rankingGroupOf(ds.departmentById.get(d.departmentId)?.kind),
    score: d.score,
    eligible: d.ranked,
  }));
  const groupRanks = groupCompetitionRanks(grouped);
  const groups = new Map(
    scores.map((d, i) => [
      d.departmentId,
      { group: (grouped[i] as (typeof grouped)[number]).group, groupRank: groupRanks[i] ?? null },
    ]),
  );
  return { window, scan, scores, groups };
}

function emptyCounts(): RankingTally {
  return sumTallies([]);
}

/**
 * Rank every department for one calendar quarter (Asia/Shanghai).
 *
 * Counted cases: completed in the quarter, plus open and past the committed deadline at its end;
 * everything is judged as of the quarter's last millisecond, or `options.asOfMs` when earlier.
 * Each case is evaluated once for the quarter and once for the previous quarter (rank change).
 *
 * @param ds the indexed dataset (cases, case events, evaluations, departments)
 * @param quarter the quarter to rank
 * @param options as-of, settings, slow-action thresholds, calendar
 */
export function rankQuarter(
  ds: IndexedDataset,
  quarter: Quarter,
  options: RankingOptions = {},
): QuarterRanking {
  const o = resolveRankingOptions(options);
  const cur = computeQuarter(ds, quarter, o);
  const prevQ = previousQuarter(quarter);
  const prev = computeQuarter(ds, prevQ, o);
  const prevRank = new Map(prev.scores.map((d) => [d.departmentId, d.rank]));

  const rushByDept = cur.scan.deadlineRush;

  const sorted = [...cur.scores].sort(compareDepartmentScores);
  const departments: DepartmentRanking[] = sorted.map((d) => {
    const info = ds.departmentById.get(d.departmentId);
    const previousRank = prevRank.get(d.departmentId) ?? null;
    const g = cur.groups.get(d.departmentId) ?? { group: rankingGroupOf(null), groupRank: null };
    const previousGroupRank = prev.groups.get(d.departmentId)?.groupRank ?? null;
    const revokedCases = cur.scan.excludedCounted.get(d.departmentId) ?? 0;
    const overdueNotices = cur.scan.extraFlags.get(d.departmentId) ?? 0;
    const duban =
      revokedCases + overdueNotices > 0 ? { duban: { revokedCases, overdueNotices } } : {};
    return {
      departmentId: d.departmentId,
      departmentName: info?.name ?? null,
      departmentKind: info?.kind ?? null,
      counted: d.counted,
      ranked: d.ranked,
      insufficientSample: d.insufficientSample,
      rank: d.rank,
      previousRank,
      rankChange: rankChange(previousRank, d.rank),
      group: g.group,
      groupRank: g.groupRank,
      previousGroupRank,
      groupRankChange: rankChange(previousGroupRank, g.groupRank),
      score: d.score,
      weightUsed: d.weightUsed,
      missingWeight: d.missingWeight,
      missingIndicators: d.missingIndicators,
      indicators: d.indicators,
      counts: cur.scan.tallies.get(d.departmentId) ?? emptyCounts(),
      deadlineRush: rushByDept.get(d.departmentId) ?? null,
      ...duban,
    };
  });

  const cityCounts = sumTallies(cur.scan.tallies.values());
  const cityIndicators = indicatorValues(cityCounts);
  const cityComposite = compositeScore(cityIndicators, o.settings.weights);
  const byIndicator = Object.fromEntries(
    INDICATOR_KEYS.map((k) => [
      k,
      departments.filter((d) => d.indicators[k].value !== null).length,
    ]),
  ) as Record<IndicatorKey, number>;

  return {
    quarter: periodKey(quarter),
    asOf: formatShanghaiIso(cur.window.asOfMs),
    partial: cur.window.partial,
    from: isoFromDay(cur.window.from),
    to: isoFromDay(cur.window.to),
    previousQuarter: periodKey(prevQ),
    weights: { ...o.settings.weights },
    minCountedCases: o.settings.minCountedCases,
    rectificationWindowDays: o.settings.rectificationWindowDays,
    departments,
    groups: RANKING_GROUPS.map((group) => {
      const members = departments.filter((d) => d.group === group);
      return {
        group,
        departmentIds: members.map((d) => d.departmentId),
        ranked: members.filter((d) => d.ranked).length,
        insufficientSample: members.filter((d) => d.counted > 0 && d.insufficientSample).length,
      };
    }).filter((g) => g.departmentIds.length > 0),
    city: {
      counted: cityCounts.counted,
      score: cityComposite.score,
      weightUsed: cityComposite.weightUsed,
      missingWeight: cityComposite.missingWeight,
      missingIndicators: cityComposite.missing,
      indicators: cityIndicators,
      counts: cityCounts,
    },
    coverage: {
      departments: departments.length,
      withData: departments.filter((d) => d.counted > 0).length,
      ranked: departments.filter((d) => d.ranked).length,
      insufficientSample: departments.filter((d) => d.counted > 0 && d.insufficientSample).length,
      byIndicator,
    },
    unattributedEvaluations: cur.scan.unattributedEvaluations,
  };
}

/** One department's ranks over several quarters (oldest first). */
export interface DepartmentRankHistory {
  departmentId: string;
  departmentName: string | null;
  /** Rank per quarter, `null` when not ranked that quarter. */
  ranks: (number | null)[];
  /** Composite per quarter, `null` without data. */
  scores: (number | null)[];
  /** Counted cases per quarter. */
  counted: number[];
}

/** Ranks across consecutive quarters ("its rank across the last six quarters"). */
export interface RankHistory {
  /** Quarter keys, oldest first, ending with the requested one. */
  quarters: string[];
  /** Departments in the order of the last quarter's ranking table. */
  departments: DepartmentRankHistory[];
}

/**
 * Rank per department for the `n` quarters ending with `lastQuarter`, each computed exactly as
 * {@link rankQuarter} computes it (same scan, same settings; each quarter judged at its own end,
 * or at `options.asOfMs` when earlier).
 */
export function rankHistory(
  ds: IndexedDataset,
  lastQuarter: Quarter,
  n = 6,
  options: RankingOptions = {},
): RankHistory {
  const o = resolveRankingOptions(options);
  const quarters: Quarter[] = [lastQuarter];
  while (quarters.length < n) quarters.unshift(previousQuarter(quarters[0] as Quarter));
  const cores = quarters.map((q) => computeQuarter(ds, q, o));
  const last = cores[cores.length - 1] as QuarterCore;
  const order = [...last.scores].sort(compareDepartmentScores).map((d) => d.departmentId);
  const ids = new Set(order);
  for (const c of cores) for (const d of c.scores) ids.add(d.departmentId);
  const byQuarter = cores.map((c) => new Map(c.scores.map((d) => [d.departmentId, d])));
  const departments = [...ids].map((id) => ({
    departmentId: id,
    departmentName: ds.departmentById.get(id)?.name ?? null,
    ranks: byQuarter.map((m) => m.get(id)?.rank ?? null),
    scores: byQuarter.map((m) => m.get(id)?.score ?? null),
    counted: byQuarter.map((m) => m.get(id)?.counted ?? 0),
  }));
  return { quarters: quarters.map(periodKey), departments };
}
