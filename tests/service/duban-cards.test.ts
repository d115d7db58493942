/**
 * Issue 15, item 1: cards are records. Recorded once per case when first earned, upgraded in place
 * (a later as-of: the same file served again a week later), cancelled by the system when a
 * recompute removes the basis (a settings change), never deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsResponse, type CardItem } from '../../src/contract/duban';
import type { FeedHttpServer } from '../../mocks/feed-http';
import type { RunningServer } from '../../server/main';
import {
  AS_OF_MS,
  demoCity,
  getJson,
  startFeed,
  startService,
  tempDir,
  type TempDir,
} from './helpers';

let tmp: TempDir;
let feed: FeedHttpServer;
let server: RunningServer;

beforeAll(async () => {
  feed = await startFeed(demoCity(3000));
  tmp = tempDir();
  server = await startService(tmp.db, feed.url);
  await server.service.syncOnce();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await feed?.close();
  tmp?.remove();
});

async function cards(query = ''): Promise<CardItem[]> {
  const r = await getJson(`${server.url}/api/v1/cards?${query}`);
  expect(r.status).toBe(200);
  return cardsResponse.parse(r.body).items;
}

async function eventCount(): Promise<number> {
  const rows = await server.db.all('SELECT count(*)::INTEGER AS n FROM card_events');
  return Number(rows[0]?.['n']);
}

async function putSettings(patch: Record<string, unknown>): Promise<void> {
  const current = (await getJson(`${server.url}/api/v1/settings`)).body as {
    settings: Record<string, unknown>;
  };
  const res = await fetch(`${server.url}/api/v1/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ ...current.settings, ...patch }),
  });
  expect(res.status).toBe(200);
}

describe('cards are records', () => {
  it('records one card per case at 预警/黄牌/红牌, completed cases included, with its rule', async () => {
    const e = server.service.evaluated;
    const carded = (e?.evaluatedModel.rows ?? []).filter((r) => r.level !== 'normal');
    const all = await cards();
    expect(all.length).toBe(carded.length);
    expect(new Set(all.map((c) => c.caseId)).size).toBe(all.length);
    const byCase = new Map(all.map((c) => [c.caseId, c]));
    for (const r of carded) {
      const c = byCase.get(r.id);
      expect(c?.level, r.id).toBe(r.level);
      expect(c?.state).toBe('active');
      expect(c?.departmentId).toBe(r.departmentId);
    }
    // A yellow card earned by a late completion is still a card.
    expect(carded.some((r) => r.completed && r.level !== 'early-warning')).toBe(true);
    expect(all.find((c) => c.level === 'red')?.rule).toMatch(/红牌/);
    expect((await cards('state=active&level=red')).every((c) => c.level === 'red')).toBe(true);
  });

  it('records nothing twice: a second recompute appends no event', async () => {
    const before = await eventCount();
    await server.service.recompute();
    expect(await eventCount()).toBe(before);
  });

  it('cancels a card whose basis a settings change removed, and records it again when it returns', async () => {
    const early = await cards('level=early-warning&state=active');
    expect(early.length).toBeGreaterThan(0);
    await putSettings({ warning: { earlyWarningDays: 0 } });
    const after = new Map((await cards()).map((c) => [c.id, c]));
    const cancelled = early.filter((c) => after.get(c.id)?.state === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(after.get(cancelled[0]?.id ?? 0)?.stateReason).toMatch(/不再构成预警/);
    // Never deleted: every card is still there.
    for (const c of early) expect(after.has(c.id)).toBe(true);

    await putSettings({ warning: { earlyWarningDays: 2 } });
    const again = await cards(`caseId=${encodeURIComponent(cancelled[0]?.caseId ?? '')}`);
    expect(again.map((c) => c.state).sort()).toEqual(['active', 'cancelled']);
  });

  it('upgrades a card in place when its case reaches a higher level later', async () => {
    const early = await cards('level=early-warning&state=active');
    const file = tmp.db;
    await server.close();
    // The same store served ten days later: open early warnings have become yellow or red cards.
    server = await startService(file, null, { asOfMs: AS_OF_MS + 10 * 86_400_000 });
    const later = new Map((await cards()).map((c) => [c.id, c]));
    const upgraded = early.filter((c) => later.get(c.id)?.level !== 'early-warning');
    expect(upgraded.length).toBeGreaterThan(0);
    const one = later.get(upgraded[0]?.id ?? 0);
    expect(one?.earnedLevel).toBe('early-warning');
    expect(one?.earnedOn).toBe(upgraded[0]?.earnedOn);
    expect(one?.state).toBe('active');
    const events = await getJson(`${server.url}/api/v1/cards/${one?.id}/events`);
    const kinds = (events.body as { items: { kind: string }[] }).items.map((e) => e.kind);
    expect(kinds[0]).toBe('earned');
    expect(kinds).toContain('upgraded');
    // Still one live card per case.
    const live = [...later.values()].filter((c) => c.state === 'active').map((c) => c.caseId);
    expect(new Set(live).size).toBe(live.length);
  });
});
