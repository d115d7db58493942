/**
 * Cards as records. After every evaluation the derived `case_eval` table holds each case's level;
 * the card record is brought in line with it in one transaction of set-based SQL (no query per
 * case: a 1M-case city has ~30k cards):
 *  - a case at 预警/黄牌/红牌 without a live card gets a card and its `earned` event;
 *  - a live card whose case is now at another level gets an `upgraded` / `downgraded` event
 *    (downgrades only happen when a recompute corrects the basis: settings, calendar, late data);
 *  - a live card whose case no longer earns any level becomes 已取消（系统） with the reason.
 * A revoked card is a decision, not a computation: a recompute never touches it, and its case gets
 * no new card.
 */
import { evaluateCase } from '../../src/domain/time-limit';
import { calendarFor } from '../../src/engine/settings';
import { evaluationDelta, type EvaluatedSource } from '../jobs/evaluate';
import type { Database, SqlParam } from '../store/database';

/**
 * The fold of each card's events: current level, state and the reason of a terminal state. With
 * `caseIdsParam` (a `VARCHAR[]` parameter such as `$5`), only the cards of those cases are folded.
 */
function cardStateSql(caseIdsParam: string | null = null): string {
  const ofCases =
    caseIdsParam === null ? '' : `c.case_id IN (SELECT unnest(${caseIdsParam}::VARCHAR[]))`;
  return `
  SELECT c.id, c.source, c.case_id, c.department_id, c.level AS earned_level, c.earned_on,
         c.rule, c.settings_version, s.level, s.state, s.state_reason, s.last_seq
    FROM cards c JOIN (
      SELECT card_id,
             arg_max(level, seq) FILTER (WHERE level IS NOT NULL) AS level,
             CASE arg_max(kind, seq) WHEN 'cancelled' THEN 'cancelled' WHEN 'revoked' THEN 'revoked'
                  ELSE 'active' END AS state,
             arg_max(reason, seq) FILTER (WHERE kind IN ('cancelled', 'revoked')) AS state_reason,
             max(seq)::INTEGER AS last_seq
        FROM card_events
        ${ofCases === '' ? '' : `WHERE card_id IN (SELECT c.id FROM cards c WHERE ${ofCases})`}
       GROUP BY card_id) s ON s.card_id = c.id
   ${ofCases === '' ? '' : `WHERE ${ofCases}`}`;
}

export const CARD_STATE_SQL = cardStateSql();

const LEVEL_RANK = `CASE %s WHEN 'early-warning' THEN 1 WHEN 'yellow' THEN 2 WHEN 'red' THEN 3 ELSE 0 END`;
const rankOf = (col: string): string => LEVEL_RANK.replace('%s', col);
const LEVEL_NAME = (col: string): string =>
  `CASE ${col} WHEN 'early-warning' THEN '预警' WHEN 'yellow' THEN '黄牌' ELSE '红牌' END`;

export interface CardRecordReport {
  earned: number;
  changed: number;
  cancelled: number;
}

/**
 * A 预警 is a warning on an open case: when such a case is then completed in time its level is
 * 正常 again, yet the warning was real. Its card keeps its basis when the case, evaluated just
 * before it was completed (under the current settings), was at a warning level.
 */
async function earlyWarningsStillEarned(
  db: Database,
  e: EvaluatedSource,
  scope: readonly string[] | null,
): Promise<string[]> {
  const rows = await db.all(
    `SELECT k.case_id FROM (${cardStateSql(scope === null ? null : '$2')}) k
       JOIN case_eval v ON v.source = k.source AND v.case_id = k.case_id
      WHERE k.source = $1 AND k.state = 'active' AND k.level = 'early-warning'
        AND v.level = 'normal' AND v.completed`,
    scope === null ? [e.source] : [e.source, scope],
  );
  if (rows.length === 0) return [];
  const wanted = new Set(rows.map((r) => String(r['case_id'])));
  const cal = calendarFor(e.settings.settings);
  const kept: string[] = [];
  for (const c of e.dataset.cases) {
    if (!wanted.has(c.id) || c.completedAt === null) continue;
    const before = evaluateCase(c, c.completedAt - 1, cal, e.settings.settings.warning);
    if (before.level !== 'normal') kept.push(c.id);
  }
  return kept;
}

/**
 * The cases whose card can change with this evaluation: after a delta evaluation only the cases
 * evaluated again or gone (every other case's `case_eval` row is the one the last record was
 * brought in line with), otherwise all (null). Empty: nothing to do.
 */
function casesToCheck(e: EvaluatedSource): string[] | null {
  const delta = evaluationDelta(e.model);
  return delta === null ? null : [...delta.recomputedIds, ...delta.removedIds];
}

/**
 * Brings the card record in line with the evaluation just written to `case_eval`. After a delta
 * evaluation (an incremental sync, the daily re-evaluation) only the cases it touched are looked
 * at — the record of every other case is already in line — so the cost follows the change, not
 * the city (issue 17). The caller must have brought the record in line with the model the delta
 * was taken against (server/service.ts forgets that model when this fails).
 */
export async function recordCards(db: Database, e: EvaluatedSource): Promise<CardRecordReport> {
  const scope = casesToCheck(e);
  if (scope !== null && scope.length === 0) return { earned: 0, changed: 0, cancelled: 0 };
  const kept = await earlyWarningsStillEarned(db, e, scope);
  const now = e.asOfMs;
  const version = e.settings.version;
  const ew = e.settings.settings.warning.earlyWarningDays;
  // DuckDB cannot type an empty list parameter; a case id is never empty, so '' matches nothing.
  const keep = kept.length === 0 ? [''] : kept;
  // The scope is the last parameter of each statement; `$n` names it, nothing when all cases.
  const scoped = (n: number): string | null => (scope === null ? null : `$${n}`);
  const withScope = (params: SqlParam[]): SqlParam[] =>
    scope === null ? params : [...params, scope];
  const inScope = (col: string, n: number): string =>
    scope === null ? '' : `AND ${col} IN (SELECT unnest($${n}::VARCHAR[]))`;
  return db.transaction(async (tx) => {
    const cancelled = await tx.all(
      `INSERT INTO card_events
       SELECT k.id, k.last_seq + 1, 'cancelled', NULL, NULL, $2, 'system', NULL, NULL, NULL,
              CASE WHEN v.case_id IS NULL THEN '办件已不在数据中 (the case is no longer in the data)'
                   ELSE '重新计算（设置版本 ' || $3 || '）后该办件不再构成' || ${LEVEL_NAME('k.level')}
                        || ' (a recompute removed the basis)' END,
              $3
         FROM (${cardStateSql(scoped(5))}) k
         LEFT JOIN case_eval v ON v.source = k.source AND v.case_id = k.case_id
        WHERE k.source = $1 AND k.state = 'active'
          AND (v.case_id IS NULL OR (v.level = 'normal' AND NOT list_contains($4, k.case_id)))
       RETURNING card_id`,
      withScope([e.source, now, version, keep]),
    );
    const changed = await tx.all(
      `INSERT INTO card_events
       SELECT k.id, k.last_seq + 1,
              CASE WHEN ${rankOf('v.level')} > ${rankOf('k.level')} THEN 'upgraded' ELSE 'downgraded' END,
              v.level, v.level_since, $2, 'system', NULL, NULL, NULL,
              CASE WHEN ${rankOf('v.level')} > ${rankOf('k.level')} THEN NULL
                   ELSE '重新计算（设置版本 ' || $3 || '）后等级降为' || ${LEVEL_NAME('v.level')} END,
              $3
         FROM (${cardStateSql(scoped(4))}) k
         JOIN case_eval v ON v.source = k.source AND v.case_id = k.case_id
        WHERE k.source = $1 AND k.state = 'active' AND v.level <> 'normal' AND v.level <> k.level
       RETURNING card_id`,
      withScope([e.source, now, version]),
    );
    // The day first earned: a case seen for the first time at 红牌 may have been 黄牌 earlier.
    const earned = await tx.all(
      `INSERT INTO cards
       SELECT nextval('card_ids'), v.source, v.case_id, v.department_id, v.level,
              CASE WHEN v.level = 'early-warning' THEN v.level_since
                   ELSE coalesce(least(v.yellow_since, v.red_since), v.level_since) END,
              CASE v.level
                WHEN 'early-warning' THEN '预警：未办结，距承诺期限不超过 ' || $4 || ' 个工作日'
                WHEN 'yellow' THEN '黄牌：超过承诺期限，未超过法定期限'
                ELSE '红牌：超过法定期限' END,
              $3, $2
         FROM case_eval v
        WHERE v.source = $1 AND v.level <> 'normal' AND v.level_since IS NOT NULL ${inScope('v.case_id', 5)}
          AND NOT EXISTS (SELECT 1 FROM (${cardStateSql(scoped(5))}) k
                           WHERE k.source = v.source AND k.case_id = v.case_id
                             AND k.state IN ('active', 'revoked'))
       RETURNING id`,
      withScope([e.source, now, version, ew]),
    );
    await tx.run(
      `INSERT INTO card_events
       SELECT c.id, 1, 'earned', v.level, v.level_since, $2, 'system', NULL, NULL, NULL, NULL, $3
         FROM cards c JOIN case_eval v ON v.source = c.source AND v.case_id = c.case_id
        WHERE c.source = $1 ${inScope('c.case_id', 4)}
          AND NOT EXISTS (SELECT 1 FROM card_events x WHERE x.card_id = c.id)`,
      withScope([e.source, now, version]),
    );
    return { earned: earned.length, changed: changed.length, cancelled: cancelled.length };
  });
}

/**
 * Case ids with a revoked card: they leave the figures (docs/duban.md). Read after every
 * evaluation, so no fold of every card's events: a card is revoked exactly when it has a
 * `revoked` event — revoking needs an active card (server/duban/notices.ts) and nothing is
 * appended after it (the record above only touches active cards).
 */
export async function revokedCaseIds(db: Database, source: string): Promise<Set<string>> {
  const rows = await db.all(
    `SELECT DISTINCT c.case_id FROM cards c
      WHERE c.source = $1
        AND c.id IN (SELECT card_id FROM card_events WHERE kind = 'revoked')`,
    [source],
  );
  return new Set(rows.map((r) => String(r['case_id'])));
}
