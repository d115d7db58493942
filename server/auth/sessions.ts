/**
 * Sessions kept in the store. The cookie carries 32 random bytes; the table keeps only their
 * SHA-256, so neither a copy of the database nor a log line of it can be replayed. A session ends
 * after `idleMinutes` without use or `absoluteHours` after sign-in, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../store/database';
import type { AccountOptions } from './options';
import { userOf, type StoredUser } from './users';

/** Touching `last_seen_at` on every request would make every read a write; a minute is precise enough. */
const TOUCH_AFTER_MS = 60_000;

const hashId = (id: string): string => createHash('sha256').update(id).digest('hex');

/** Creates a session and returns the id for the cookie (never stored or logged as such). */
export async function createSession(db: Database, userName: string, now: number): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.write(
    'INSERT INTO sessions (id_hash, user_name, created_at, last_seen_at) VALUES ($1, $2, $3, $3)',
    [hashId(id), userName, now],
  );
  return id;
}

export async function endSession(db: Database, id: string): Promise<string | null> {
  const idHash = hashId(id);
  const rows = await db.all('SELECT user_name FROM sessions WHERE id_hash = $1', [idHash]);
  if (rows.length === 0) return null;
  await db.write('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  const name = rows[0]?.['user_name'];
  return typeof name === 'string' ? name : null;
}

/** The signed-in user of a session id, or null (unknown, expired, or the user is disabled). */
export async function sessionUser(
  db: Database,
  id: string,
  options: AccountOptions,
): Promise<StoredUser | null> {
  if (id.length === 0 || id.length > 100) return null;
  const idHash = hashId(id);
  const rows = await db.all(
    `SELECT s.created_at AS s_created, s.last_seen_at AS s_seen, u.*
       FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id_hash = $1`,
    [idHash],
  );
  const row = rows[0];
  if (row === undefined) return null;
  const now = options.now();
  const created = Number(row['s_created']);
  const seen = Number(row['s_seen']);
  const user = userOf(row);
  const expired =
    now - seen > options.idleMinutes * 60_000 ||
    now - created > options.absoluteHours * 3_600_000 ||
    user.disabled;
  if (expired) {
    await db.write('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    return null;
  }
  if (now - seen > TOUCH_AFTER_MS) {
    await db.write('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now]);
  }
  return user;
}

/** Drops expired sessions (called at sign-in, so the table does not grow without bound). */
export async function pruneSessions(db: Database, options: AccountOptions): Promise<void> {
  const now = options.now();
  await db.write('DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2', [
    now - options.idleMinutes * 60_000,
    now - options.absoluteHours * 3_600_000,
  ]);
}
