/**
 * Issue 15 item 3: a 督办单 not answered by its deadline (逾期未反馈) is a slow-action flag of its
 * department — listed on the 慢作为 page with its evidence (notice, deadline, working days past
 * it, cases), counted in the overview's and the department page's flag counts, gone again after a
 * revocation. The ranking's 慢作为率 already counts it (duban-notices.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CardItem,
  cardsResponse,
  noticeItem,
  type NoticeItem,
} from '../../src/contract/duban';
import { departmentViewResponse } from '../../src/contract/department';
import { overviewResponse } from '../../src/contract/service';
import { slowActionResponse, type SlowActionResponse } from '../../src/contract/slow-action';
import type { FeedHttpServer } from '../../mocks/feed-http';
import type { RunningServer } from '../../server/main';
import { call, liaisonOf, SUPERVISOR, testAuth, type Answer } from './duban-helpers';
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

function notice(r: Answer, status = 200): NoticeItem {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return noticeItem.parse(r.body);
}

type FlagRow = SlowActionResponse['items'][number];

async function slowAction(viewer = SUPERVISOR): Promise<FlagRow[]> {
  const r = await get('/api/v1/slow-action?period=2026Q4', viewer);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return slowActionResponse.parse(r.body).items;
}

async function overviewFlags(dept: string): Promise<number> {
  const r = await get('/api/v1/overview?period=2026Q4');
  expect(r.status).toBe(200);
  const line = overviewResponse.parse(r.body).departments.find((d) => d.departmentId === dept);
  return line?.flags ?? 0;
}

async function departmentFlags(dept: string): Promise<FlagRow[]> {
  const r = await get(`/api/v1/department?id=${encodeURIComponent(dept)}&period=2026Q4`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return departmentViewResponse.parse(r.body).flags;
}

/** Two free active cards of different departments (one notice each). */
async function twoFreeCards(): Promise<[CardItem, CardItem]> {
  const r = await get('/api/v1/cards?state=active');
  const free = cardsResponse.parse(r.body).items.filter((c) => c.noticeIds.length === 0);
  const first = free[0];
  const second = free.find((c) => c.departmentId !== first?.departmentId);
  if (!first || !second) throw new Error('the demo city has no two free cards');
  return [first, second];
}

const noticeRows = (rows: FlagRow[]): FlagRow[] => rows.filter((r) => r.code === 'notice-overdue');

describe('逾期未反馈 on the slow-action page', () => {
  it('lists an overdue notice as a department flag with evidence, counts it, and drops it when revoked', async () => {
    const [a, b] = await twoFreeCards();
    const na = notice(
      await post('/api/v1/notices', SUPERVISOR, { cardIds: [a.id], instructions: '限期整改' }),
      201,
    );
    const nb = notice(
      await post('/api/v1/notices', SUPERVISOR, { cardIds: [b.id], instructions: '限期整改' }),
      201,
    );
    expect(noticeRows(await slowAction())).toEqual([]);
    // The same store a month later: both notices are past their deadline.
    const file = tmp.db;
    await server.close();
    server = await startService(file, null, { auth: testAuth, asOfMs: AS_OF_MS + 30 * 86_400_000 });
    const overdueA = notice(await get(`/api/v1/notices/${na.id}`));
    expect(overdueA.state).toBe('overdue');

    const rows = noticeRows(await slowAction());
    const rowA = rows.find((r) => r.evidence['noticeId'] === na.id);
    expect(rowA).toMatchObject({
      code: 'notice-overdue',
      rule: '逾期未反馈',
      caseId: null,
      caseState: null,
      departmentId: a.departmentId,
      since: overdueA.overdueSince,
    });
    expect(rowA?.evidence).toMatchObject({
      noticeId: na.id,
      notice: na.number,
      dueOn: na.dueOn,
      cases: a.caseId,
    });
    // Due 2026-10-10 (3 working days after 2026-09-30: the National Day holidays are skipped and
    // Saturday 10-10 is worked); the as-of is 2026-10-30, 15 working days past it.
    expect(rowA?.evidence['daysPast']).toBe(15);
    expect(rowA?.explanation).toContain(na.number);
    expect(rows.some((r) => r.evidence['noticeId'] === nb.id)).toBe(true);

    // The overview's department line and the department page count it like any flag.
    const pageRows = (await slowAction()).filter(
      (r) => r.departmentId === a.departmentId && r.code !== 'deadline-rush',
    );
    expect(await overviewFlags(a.departmentId)).toBe(pageRows.length);
    expect(
      noticeRows(await departmentFlags(a.departmentId)).map((r) => r.evidence['noticeId']),
    ).toEqual([na.id]);
    // Scoped: the liaison of A's department sees A's notice flag, not B's.
    expect(
      noticeRows(await slowAction(liaisonOf(a.departmentId))).map((r) => r.evidence['noticeId']),
    ).toEqual([na.id]);

    // An appeal (late) and a revocation: the office accepted it, the flag leaves every count.
    const appealed = notice(
      await post(`/api/v1/notices/${na.id}/appeal`, liaisonOf(a.departmentId), {
        reason: 'platform-error',
        explanation: '平台故障',
        version: 1,
      }),
    );
    const flagsBefore = await overviewFlags(a.departmentId);
    notice(
      await post(`/api/v1/notices/${na.id}/decision`, SUPERVISOR, {
        decision: 'revoke',
        reason: '经核实为平台故障',
        version: appealed.version,
      }),
    );
    expect(noticeRows(await slowAction()).some((r) => r.evidence['noticeId'] === na.id)).toBe(
      false,
    );
    // The revoked card's case flags leave too; the notice's flag is one of the flags that left.
    const after = (await slowAction()).filter(
      (r) => r.departmentId === a.departmentId && r.code !== 'deadline-rush',
    );
    expect(await overviewFlags(a.departmentId)).toBe(after.length);
    expect(after.length).toBeLessThan(flagsBefore);
    // B's notice, still unanswered, still counts.
    expect(noticeRows(await slowAction()).some((r) => r.evidence['noticeId'] === nb.id)).toBe(true);
  });
});
