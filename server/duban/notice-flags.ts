/**
 * The slow-action flags a 督办 notice is issued for: each asked flag (case + rule) must be raised
 * in the current evaluation, in the caller's scope, and not already in an open notice. The
 * evaluation the routes serve already leaves out revoked flags, so a revoked flag cannot be
 * issued again either.
 */
import {
  caseFlagKey,
  type SlowActionCode,
  type SlowActionFlag,
} from '../../src/domain/slow-action';
import type { DashboardModel } from '../../src/engine/dashboard';
import { ApiFailure, notFound } from '../http/route';
import { sees, type Viewer } from '../http/viewer';
import type { Tx } from '../store/database';
import { loadNotices, type NoticeRecord } from './notice-store';

export interface FlagRef {
  caseId: string;
  rule: SlowActionCode;
}

const conflict = (message: string): ApiFailure => new ApiFailure(409, 'conflict', message);

/** The asked flags as raised now: 404 for a case the viewer cannot see, 409 for a flag not raised. */
export function raisedFlags(
  model: DashboardModel,
  viewer: Viewer,
  refs: readonly FlagRef[],
): SlowActionFlag[] {
  const out: SlowActionFlag[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const key = caseFlagKey(ref.caseId, ref.rule);
    if (seen.has(key)) continue;
    seen.add(key);
    const row = model.rows.find((r) => r.id === ref.caseId);
    if (row === undefined || !sees(viewer, row.departmentId)) throw notFound(`办件 ${ref.caseId}`);
    const flag = model.flags.find((f) => f.caseId === ref.caseId && f.code === ref.rule);
    if (flag === undefined)
      throw conflict(
        `办件 ${ref.caseId} 当前没有「${ref.rule}」慢作为标记（可能已消除或已撤销），不能督办 (flag not raised)`,
      );
    out.push(flag);
  }
  return out;
}

/** The open notice that already covers one of `flags`, if any. */
export async function openNoticeOfFlags(
  tx: Tx,
  source: string,
  flags: readonly SlowActionFlag[],
): Promise<NoticeRecord | null> {
  if (flags.length === 0) return null;
  const covering = await tx.all(
    `SELECT notice_id, case_id, rule FROM notice_flags WHERE list_contains($1, case_id)`,
    [flags.map((f) => f.caseId ?? '')],
  );
  const rows = covering.filter((r) =>
    flags.some((f) => f.caseId === r['case_id'] && f.code === r['rule']),
  );
  for (const r of rows) {
    const [n] = await loadNotices(tx, source, Number(r['notice_id']));
    if (n && n.snapshot.state !== 'closed' && n.snapshot.state !== 'revoked') return n;
  }
  return null;
}

/** Records the flags as they stand now beside the notice (append-only). */
export async function insertNoticeFlags(
  tx: Tx,
  noticeId: number,
  flags: readonly SlowActionFlag[],
): Promise<void> {
  for (const f of flags)
    await tx.run('INSERT INTO notice_flags VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      noticeId,
      f.caseId ?? '',
      f.code,
      f.departmentId,
      f.sinceDay,
      f.rule,
      f.explanation,
      JSON.stringify(f.evidence),
    ]);
}
