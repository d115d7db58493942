/**
 * Issue 17: after an incremental sync the card record is brought in line by looking only at the
 * cases the delta evaluation touched. What it writes must be what looking at every case writes:
 * a full `recordCards` over the same data right after appends nothing, and the case whose level
 * moved has the card events a user expects.
 */
import { describe, expect, it } from 'vitest';
import { createFeedServer } from '../../mocks/feed-server';
import type { DemoDataset } from '../../mocks/demo-city/generate';
import { touchCases } from '../../scripts/cli/demo-feed-command';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import { recordCards } from '../../server/duban/cards';
import type { EvaluatedSource } from '../../server/jobs/evaluate';
import { demoCity, syncedCity } from './helpers';

// syncedCity builds the same deterministic city; this copy is what the touches start from.
let city: DemoDataset = demoCity(2000);
const synced = syncedCity(2000);

type Row = Record<string, unknown>;

/** The whole card record, in a stable order. */
async function record(): Promise<{ cards: Row[]; events: Row[] }> {
  const cards = await synced.server.db.all('SELECT * FROM cards ORDER BY id');
  const events = await synced.server.db.all('SELECT * FROM card_events ORDER BY card_id, seq');
  return { cards, events };
}

/** The last evaluation as if nothing had been reused: every case is looked at. */
function asFull(e: EvaluatedSource): EvaluatedSource {
  const { reuse: _reuse, ...model } = e.model;
  return { ...e, model };
}

function evaluated(): EvaluatedSource {
  const e = synced.server.service.evaluated;
  if (e === null) throw new Error('no evaluation yet');
  return e;
}

function levelOf(caseId: string): string | undefined {
  return evaluated().evaluatedModel.rows.find((r) => r.id === caseId)?.level;
}

/** Serves `next` and syncs it incrementally; returns how many cases the sync fetched. */
async function syncTo(next: DemoDataset): Promise<number> {
  city = next;
  synced.feed.setFeed(createFeedServer(city));
  const report = await synced.server.service.syncOnce();
  return report?.fetched.cases ?? 0;
}

describe('the card record after a delta evaluation', () => {
  it('follows the cases whose level moved, as a full record would', async () => {
    const rows = evaluated().evaluatedModel.rows;
    const normal = rows.find((r) => !r.completed && r.level === 'normal');
    // A 预警/黄牌 case: its statutory deadline has not passed, so a later due date clears it.
    const carded = rows.find(
      (r) => !r.completed && (r.level === 'yellow' || r.level === 'early-warning'),
    );
    expect(normal).toBeDefined();
    expect(carded).toBeDefined();
    const toYellow = normal?.id ?? '';
    const toNormal = carded?.id ?? '';
    // On the platform, the first case's committed deadline is moved to an hour after acceptance, the second's far ahead.
    const changedAt = '2026-10-01T09:00:00+08:00';
    const fetched = await syncTo({
      ...city,
      serverTime: '2026-10-01T10:00:00+08:00',
      cases: city.cases.map((c) =>
        c.id === toYellow
          ? {
              ...c,
              dueAt: formatShanghaiIso(Date.parse(c.acceptedAt) + 3_600_000),
              updatedAt: changedAt,
            }
          : c.id === toNormal
            ? { ...c, dueAt: '2027-06-30T17:00:00+08:00', updatedAt: changedAt }
            : c,
      ),
    });
    expect(fetched).toBe(2);
    expect(evaluated().model.reuse?.full).toBe(false);
    expect(levelOf(toYellow)).toBe('yellow');
    expect(levelOf(toNormal)).toBe('normal');

    const after = await record();
    const kinds = (caseId: string): unknown[] => {
      const ids = new Set(after.cards.filter((c) => c['case_id'] === caseId).map((c) => c['id']));
      return after.events.filter((x) => ids.has(x['card_id'])).map((x) => x['kind']);
    };
    expect(kinds(toYellow)).toEqual(['earned']);
    expect(kinds(toNormal)).toEqual(['earned', 'cancelled']);

    // Looking at every case finds nothing left to record.
    const report = await recordCards(synced.server.db, asFull(evaluated()));
    expect(report).toEqual({ earned: 0, changed: 0, cancelled: 0 });
    expect(await record()).toEqual(after);
  });

  it('records nothing when the changed cases keep their levels, as a full record would', async () => {
    const before = await record();
    const fetched = await syncTo(touchCases(city, 50, 1));
    expect(fetched).toBe(50);
    expect(evaluated().model.reuse?.full).toBe(false);
    expect(await record()).toEqual(before);

    const report = await recordCards(synced.server.db, asFull(evaluated()));
    expect(report).toEqual({ earned: 0, changed: 0, cancelled: 0 });
    expect(await record()).toEqual(before);
  });
});
