/**
 * After an evaluation the service computes, in the background, what users ask for first — the
 * overview of the as-of quarter, the last complete quarter's ranking and the case page's indexes —
 * so the first request after a sync does not pay for it (at 1M cases: 1.2 s, 3 s and 8.5 s,
 * docs/performance.md). Asserted by the caches' computation counters, not by timing.
 */
import { describe, expect, it } from 'vitest';
import { shanghaiDayOf } from '../../src/domain/calendar/day';
import { lastCompleteQuarter, periodKey } from '../../src/domain/period/period';
import { indexBuilds } from '../../src/engine/case-view';
import { figureComputations } from '../../server/views/figure-cache';
import { AS_OF_MS, getJson, syncedCity } from './helpers';

/** What the rankings page opens with: the last complete quarter as of the service's as-of. */
const RANKING_QUARTER = periodKey(lastCompleteQuarter(shanghaiDayOf(AS_OF_MS)));

describe('caches warmed after each evaluation', () => {
  const city = syncedCity(2000);

  async function firstRequestsComputeNothing(): Promise<void> {
    const { server } = city;
    await server.service.warming;
    const before = { ...figureComputations, indexes: indexBuilds.count };
    const overview = await getJson(`${server.url}/api/v1/overview?period=2026Q3`);
    const ranking = await getJson(`${server.url}/api/v1/rankings?quarter=${RANKING_QUARTER}`);
    expect(overview.status).toBe(200);
    expect(ranking.status).toBe(200);
    const caseId = server.service.evaluated?.evaluatedModel.rows[0]?.id ?? '';
    const oneCase = await getJson(`${server.url}/api/v1/case?id=${encodeURIComponent(caseId)}`);
    expect(oneCase.status).toBe(200);
    expect({ ...figureComputations, indexes: indexBuilds.count }).toEqual(before);
    // The counters can move: another quarter is computed on request.
    await getJson(`${server.url}/api/v1/overview?period=2026Q1`);
    expect(figureComputations.overview).toBe(before.overview + 1);
  }

  it('answers the first overview, ranking and case request after the sync landed without computing', async () => {
    await firstRequestsComputeNothing();
  });

  it('warms again for the next evaluation (its caches start empty)', async () => {
    await city.server.service.recompute();
    await firstRequestsComputeNothing();
  });
});
