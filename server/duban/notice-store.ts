/**
 * Reading notices back: the immutable facts, their cards, and their events folded into the current
 * state by the state machine's `foldNotice`. Works on the reader (`Database`) and inside a
 * transaction (`Tx`), so a mutation folds exactly what it will append to.
 */
import { shanghaiDayOf, type DayIndex } from '../../src/domain/calendar';
import { SLOW_ACTION_CODES, type SlowActionCode } from '../../src/domain/slow-action';
import type { Row, SqlParam } from '../store/database';
import {
  foldNotice,
  type NoticeEventFacts,
  type NoticeEventKind,
  type NoticeSnapshot,
} from './notice-machine';

export interface Querier {
  all(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface StoredNoticeEvent extends NoticeEventFacts {
  at: number;
  actor: string;
  actorRole: string;
  actorDepartment: string | null;
  body: Record<string, unknown>;
}

/** A slow-action flag a notice covers, as it stood when the notice was issued. */
export interface NoticeFlagRecord {
  caseId: string;
  code: SlowActionCode;
  /** The rule's Chinese name (滞留, …). */
  ruleName: string;
  sinceDay: DayIndex;
  explanation: string;
  evidence: Record<string, string | number | null>;
}

export interface NoticeRecord {
  id: number;
  number: string;
  departmentId: string;
  instructions: string;
  deadlineDays: number;
  issuedAt: number;
  issuedBy: string;
  cardIds: number[];
  /** The cases of its cards. */
  caseIds: string[];
  /** The slow-action flags it covers. */
  flags: NoticeFlagRecord[];
  events: StoredNoticeEvent[];
  snapshot: NoticeSnapshot;
}

const KINDS: readonly NoticeEventKind[] = [
  'issued',
  'responded',
  'appealed',
  'revoked',
  'upheld',
  'returned',
  'closed',
];

function kindOf(v: unknown): NoticeEventKind {
  const k = KINDS.find((x) => x === v);
  if (k === undefined) throw new Error(`unknown notice event kind ${String(v)}`);
  return k;
}

function bodyOf(v: unknown): Record<string, unknown> {
  const parsed: unknown = JSON.parse(String(v));
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? Object.fromEntries(Object.entries(parsed))
    : {};
}

function codeOf(v: unknown): SlowActionCode {
  const c = SLOW_ACTION_CODES.find((x) => x === v);
  if (c === undefined) throw new Error(`unknown slow-action rule ${String(v)}`);
  return c;
}

/** Stored evidence back as the flag's shape: only strings, numbers and nulls survive. */
function evidenceOf(v: unknown): NoticeFlagRecord['evidence'] {
  const out: NoticeFlagRecord['evidence'] = {};
  for (const [k, x] of Object.entries(bodyOf(v)))
    if (typeof x === 'string' || typeof x === 'number' || x === null) out[k] = x;
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Notices (optionally one id), oldest first, each with its cards, events and folded state. */
export async function loadNotices(
  q: Querier,
  source: string,
  id?: number,
): Promise<NoticeRecord[]> {
  const where = id === undefined ? 'n.source = $1' : 'n.source = $1 AND n.id = $2';
  const params: SqlParam[] = id === undefined ? [source] : [source, id];
  const notices = await q.all(
    `SELECT n.id, n.number, n.department_id, n.instructions, n.deadline_days, n.issued_at, n.issued_by
       FROM notices n WHERE ${where} ORDER BY n.id`,
    params,
  );
  if (notices.length === 0) return [];
  const cards = await q.all(
    `SELECT nc.notice_id, nc.card_id, c.case_id FROM notice_cards nc
       JOIN cards c ON c.id = nc.card_id JOIN notices n ON n.id = nc.notice_id
      WHERE ${where} ORDER BY nc.notice_id, nc.card_id`,
    params,
  );
  const flagRows = await q.all(
    `SELECT f.* FROM notice_flags f JOIN notices n ON n.id = f.notice_id
      WHERE ${where} ORDER BY f.notice_id, f.case_id, f.rule`,
    params,
  );
  const flagsBy = new Map<number, NoticeFlagRecord[]>();
  for (const r of flagRows) {
    const nid = Number(r['notice_id']);
    const list = flagsBy.get(nid) ?? [];
    list.push({
      caseId: String(r['case_id']),
      code: codeOf(r['rule']),
      ruleName: String(r['rule_name']),
      sinceDay: Number(r['since_day']),
      explanation: String(r['explanation']),
      evidence: evidenceOf(r['evidence']),
    });
    flagsBy.set(nid, list);
  }
  const events = await q.all(
    `SELECT e.* FROM notice_events e JOIN notices n ON n.id = e.notice_id
      WHERE ${where} ORDER BY e.notice_id, e.version`,
    params,
  );
  const cardsBy = new Map<number, { cardIds: number[]; caseIds: string[] }>();
  for (const r of cards) {
    const nid = Number(r['notice_id']);
    const entry = cardsBy.get(nid) ?? { cardIds: [], caseIds: [] };
    entry.cardIds.push(Number(r['card_id']));
    entry.caseIds.push(String(r['case_id']));
    cardsBy.set(nid, entry);
  }
  const eventsBy = new Map<number, StoredNoticeEvent[]>();
  for (const r of events) {
    const nid = Number(r['notice_id']);
    const list = eventsBy.get(nid) ?? [];
    const at = Number(r['happened_at']);
    list.push({
      version: Number(r['version']),
      kind: kindOf(r['kind']),
      day: shanghaiDayOf(at),
      dueDay: r['due_day'] === null ? null : Number(r['due_day']),
      at,
      actor: String(r['actor']),
      actorRole: String(r['actor_role']),
      actorDepartment: str(r['actor_department']),
      body: bodyOf(r['body']),
    });
    eventsBy.set(nid, list);
  }
  return notices.map((n) => {
    const nid = Number(n['id']);
    const departmentId = String(n['department_id']);
    const evs = eventsBy.get(nid) ?? [];
    const linked = cardsBy.get(nid) ?? { cardIds: [], caseIds: [] };
    return {
      id: nid,
      number: String(n['number']),
      departmentId,
      instructions: String(n['instructions']),
      deadlineDays: Number(n['deadline_days']),
      issuedAt: Number(n['issued_at']),
      issuedBy: String(n['issued_by']),
      cardIds: linked.cardIds,
      caseIds: linked.caseIds,
      flags: flagsBy.get(nid) ?? [],
      events: evs,
      snapshot: foldNotice(departmentId, evs),
    };
  });
}
