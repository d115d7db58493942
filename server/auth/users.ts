/**
 * The users table: who may sign in, with which role and (for a liaison) which department.
 * Rows are read back through `userOf`, which checks every column instead of casting.
 */
import type { Database, Row, Tx } from '../store/database';
import { ROLES, type Role } from '../http/viewer';
import { hashPassword } from './password';

export interface User {
  name: string;
  role: Role;
  departmentId: string | null;
  disabled: boolean;
  failedAttempts: number;
  /** Epoch ms until which sign-in is refused, or null. */
  lockedUntil: number | null;
  createdAt: number;
  createdBy: string;
}

export interface StoredUser extends User {
  passwordHash: string;
}

const isRole = (v: unknown): v is Role => typeof v === 'string' && ROLES.some((r) => r === v);

export function userOf(row: Row): StoredUser {
  const { name, role, department_id, password_hash, disabled } = row;
  if (typeof name !== 'string' || !isRole(role) || typeof password_hash !== 'string') {
    throw new Error(`users 表中有无效的行 (invalid user row)`);
  }
  return {
    name,
    role,
    departmentId: typeof department_id === 'string' ? department_id : null,
    passwordHash: password_hash,
    disabled: disabled === true,
    failedAttempts: Number(row['failed_attempts'] ?? 0),
    lockedUntil: typeof row['locked_until'] === 'number' ? row['locked_until'] : null,
    createdAt: Number(row['created_at'] ?? 0),
    createdBy: String(row['created_by'] ?? ''),
  };
}

/** The public face of a user: never the hash. */
export function publicUser(u: StoredUser): User {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}

export async function findUser(db: Database | Tx, name: string): Promise<StoredUser | null> {
  const rows = await db.all('SELECT * FROM users WHERE name = $1', [name]);
  const row = rows[0];
  return row === undefined ? null : userOf(row);
}

export async function listUsers(db: Database): Promise<User[]> {
  const rows = await db.all('SELECT * FROM users ORDER BY name');
  return rows.map((r) => publicUser(userOf(r)));
}

export interface NewUser {
  name: string;
  role: Role;
  departmentId: string | null;
  password: string;
}

/** Why a new user cannot be created as asked (role/department consistency), or null. */
export function newUserProblem(u: Omit<NewUser, 'password'>): string | null {
  if (u.role === 'liaison' && u.departmentId === null)
    return '部门联络员必须指定部门 (a liaison needs --department)';
  if (u.role !== 'liaison' && u.departmentId !== null)
    return '只有部门联络员属于某个部门 (only a liaison has a department)';
  return null;
}

/** Inserts a user; false when the name is taken. */
export async function addUser(
  db: Database,
  u: NewUser,
  createdBy: string,
  now: number,
): Promise<boolean> {
  const hash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    if ((await findUser(tx, u.name)) !== null) return false;
    await tx.run(
      `INSERT INTO users (name, role, department_id, password_hash, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [u.name, u.role, u.departmentId, hash, now, createdBy],
    );
    return true;
  });
}

/** Disables a user and ends their sessions; false when there is no such user. */
export async function disableUser(db: Database, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await findUser(tx, name)) === null) return false;
    await tx.run('UPDATE users SET disabled = true WHERE name = $1', [name]);
    await tx.run('DELETE FROM sessions WHERE user_name = $1', [name]);
    return true;
  });
}

/** Counts a failed sign-in; locks the account (and starts counting afresh) at `maxFailures`. */
export async function recordFailure(
  db: Database,
  name: string,
  maxFailures: number,
  lockUntil: number,
): Promise<{ locked: boolean }> {
  return db.transaction(async (tx) => {
    const u = await findUser(tx, name);
    if (u === null) return { locked: false };
    const failures = u.failedAttempts + 1;
    const locked = failures >= maxFailures;
    await tx.run('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE name = $1', [
      name,
      locked ? 0 : failures,
      locked ? lockUntil : u.lockedUntil,
    ]);
    return { locked };
  });
}

export async function recordSuccess(db: Database, name: string): Promise<void> {
  await db.write('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE name = $1', [
    name,
  ]);
}
