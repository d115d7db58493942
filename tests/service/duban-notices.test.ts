/**
 * Issue 15 over HTTP on the demo city: issue → appeal → revoke as supervisor and liaison; the
 * 2026Q3 ranking, the alert counts and the overview change exactly as docs/duban.md says, and the
 * alert list still equals its export; illegal transitions and a stale version are 409; two
 * decisions at once → one wins; a notice past its deadline is 逾期未反馈 and one slow-action flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsResponse } from '../../src/contract/alerts';
import {
  cardsResponse,
  inboxResponse,
  noticeEventsResponse,
  noticeItem,
  type CardItem,
  type NoticeItem,
} from '../../src/contract/duban';
import { dayFromIso, shanghaiDayOf } from '../../src/domain/calendar';
import { periodRange } from '../../src/domain/period/period';
import { DEFAULT_ENGINE_SETTINGS, calendarFor } from '../../src/engine/settings';
import type { FeedHttpServer } from '../../mocks/feed-http';
import type { RunningServer } from '../../server/main';
import {
  call,
  LEADER,
  liaisonOf,
  SUPERVISOR,
  SUPERVISOR_B,
  testAuth,
  type Answer,
} from './duban-helpers';
import { AS_OF_MS, demoCity, startFeed, startService, tempDir, type TempDir } from './helpers';

let tmp: TempDir;
let feed: FeedHttpServer;
let server: RunningServer;

beforeAll(async () => {
  feed = await startFeed(demoCity(3000));
  tmp = tempDir();
  server = await startService(tmp.db, feed.url, { auth: testAuth });
  await server.service.syncOnce();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await feed?.close();
  tmp?.remove();
});

const get = (path: string, viewer = SUPERVISOR): Promise<Answer> =>
  call(server.url, 'GET', path, viewer);
const post = (path: string, viewer: typeof SUPERVISOR, body: unknown): Promise<Answer> =>
  call(server.url, 'POST', path, viewer, body);

async function cardsOf(query: string): Promise<CardItem[]> {
  const r = await get(`/api/v1/cards?${query}`);
  expect(r.status).toBe(200);
  return cardsResponse.parse(r.body).items;
}

function notice(r: Answer, status = 200): NoticeItem {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return noticeItem.parse(r.body);
}

interface DeptFigures {
  counted: number;
  score: number | null;
  counts: Record<string, number>;
  indicators: Record<string, { value: number | null; numerator: number; denominator: number }>;
  duban?: { revokedCases: number; overdueNotices: number };
}

async function rankingRow(quarter: string, dept: string): Promise<DeptFigures> {
  const r = await get(`/api/v1/rankings?quarter=${quarter}`);
  expect(r.status).toBe(200);
  const rows = (r.body as { departments: (DeptFigures & { departmentId: string })[] }).departments;
  const row = rows.find((d) => d.departmentId === dept);
  if (!row) throw new Error(`no ranking row for ${dept}`);
  return row;
}

async function alertCounts(dept: string): Promise<Record<string, number>> {
  const r = await get(`/api/v1/alerts?dept=${encodeURIComponent(dept)}&pageSize=1`);
  return alertsResponse.parse(r.body).counts;
}

/**
 * The department with the most live red cards on open cases (so the alert and overview counts
 * move too), and all its live red cards.
 */
async function reddest(exclude: string[] = []): Promise<{ dept: string; cards: CardItem[] }> {
  const reds = await cardsOf('state=active&level=red');
  const open = new Set(
    (server.service.evaluated?.evaluatedModel.rows ?? [])
      .filter((r) => !r.completed)
      .map((r) => r.id),
  );
  const by = new Map<string, CardItem[]>();
  for (const c of reds)
    if (!exclude.includes(c.departmentId))
      by.set(c.departmentId, [...(by.get(c.departmentId) ?? []), c]);
  const openReds = (cards: CardItem[]): number => cards.filter((c) => open.has(c.caseId)).length;
  const [dept, cards] = [...by.entries()].sort(
    (a, b) => openReds(b[1]) - openReds(a[1]) || b[1].length - a[1].length,
  )[0] ?? ['', []];
  return { dept, cards };
}

describe('a notice round trip: issue → appeal → revoke, and the figures follow', () => {
  it('changes the ranking, alerts and overview exactly as documented', async () => {
    const { dept, cards } = await reddest();
    expect(cards.length).toBeGreaterThan(1);
    expect(
      cards.filter((c) =>
        server.service.evaluated?.model.rows.some((r) => r.id === c.caseId && !r.completed),
      ).length,
    ).toBeGreaterThan(0);
    const liaison = liaisonOf(dept);
    const rankBefore = await rankingRow('2026Q3', dept);
    const alertsBefore = await alertCounts(dept);
    const overviewBefore = (await get('/api/v1/overview?period=2026Q3')).body as {
      open: { open: number; levels: Record<string, number> };
    };

    // 签发 (issue): one notice for every red card of the department.
    const issued = notice(
      await post('/api/v1/notices', SUPERVISOR, {
        cardIds: cards.map((c) => c.id),
        instructions: '请于期限内说明超期原因并整改',
      }),
      201,
    );
    const due = calendarFor(DEFAULT_ENGINE_SETTINGS).addWorkingDays(shanghaiDayOf(AS_OF_MS), 3);
    expect(issued).toMatchObject({ number: '督〔2026〕第0001号', state: 'awaiting', version: 1 });
    expect(issued.dueOn).toBe(new Date(Date.UTC(1970, 0, 1 + due)).toISOString().slice(0, 10));
    expect(dayFromIso(issued.dueOn)).toBeGreaterThan(dayFromIso('2026-10-08')); // 国庆 is not counted

    // Scope and role: another department's liaison does not see it; a leader cannot act.
    const stranger = liaisonOf('no-such-department');
    expect((await get(`/api/v1/notices/${issued.id}`, stranger)).status).toBe(404);
    expect(
      (
        await post(`/api/v1/notices/${issued.id}/appeal`, stranger, {
          reason: 'other',
          explanation: 'x',
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await post(`/api/v1/notices/${issued.id}/close`, LEADER, { version: 1 })).status).toBe(
      403,
    );
    const inbox = inboxResponse.parse((await get('/api/v1/inbox', liaison)).body);
    expect(inbox.counts.answer).toBe(1);
    expect(inbox.items[0]?.notice.id).toBe(issued.id);

    // Illegal transitions and a stale version are refused with 409 and a reason.
    const closeEarly = await post(`/api/v1/notices/${issued.id}/close`, SUPERVISOR, { version: 1 });
    expect(closeEarly.status).toBe(409);
    expect(JSON.stringify(closeEarly.body)).toMatch(/待反馈/);
    expect(
      (
        await post(`/api/v1/notices/${issued.id}/decision`, SUPERVISOR, {
          decision: 'revoke',
          reason: 'x',
          version: 1,
        })
      ).status,
    ).toBe(409);
    const stale = await post(`/api/v1/notices/${issued.id}/appeal`, liaison, {
      reason: 'applicant-delay',
      explanation: '申请人补正迟延',
      version: 7,
    });
    expect(stale.status).toBe(409);

    // 申诉 (appeal) by the department's liaison.
    const appealed = notice(
      await post(`/api/v1/notices/${issued.id}/appeal`, liaison, {
        reason: 'platform-error',
        explanation: '平台故障，办结时间未能及时回传',
        version: 1,
      }),
    );
    expect(appealed).toMatchObject({ state: 'appealed', version: 2, appealUsed: true });
    expect(
      (
        await post(`/api/v1/notices/${issued.id}/response`, liaison, {
          cause: 'a',
          measures: 'b',
          expectedBy: '2026-10-20',
          version: 2,
        })
      ).status,
    ).toBe(409);
    expect(inboxResponse.parse((await get('/api/v1/inbox')).body).counts.decide).toBe(1);

    // 撤销 (revoke) by a supervisor: the notice ends, its cards are revoked.
    const revoked = notice(
      await post(`/api/v1/notices/${issued.id}/decision`, SUPERVISOR, {
        decision: 'revoke',
        reason: '经核实为平台数据回传故障',
        version: 2,
      }),
    );
    expect(revoked).toMatchObject({ state: 'revoked', version: 3 });
    const after = await cardsOf(`departmentId=${encodeURIComponent(dept)}&state=revoked`);
    expect(after.map((c) => c.id).sort()).toEqual(cards.map((c) => c.id).sort());
    expect(after[0]?.stateReason).toBe('经核实为平台数据回传故障');
    const events = noticeEventsResponse.parse(
      (await get(`/api/v1/notices/${issued.id}/events`)).body,
    );
    expect(events.items.map((e) => [e.kind, e.actor, e.actorRole])).toEqual([
      ['issued', SUPERVISOR.name, 'supervisor'],
      ['appealed', liaison.name, 'liaison'],
      ['revoked', SUPERVISOR.name, 'supervisor'],
    ]);
    expect(events.items[1]?.actorDepartment).toBe(dept);

    // The figures: the revoked cases leave the department's 2026Q3 case scan.
    const e = server.service.evaluated;
    const ids = new Set(cards.map((c) => c.caseId));
    const rows = (e?.evaluatedModel.rows ?? []).filter((r) => ids.has(r.id));
    const q3 = periodRange({ kind: 'quarter', year: 2026, quarter: 3 });
    const counted = rows.filter((r) =>
      r.completed
        ? shanghaiDayOf(r.completedAt ?? 0) >= q3.from && shanghaiDayOf(r.completedAt ?? 0) <= q3.to
        : r.overdue,
    );
    const completedLate = counted.filter((r) => r.completed && r.late === true).length;
    const openOverdue = counted.filter((r) => !r.completed).length;
    const flags = counted.reduce((n, r) => n + r.flagCodes.length, 0);
    const rankAfter = await rankingRow('2026Q3', dept);
    const c0 = rankBefore.counts;
    const c1 = rankAfter.counts;
    expect(c1['counted']).toBe((c0['counted'] ?? 0) - counted.length);
    expect(c1['completed']).toBe((c0['completed'] ?? 0) - completedLate);
    expect(c1['late']).toBe((c0['late'] ?? 0) - completedLate);
    expect(c1['onTime']).toBe(c0['onTime']);
    expect(c1['openOverdue']).toBe((c0['openOverdue'] ?? 0) - openOverdue);
    expect(c1['slowActionFlags']).toBe((c0['slowActionFlags'] ?? 0) - flags);
    expect(c1['evaluations']).toBe(c0['evaluations']); // 好评率 and 差评整改率 are not time-limit figures
    expect(rankAfter.duban).toEqual({ revokedCases: counted.length, overdueNotices: 0 });
    expect(rankAfter.indicators['overdueRate']).toMatchObject({
      numerator: (c1['late'] ?? 0) + (c1['openOverdue'] ?? 0),
      denominator: c1['counted'],
    });
    expect(rankBefore.duban).toBeUndefined();

    // Alerts and overview: open revoked cases leave the counts; the list still equals its export.
    const openRevoked = rows.filter((r) => !r.completed).length;
    const alertsAfter = await alertCounts(dept);
    expect(alertsAfter['red']).toBe((alertsBefore['red'] ?? 0) - openRevoked);
    expect(alertsAfter['yellow']).toBe(alertsBefore['yellow']);
    const overviewAfter = (await get('/api/v1/overview?period=2026Q3'))
      .body as typeof overviewBefore;
    expect(overviewAfter.open.levels['red']).toBe(
      (overviewBefore.open.levels['red'] ?? 0) - openRevoked,
    );
    const list = alertsResponse.parse(
      (await get(`/api/v1/alerts?dept=${encodeURIComponent(dept)}&pageSize=500`)).body,
    );
    expect(list.items.some((a) => ids.has(a.caseId))).toBe(false);
    const csv = await (
      await fetch(`${server.url}/api/v1/alerts/export.csv?dept=${encodeURIComponent(dept)}`)
    ).text();
    const exported = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(exported).toEqual(list.items.map((a) => a.caseId));
    // 已撤销 on request: the open revoked cases, tagged, in the list and in its export.
    const only = alertsResponse.parse(
      (await get(`/api/v1/alerts?dept=${encodeURIComponent(dept)}&revoked=only&pageSize=500`)).body,
    );
    expect(only.items.map((a) => a.caseId).sort()).toEqual(
      rows
        .filter((r) => !r.completed)
        .map((r) => r.id)
        .sort(),
    );
    expect(only.items.every((a) => a.revoked === true)).toBe(true);
    const onlyCsv = await (
      await fetch(
        `${server.url}/api/v1/alerts/export.csv?dept=${encodeURIComponent(dept)}&revoked=only`,
      )
    ).text();
    expect(onlyCsv).toContain('红牌（已撤销）');
    // The record is not the figures: the case page still shows a revoked case.
    expect((await get(`/api/v1/cases/${encodeURIComponent(rows[0]?.id ?? '')}`)).status).toBe(200);

    // The worked example in docs/duban.md (demo city, seed 1): the documented figures, pinned.
    expect({ dept, cards: cards.length, counted: counted.length }).toEqual({
      dept: 'D10',
      cards: 5,
      counted: 3,
    });
    const pick = (c: Record<string, number>, r: DeptFigures) => ({
      counted: c['counted'],
      completed: c['completed'],
      onTime: c['onTime'],
      late: c['late'],
      openOverdue: c['openOverdue'],
      slowActionFlags: c['slowActionFlags'],
      score: r.score,
    });
    expect(pick(c0, rankBefore)).toEqual({
      counted: 34,
      completed: 29,
      onTime: 25,
      late: 4,
      openOverdue: 5,
      slowActionFlags: 8,
      score: 74.97,
    });
    expect(pick(c1, rankAfter)).toEqual({
      counted: 31,
      completed: 27,
      onTime: 25,
      late: 2,
      openOverdue: 4,
      slowActionFlags: 6,
      score: 79.29,
    });
    expect([alertsBefore['red'], alertsAfter['red']]).toEqual([1, 0]);
  });

  it('refuses a batch across departments, a revoked card, and a card already in an open notice', async () => {
    const reds = await cardsOf('state=active&level=red');
    const a = reds[0];
    const b = reds.find((c) => c.departmentId !== a?.departmentId);
    expect(
      (await post('/api/v1/notices', SUPERVISOR, { cardIds: [a?.id, b?.id], instructions: '督办' }))
        .status,
    ).toBe(400);
    const revoked = (await cardsOf('state=revoked'))[0];
    expect(
      (await post('/api/v1/notices', SUPERVISOR, { cardIds: [revoked?.id], instructions: '督办' }))
        .status,
    ).toBe(409);
    expect(
      (await post('/api/v1/notices', SUPERVISOR, { cardIds: [999_999], instructions: '督办' }))
        .status,
    ).toBe(404);
    const first = notice(
      await post('/api/v1/notices', SUPERVISOR, { cardIds: [a?.id], instructions: '督办' }),
      201,
    );
    expect(first.number).toBe('督〔2026〕第0002号');
    expect(
      (await post('/api/v1/notices', SUPERVISOR, { cardIds: [a?.id], instructions: '再督办' }))
        .status,
    ).toBe(409);
    // A liaison sees only their own department's cards; another department's card is 404.
    const own = liaisonOf(a?.departmentId ?? '');
    const seen = cardsResponse.parse((await get('/api/v1/cards', own)).body).items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c) => c.departmentId === a?.departmentId)).toBe(true);
    expect((await get(`/api/v1/cards/${b?.id}/events`, own)).status).toBe(404);
    expect((await get(`/api/v1/cards/${a?.id}/events`, own)).status).toBe(200);
    expect(
      (
        await post('/api/v1/notices', liaisonOf(a?.departmentId ?? ''), {
          cardIds: [a?.id],
          instructions: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('two decisions on the same version at once: one wins, the other gets 409', async () => {
    const { dept, cards } = await reddest([]);
    const open = new Set(
      (await cardsOf(`departmentId=${encodeURIComponent(dept)}&state=active`))
        .filter((c) => c.noticeIds.length === 0)
        .map((c) => c.id),
    );
    const ids = cards
      .filter((c) => open.has(c.id))
      .map((c) => c.id)
      .slice(0, 2);
    const n = notice(
      await post('/api/v1/notices', SUPERVISOR, {
        cardIds: ids,
        instructions: '督办',
        deadlineDays: 5,
      }),
      201,
    );
    notice(
      await post(`/api/v1/notices/${n.id}/appeal`, liaisonOf(dept), {
        reason: 'force-majeure',
        explanation: '台风',
        version: 1,
      }),
    );
    const answers = await Promise.all([
      post(`/api/v1/notices/${n.id}/decision`, SUPERVISOR, {
        decision: 'uphold',
        reason: '理由不成立',
        version: 2,
      }),
      post(`/api/v1/notices/${n.id}/decision`, SUPERVISOR_B, {
        decision: 'revoke',
        reason: '理由成立',
        version: 2,
      }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = noticeEventsResponse.parse((await get(`/api/v1/notices/${n.id}/events`)).body);
    expect(events.items.map((e) => e.version)).toEqual([1, 2, 3]);
  });
});

describe('退回: a supervisor sends an answer back', () => {
  it('needs a reason, sets a new deadline, waits for the liaison again, and is audited as an event', async () => {
    const free = (await cardsOf('state=active')).find((c) => c.noticeIds.length === 0);
    const dept = free?.departmentId ?? '';
    const liaison = liaisonOf(dept);
    const n = notice(
      await post('/api/v1/notices', SUPERVISOR, {
        cardIds: [free?.id],
        instructions: '督办',
        deadlineDays: 5,
      }),
      201,
    );
    const path = `/api/v1/notices/${n.id}`;
    // Nothing to send back before an answer.
    expect(
      (await post(`${path}/return`, SUPERVISOR, { reason: '不具体', version: 1 })).status,
    ).toBe(409);
    notice(
      await post(`${path}/response`, liaison, {
        cause: '人手不足',
        measures: '已加派人手',
        expectedBy: '2026-10-20',
        version: 1,
      }),
    );
    expect((await post(`${path}/return`, SUPERVISOR, { reason: ' ', version: 2 })).status).toBe(
      400,
    );
    expect((await post(`${path}/return`, liaison, { reason: '自己退回', version: 2 })).status).toBe(
      403,
    );
    const returned = notice(
      await post(`${path}/return`, SUPERVISOR, {
        reason: '整改措施不具体，请补充时间表',
        version: 2,
      }),
    );
    // Decision day 2026-09-30 + 5 working days (National Day holidays skipped).
    const cal = calendarFor(DEFAULT_ENGINE_SETTINGS);
    expect(returned).toMatchObject({ state: 'awaiting', version: 3 });
    expect(dayFromIso(returned.dueOn)).toBe(cal.addWorkingDays(shanghaiDayOf(AS_OF_MS), 5));
    const events = noticeEventsResponse.parse((await get(`${path}/events`)).body).items;
    expect(events.at(-1)).toMatchObject({
      kind: 'returned',
      actor: SUPERVISOR.name,
      actorRole: 'supervisor',
      dueOn: returned.dueOn,
      body: { reason: '整改措施不具体，请补充时间表' },
    });
    const inbox = inboxResponse.parse((await get('/api/v1/inbox', liaison)).body);
    expect(inbox.items).toContainEqual({ kind: 'answer', notice: returned });
    // The liaison answers again; the supervisor can then close it.
    notice(
      await post(`${path}/response`, liaison, {
        cause: '人手不足',
        measures: '10月20日前逐件办结，每周报送进度',
        expectedBy: '2026-10-20',
        version: 3,
      }),
    );
    notice(await post(`${path}/close`, SUPERVISOR, { version: 4 }));
  });
});

describe('a notice past its deadline', () => {
  it('is 逾期未反馈, waits in both inboxes, counts as one slow-action flag, and can still be answered', async () => {
    const free = (await cardsOf('state=active')).find((c) => c.noticeIds.length === 0);
    const dept = free?.departmentId ?? '';
    const n = notice(
      await post('/api/v1/notices', SUPERVISOR, { cardIds: [free?.id], instructions: '督办' }),
      201,
    );
    const q4Before = await rankingRow('2026Q4', dept);
    // The same store served a month later.
    const file = tmp.db;
    await server.close();
    server = await startService(file, null, { auth: testAuth, asOfMs: AS_OF_MS + 30 * 86_400_000 });
    const overdue = notice(await get(`/api/v1/notices/${n.id}`));
    expect(overdue.state).toBe('overdue');
    expect(overdue.overdueSince).not.toBeNull();
    const supervisorInbox = inboxResponse.parse((await get('/api/v1/inbox')).body);
    expect(supervisorInbox.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(supervisorInbox.items).toContainEqual({ kind: 'overdue', notice: overdue });
    expect(
      inboxResponse.parse((await get('/api/v1/inbox', liaisonOf(dept))).body).counts.answer,
    ).toBeGreaterThan(0);
    const q4 = await rankingRow('2026Q4', dept);
    expect(q4.duban?.overdueNotices).toBe(1);
    expect(q4Before.duban?.overdueNotices ?? 0).toBe(0);
    const late = notice(
      await post(`/api/v1/notices/${n.id}/response`, liaisonOf(dept), {
        cause: '人手不足',
        measures: '已办结',
        expectedBy: '2026-11-05',
        version: 1,
      }),
    );
    expect(late).toMatchObject({ state: 'answered', overdueSince: overdue.overdueSince });
    // Answering late does not undo the lateness.
    expect((await rankingRow('2026Q4', dept)).duban?.overdueNotices).toBe(1);
    const events = noticeEventsResponse.parse((await get(`/api/v1/notices/${n.id}/events`)).body);
    expect(events.items[1]?.body).toMatchObject({ late: true, cause: '人手不足' });
    notice(await post(`/api/v1/notices/${n.id}/close`, SUPERVISOR, { version: 2 }));
  });
});
