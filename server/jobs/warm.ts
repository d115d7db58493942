/**
 * After each evaluation, what users ask for first is computed in the background: the overview of
 * the as-of quarter (the overview's default period), the last complete quarter's ranking (the
 * rankings page's default) and the case page's lookups. Otherwise the first request after every
 * sync pays for them (at 1M cases: 1.2 s, 3 s and 8.5 s; docs/performance.md).
 *
 * Each step runs after yielding to the event loop, so requests waiting meanwhile are answered
 * between steps; a step a request already computed is a cache hit. The caches belong to the
 * evaluation object (server/views/figure-cache.ts), so warming never mixes two evaluations, and
 * it stops as soon as a newer evaluation replaced this one.
 */
import { lastCompleteQuarter, quarterOfDay } from '../../src/domain/period/period';
import { caseIndexSteps } from '../views/case-detail';
import { cachedOverview, quarterRanking } from '../views/figure-cache';
import type { EvaluatedSource } from './evaluate';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function warmFirstAnswers(
  e: EvaluatedSource,
  isCurrent: () => boolean,
): Promise<void> {
  const day = e.model.asOfDay;
  const steps = [
    () => cachedOverview(e.model, quarterOfDay(day)),
    () => quarterRanking(e, lastCompleteQuarter(day)),
    ...caseIndexSteps(e),
  ];
  for (const step of steps) {
    await yieldToEventLoop();
    if (!isCurrent()) return;
    step();
  }
}
