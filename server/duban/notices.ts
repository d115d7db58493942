/**
 * Issuing a 督办单 and acting on it. Every mutation runs in one write transaction (the store
 * serialises them): fold the notice's events, check the caller's version, ask the state machine,
 * append the event — so of two people acting on the same version, exactly one wins and the other
 * gets 409. A revocation appends the `revoked` event to each of the notice's live cards in the
 * same transaction; its flags follow the notice's state (server/duban/figures.ts).
 */
import { civilFromDay, shanghaiDayOf, type WorkingCalendar } from '../../src/domain/calendar';
import { ApiFailure, badRequest, notFound } from '../http/route';
import { sees, type Viewer } from '../http/viewer';
import type { DashboardModel } from '../../src/engine/dashboard';
import type { Database, Tx } from '../store/database';
import { findCards } from './card-queries';
import { CARD_STATE_SQL } from './cards';
import { insertNoticeFlags, openNoticeOfFlags, raisedFlags, type FlagRef } from './notice-flags';
import { transition, type NoticeAction } from './notice-machine';
import { loadNotices, type NoticeRecord } from './notice-store';

export interface NoticeContext {
  db: Database;
  source: string;
  /** The figures' model: the slow-action flags raised now (revoked ones left out). */
  model: DashboardModel;
  /** The service's clock: the wall clock, or the fixed as-of of a demo or a test. */
  nowMs: number;
  cal: WorkingCalendar;
}

const conflict = (message: string): ApiFailure => new ApiFailure(409, 'conflict', message);

export interface IssueRequest {
  cardIds: readonly number[];
  /** Case-level slow-action flags, by case and rule. */
  flags: readonly FlagRef[];
  instructions: string;
  deadlineDays: number;
}

/** `督〔2026〕第0012号` — sequential per civil year. */
export function noticeNumber(year: number, serial: number): string {
  return `督〔${year}〕第${String(serial).padStart(4, '0')}号`;
}

async function openNoticeOfCards(
  tx: Tx,
  source: string,
  cardIds: readonly number[],
): Promise<NoticeRecord | null> {
  if (cardIds.length === 0) return null;
  const rows = await tx.all(
    `SELECT DISTINCT notice_id FROM notice_cards WHERE list_contains($1, card_id::VARCHAR)`,
    [cardIds.map(String)],
  );
  for (const r of rows) {
    const [n] = await loadNotices(tx, source, Number(r['notice_id']));
    if (n && n.snapshot.state !== 'closed' && n.snapshot.state !== 'revoked') return n;
  }
  return null;
}

export async function issueNotice(
  ctx: NoticeContext,
  viewer: Viewer,
  req: IssueRequest,
): Promise<NoticeRecord> {
  if (viewer.role !== 'supervisor')
    throw new ApiFailure(
      403,
      'forbidden',
      '只有督查员可以签发督办单 (only a supervisor may issue a notice)',
    );
  const ids = [...new Set(req.cardIds)];
  if (ids.length === 0 && req.flags.length === 0)
    throw badRequest('请至少选择一张卡片或一个慢作为标记 (cardIds or flags required)');
  const flags = raisedFlags(ctx.model, viewer, req.flags);
  const today = shanghaiDayOf(ctx.nowMs);
  const dueDay = ctx.cal.addWorkingDays(today, req.deadlineDays);
  const id = await ctx.db.transaction(async (tx) => {
    const cards = ids.length === 0 ? [] : await findCards(tx, ctx.source, viewer, { ids });
    if (cards.length !== ids.length) {
      const found = new Set(cards.map((c) => c.id));
      throw notFound(`卡片 ${ids.filter((i) => !found.has(i)).join(', ')}`);
    }
    const departments = new Set([
      ...cards.map((c) => c.departmentId),
      ...flags.map((f) => f.departmentId),
    ]);
    if (departments.size !== 1)
      throw badRequest(
        '一份督办单只针对一个部门 (all cards and flags of a notice must belong to one department)',
      );
    const dead = cards.find((c) => c.state !== 'active');
    if (dead !== undefined)
      throw conflict(
        `卡片 ${dead.id} 已${dead.state === 'revoked' ? '撤销' : '取消'}，不能督办 (card is ${dead.state})`,
      );
    const open = await openNoticeOfCards(tx, ctx.source, ids);
    if (open !== null)
      throw conflict(`卡片已在督办单 ${open.number} 中办理 (a card is already in an open notice)`);
    const openOfFlags = await openNoticeOfFlags(tx, ctx.source, flags);
    if (openOfFlags !== null)
      throw conflict(
        `慢作为标记已在督办单 ${openOfFlags.number} 中办理 (a flag is already in an open notice)`,
      );
    const year = civilFromDay(today).year;
    const serialRows = await tx.all(
      "SELECT coalesce(max(serial), 0)::INTEGER + 1 AS s, nextval('notice_ids')::INTEGER AS id FROM notices WHERE year = $1",
      [year],
    );
    const serial = Number(serialRows[0]?.['s']);
    const noticeId = Number(serialRows[0]?.['id']);
    const departmentId = [...departments][0] ?? '';
    await tx.run('INSERT INTO notices VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
      noticeId,
      ctx.source,
      noticeNumber(year, serial),
      year,
      serial,
      departmentId,
      req.instructions,
      req.deadlineDays,
      ctx.nowMs,
      viewer.name,
    ]);
    for (const c of ids) await tx.run('INSERT INTO notice_cards VALUES ($1, $2)', [noticeId, c]);
    await insertNoticeFlags(tx, noticeId, flags);
    await tx.run('INSERT INTO notice_events VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8)', [
      noticeId,
      'issued',
      dueDay,
      ctx.nowMs,
      viewer.name,
      viewer.role,
      viewer.departmentId,
      JSON.stringify({ instructions: req.instructions, deadlineDays: req.deadlineDays }),
    ]);
    return noticeId;
  });
  const [n] = await loadNotices(ctx.db, ctx.source, id);
  if (n === undefined) throw new Error('issued notice not found');
  return n;
}

/** What an action records beside its kind: what was said. */
function bodyOf(action: NoticeAction, late: boolean): Record<string, unknown> {
  const { type: _type, ...said } = action;
  return late ? { ...said, late: true } : said;
}

/**
 * One action on a notice at `version`. 404 when the notice is not in the viewer's departments,
 * 409 for a stale version or an illegal transition, 403 when the state machine refuses the actor.
 */
export async function actOnNotice(
  ctx: NoticeContext,
  viewer: Viewer,
  noticeId: number,
  version: number,
  action: NoticeAction,
): Promise<NoticeRecord> {
  const today = shanghaiDayOf(ctx.nowMs);
  await ctx.db.transaction(async (tx) => {
    const [n] = await loadNotices(tx, ctx.source, noticeId);
    if (n === undefined || !sees(viewer, n.departmentId)) throw notFound('该督办单');
    if (version !== n.snapshot.version)
      throw conflict(
        `督办单已被他人更新（当前版本 ${n.snapshot.version}），请刷新后重试 (stale version ${version})`,
      );
    const newDueDay = ctx.cal.addWorkingDays(today, n.deadlineDays);
    const r = transition(n.snapshot, action, viewer, { today, newDueDay });
    if (!r.ok)
      throw new ApiFailure(r.status, r.status === 403 ? 'forbidden' : 'conflict', r.reason);
    await tx.run('INSERT INTO notice_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      noticeId,
      r.next.version,
      r.kind,
      r.kind === 'upheld' || r.kind === 'returned' ? r.next.dueDay : null,
      ctx.nowMs,
      viewer.name,
      viewer.role,
      viewer.departmentId,
      JSON.stringify(bodyOf(action, r.late)),
    ]);
    if (r.kind === 'revoked' && action.type === 'decide') {
      await tx.run(
        `INSERT INTO card_events
         SELECT k.id, k.last_seq + 1, 'revoked', NULL, NULL, $1, $2, $3, $4, $5, $6, NULL
           FROM (${CARD_STATE_SQL}) k
          WHERE k.state = 'active' AND k.id IN (SELECT card_id FROM notice_cards WHERE notice_id = $5)`,
        [ctx.nowMs, viewer.name, viewer.role, viewer.departmentId, noticeId, action.reason],
      );
    }
  });
  const [n] = await loadNotices(ctx.db, ctx.source, noticeId);
  if (n === undefined) throw new Error('notice vanished');
  return n;
}
