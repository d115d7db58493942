/**
 * The audit log: append-only. This module is the only code that touches `audit_log`, and it has
 * an INSERT and SELECTs — no UPDATE, no DELETE — so nothing in the product can rewrite history.
 */
import { AUDIT_ACTION_VALUES } from '../../src/contract/auth';
import type { Database, Row, SqlParam, Tx } from '../store/database';

/** The actions, from the contract (the SPA's filter lists the same ones). */
export const AUDIT_ACTIONS = AUDIT_ACTION_VALUES;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Who: a user name, or the name given at a failed sign-in, or `cli`. */
  userName: string;
  role: string | null;
  /** The client address (request.ip), or `cli`. */
  address: string | null;
  action: AuditAction;
  /** What exactly: a filter, a row count, a reason. Never a password or a session id. */
  detail: Record<string, unknown>;
}

export interface AuditRow extends AuditEntry {
  id: number;
  /** ISO instant. */
  at: string;
}

const INSERT_AUDIT = `INSERT INTO audit_log (at_ms, user_name, role, address, action, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`;

function auditParams(entry: AuditEntry, at: number): SqlParam[] {
  return [
    at,
    entry.userName.slice(0, 200),
    entry.role,
    entry.address,
    entry.action,
    JSON.stringify(entry.detail),
  ];
}

export async function appendAudit(db: Database, entry: AuditEntry, at: number): Promise<void> {
  await db.write(INSERT_AUDIT, auditParams(entry, at));
}

/** The same row, inside the caller's transaction (the action and its audit commit together). */
export async function appendAuditTx(tx: Tx, entry: AuditEntry, at: number): Promise<void> {
  await tx.run(INSERT_AUDIT, auditParams(entry, at));
}

export interface AuditFilter {
  user?: string | undefined;
  action?: AuditAction | undefined;
  /** Epoch ms, inclusive. */
  from?: number | undefined;
  /** Epoch ms, exclusive. */
  to?: number | undefined;
}

function where(f: AuditFilter): { sql: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  const add = (clause: string, value: SqlParam): void => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (f.user !== undefined) add('user_name = ?', f.user);
  if (f.action !== undefined) add('action = ?', f.action);
  if (f.from !== undefined) add('at_ms >= ?', f.from);
  if (f.to !== undefined) add('at_ms < ?', f.to);
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

function auditRow(r: Row): AuditRow {
  let detail: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(String(r['detail']));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      detail = { ...parsed };
  } catch {
    detail = { unreadable: String(r['detail']) };
  }
  const action = String(r['action']);
  return {
    id: Number(r['id']),
    at: new Date(Number(r['at_ms'])).toISOString(),
    userName: String(r['user_name']),
    role: typeof r['role'] === 'string' ? r['role'] : null,
    address: typeof r['address'] === 'string' ? r['address'] : null,
    action: AUDIT_ACTIONS.find((a) => a === action) ?? 'export',
    detail,
  };
}

const COLUMNS = 'id::DOUBLE AS id, at_ms, user_name, role, address, action, detail';

/** One page of the log, newest first. */
export async function auditPage(
  db: Database,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; items: AuditRow[] }> {
  const w = where(filter);
  const total = await db.all(`SELECT count(*)::INTEGER AS n FROM audit_log ${w.sql}`, w.params);
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM audit_log ${w.sql} ORDER BY id DESC
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    w.params,
  );
  return { total: Number(total[0]?.['n'] ?? 0), items: rows.map(auditRow) };
}

/** Every matching row, oldest first, streamed from the store (for the CSV export). */
export async function auditRows(db: Database, filter: AuditFilter): Promise<AuditRow[]> {
  const w = where(filter);
  const out: AuditRow[] = [];
  for await (const chunk of db.stream(
    `SELECT ${COLUMNS} FROM audit_log ${w.sql} ORDER BY id`,
    w.params,
  ))
    for (const r of chunk) out.push(auditRow(r));
  return out;
}
