/**
 * The figures computed once per evaluation and kept with it: the overview per (scoped model,
 * period) and a quarter's ranking per evaluation. A model never changes once evaluated, and the
 * caches are keyed by the model / evaluation object itself, so an answer can never mix figures of
 * two evaluations. `figureComputations` counts the work done (the warm-up test reads it).
 */
import type { z } from 'zod';
import type { quarterParam } from '../../src/contract/api-common';
import { periodKey, periodRange, type Period } from '../../src/domain/period/period';
import { overviewFigures } from '../../src/engine/overview';
import { rankQuarter, type QuarterRanking } from '../../src/engine/ranking';
import { calendarFor } from '../../src/engine/settings';
import { dubanRankingOptions, quarterSupervisionOf } from '../duban/figures';
import type { EvaluatedSource } from '../jobs/evaluate';

/** How often each cache had to compute (not counting hits). */
export const figureComputations = { overview: 0, ranking: 0 };

/**
 * The overview's figures: computing them scans every case (≈ 2.6 s per request at 1M cases with
 * 20 clients queued), so each (scoped) model computes each period once.
 */
const overviewCache = new WeakMap<object, Map<string, ReturnType<typeof overviewFigures>>>();

export function cachedOverview(
  model: Parameters<typeof overviewFigures>[0],
  period: Period,
): ReturnType<typeof overviewFigures> {
  let byPeriod = overviewCache.get(model);
  if (!byPeriod) {
    byPeriod = new Map();
    overviewCache.set(model, byPeriod);
  }
  const key = periodKey(period);
  let hit = byPeriod.get(key);
  if (!hit) {
    figureComputations.overview++;
    hit = overviewFigures(model, periodRange(period));
    byPeriod.set(key, hit);
  }
  return hit;
}

const rankingCache = new WeakMap<EvaluatedSource, Map<string, QuarterRanking>>();

/** One quarter's ranking over the whole city (the same call as the `rank` CLI), cached per evaluation. */
export function quarterRanking(
  e: EvaluatedSource,
  quarter: z.infer<typeof quarterParam>,
): QuarterRanking {
  let byQuarter = rankingCache.get(e);
  if (!byQuarter) {
    byQuarter = new Map();
    rankingCache.set(e, byQuarter);
  }
  const key = periodKey(quarter);
  const hit = byQuarter.get(key);
  if (hit) return hit;
  figureComputations.ranking++;
  const s = e.settings.settings;
  const ranking = rankQuarter(e.dataset, quarter, {
    asOfMs: e.asOfMs,
    settings: s.ranking,
    slowActionThresholds: s.slowAction,
    calendar: calendarFor(s),
    ...dubanRankingOptions(e),
  });
  // The 督办 record of the quarter rides along (a published edition keeps it with the figures).
  ranking.supervision = quarterSupervisionOf(e, quarter);
  byQuarter.set(key, ranking);
  return ranking;
}
