/** Reading cards and their events back, scoped to the viewer's departments. */
import { isoFromDay } from '../../src/domain/calendar';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import {
  CARD_LEVELS,
  CARD_STATES,
  type CardItem,
  type CardLevel,
  type CardState,
} from '../../src/contract/duban';
import type { z } from 'zod';
import type { cardEvent, cardsQuery } from '../../src/contract/duban';
import type { Viewer } from '../http/viewer';
import type { Row, SqlParam } from '../store/database';
import { CARD_STATE_SQL } from './cards';
import type { Querier } from './notice-store';

function levelOf(v: unknown): CardLevel {
  const l = CARD_LEVELS.find((x) => x === v);
  if (l === undefined) throw new Error(`unknown card level ${String(v)}`);
  return l;
}

function stateOf(v: unknown): CardState {
  const s = CARD_STATES.find((x) => x === v);
  if (s === undefined) throw new Error(`unknown card state ${String(v)}`);
  return s;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function cardItemOf(r: Row): CardItem {
  const notices = r['notice_ids'];
  return {
    id: Number(r['id']),
    caseId: String(r['case_id']),
    departmentId: String(r['department_id']),
    level: levelOf(r['level']),
    earnedLevel: levelOf(r['earned_level']),
    state: stateOf(r['state']),
    earnedOn: isoFromDay(Number(r['earned_on'])),
    rule: String(r['rule']),
    settingsVersion: Number(r['settings_version']),
    noticeIds: Array.isArray(notices) ? notices.map(Number) : [],
    stateReason: str(r['state_reason']),
  };
}

export type CardFilter = z.infer<typeof cardsQuery> & { ids?: readonly number[] };

/** Cards matching the filter within the viewer's departments, newest first. */
export async function findCards(
  q: Querier,
  source: string,
  viewer: Pick<Viewer, 'departments'>,
  f: CardFilter,
): Promise<CardItem[]> {
  const where = ['k.source = $1'];
  const params: SqlParam[] = [source];
  const add = (sql: string, value: SqlParam): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (viewer.departments !== null) {
    if (viewer.departments.size === 0) return [];
    add('list_contains(?, k.department_id)', [...viewer.departments]);
  }
  if (f.caseId !== undefined) add('k.case_id = ?', f.caseId);
  if (f.departmentId !== undefined) add('k.department_id = ?', f.departmentId);
  if (f.state !== undefined) add('k.state = ?', f.state);
  if (f.level !== undefined) add('k.level = ?', f.level);
  if (f.ids !== undefined) add('list_contains(?, k.id::VARCHAR)', f.ids.map(String));
  const rows = await q.all(
    `SELECT k.*, (SELECT list(nc.notice_id ORDER BY nc.notice_id) FROM notice_cards nc
                   WHERE nc.card_id = k.id) AS notice_ids
       FROM (${CARD_STATE_SQL}) k WHERE ${where.join(' AND ')} ORDER BY k.id DESC`,
    params,
  );
  return rows.map(cardItemOf);
}

const EVENT_KINDS = ['earned', 'upgraded', 'downgraded', 'cancelled', 'revoked'] as const;

export async function cardEvents(q: Querier, cardId: number): Promise<z.infer<typeof cardEvent>[]> {
  const rows = await q.all('SELECT * FROM card_events WHERE card_id = $1 ORDER BY seq', [cardId]);
  return rows.map((r) => {
    const kind = EVENT_KINDS.find((k) => k === r['kind']);
    if (kind === undefined) throw new Error(`unknown card event ${String(r['kind'])}`);
    return {
      seq: Number(r['seq']),
      kind,
      level: r['level'] === null ? null : levelOf(r['level']),
      onDay: r['on_day'] === null ? null : isoFromDay(Number(r['on_day'])),
      at: formatShanghaiIso(Number(r['happened_at'])),
      actor: String(r['actor']),
      actorRole: str(r['actor_role']),
      actorDepartment: str(r['actor_department']),
      noticeId: r['notice_id'] === null ? null : Number(r['notice_id']),
      reason: str(r['reason']),
    };
  });
}
