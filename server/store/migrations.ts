/**
 * The store's schema, as versioned migrations applied in order at start (and tested from an empty
 * file and from every earlier version). Never edit a released migration: add the next one.
 *
 * Tables:
 * - raw records as received and validated (one row per record id, upserted idempotently);
 * - rejected records with their reasons; the sync position per resource;
 * - settings versions (who changed what, when);
 * - derived results (rebuildable from raw records + a settings version);
 * - accounts, sessions and the audit log (version 3);
 * - 督办 cards and notices with their events (version 4);
 * - published ranking editions, append-only (version 5);
 * - imported datasets (version 6);
 * - raw records as an append-only log, deduplicated on read and compacted by the sync (version 7);
 * - the slow-action flags a 督办 notice covers (version 8).
 */
import { DUBAN_MIGRATION, NOTICE_FLAGS_MIGRATION } from '../duban/schema';
import { EDITIONS_MIGRATION } from '../rankings/editions';
import type { Database, Tx } from './database';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'raw records, rejected records, sync state, settings, derived results',
    statements: [
      `CREATE TABLE raw_records (
         source VARCHAR NOT NULL, resource VARCHAR NOT NULL, id VARCHAR NOT NULL,
         updated_at DOUBLE NOT NULL, body VARCHAR NOT NULL,
         PRIMARY KEY (source, resource, id))`,
      `CREATE TABLE rejected_records (
         source VARCHAR NOT NULL, resource VARCHAR NOT NULL, record_key VARCHAR NOT NULL,
         record_index BIGINT NOT NULL, record_id VARCHAR, reason VARCHAR NOT NULL,
         raw VARCHAR NOT NULL, seen_at DOUBLE NOT NULL,
         PRIMARY KEY (source, resource, record_key))`,
      `CREATE TABLE sync_state (
         source VARCHAR NOT NULL, resource VARCHAR NOT NULL,
         pass_since VARCHAR, cursor VARCHAR, pass_offset BIGINT NOT NULL DEFAULT 0,
         pass_server_time VARCHAR, completed_since VARCHAR, completed_at DOUBLE,
         PRIMARY KEY (source, resource))`,
      `CREATE TABLE settings_versions (
         version INTEGER PRIMARY KEY, body VARCHAR NOT NULL, changed_by VARCHAR NOT NULL,
         changed_at DOUBLE NOT NULL)`,
      `CREATE TABLE case_eval (
         source VARCHAR NOT NULL, case_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL,
         item_code VARCHAR NOT NULL, status VARCHAR NOT NULL, completed BOOLEAN NOT NULL,
         level VARCHAR NOT NULL, committed_due INTEGER NOT NULL, statutory_due INTEGER NOT NULL,
         elapsed_days INTEGER NOT NULL, remaining_days INTEGER NOT NULL,
         suspended_days INTEGER NOT NULL, overdue_days INTEGER NOT NULL,
         on_time BOOLEAN, early BOOLEAN, late BOOLEAN,
         level_since INTEGER, yellow_since INTEGER, red_since INTEGER, flag_codes VARCHAR NOT NULL,
         PRIMARY KEY (source, case_id))`,
      `CREATE TABLE case_flags (
         source VARCHAR NOT NULL, case_id VARCHAR, department_id VARCHAR NOT NULL,
         code VARCHAR NOT NULL, evidence VARCHAR NOT NULL)`,
      `CREATE TABLE derived_meta (
         source VARCHAR PRIMARY KEY, as_of DOUBLE NOT NULL, settings_version INTEGER NOT NULL,
         computed_at DOUBLE NOT NULL, cases INTEGER NOT NULL, ms INTEGER NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: 'sync runs: when each sync started, ended, and why it failed',
    statements: [
      `CREATE SEQUENCE sync_run_ids START 1`,
      `CREATE TABLE sync_runs (
         id INTEGER PRIMARY KEY DEFAULT nextval('sync_run_ids'), source VARCHAR NOT NULL,
         started_at DOUBLE NOT NULL, finished_at DOUBLE, status VARCHAR NOT NULL,
         error_code VARCHAR, error VARCHAR, fetched VARCHAR)`,
    ],
  },
  {
    version: 3,
    name: 'accounts: users, sessions (ids stored hashed), append-only audit log',
    statements: [
      // department_id only for liaisons; password_hash is `scrypt$N$r$p$salt$hash` (server/auth/password.ts).
      `CREATE TABLE users (
         name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, department_id VARCHAR,
         password_hash VARCHAR NOT NULL, disabled BOOLEAN NOT NULL DEFAULT false,
         failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until DOUBLE,
         created_at DOUBLE NOT NULL, created_by VARCHAR NOT NULL)`,
      // Only the SHA-256 of the cookie's id is stored: a copy of the file cannot replay a session.
      `CREATE TABLE sessions (
         id_hash VARCHAR PRIMARY KEY, user_name VARCHAR NOT NULL,
         created_at DOUBLE NOT NULL, last_seen_at DOUBLE NOT NULL)`,
      `CREATE SEQUENCE audit_ids START 1`,
      // Append-only: the service has INSERT and SELECT statements for it and nothing else.
      `CREATE TABLE audit_log (
         id BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'), at_ms DOUBLE NOT NULL,
         user_name VARCHAR NOT NULL, role VARCHAR, address VARCHAR, action VARCHAR NOT NULL,
         detail VARCHAR NOT NULL)`,
    ],
  },
  // 督办: cards, notices and their append-only events (server/duban/schema.ts).
  { version: 4, ...DUBAN_MIGRATION },
  // Published rankings: immutable editions (server/rankings/editions.ts).
  { version: 5, ...EDITIONS_MIGRATION },
  {
    version: 6,
    name: 'imports: datasets imported from files, kept as sources import:<id>',
    statements: [
      // The records themselves go to raw_records / rejected_records under source `import:<id>`.
      `CREATE TABLE imports (
         id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, kind VARCHAR NOT NULL,
         file_name VARCHAR NOT NULL, format VARCHAR NOT NULL, encoding VARCHAR,
         content_hash VARCHAR NOT NULL, size_bytes DOUBLE NOT NULL, mapping VARCHAR NOT NULL,
         header VARCHAR, position VARCHAR NOT NULL, state VARCHAR NOT NULL,
         rows INTEGER NOT NULL DEFAULT 0, accepted INTEGER NOT NULL DEFAULT 0,
         rejected INTEGER NOT NULL DEFAULT 0, departments INTEGER NOT NULL DEFAULT 0,
         error VARCHAR, replaced VARCHAR NOT NULL DEFAULT '[]', created_by VARCHAR NOT NULL,
         created_at DOUBLE NOT NULL, finished_at DOUBLE)`,
    ],
  },
  {
    version: 7,
    name: 'raw records as an append-only log (no key), raw_records the latest version per id; case_eval without a key',
    statements: [
      // No primary key: a page is a plain append (≈ 3× faster than an upsert into a keyed table,
      // and it does not slow down as the table grows). `seq` orders versions within a resource.
      `CREATE TABLE raw_log (
         source VARCHAR NOT NULL, resource VARCHAR NOT NULL, id VARCHAR NOT NULL,
         seq BIGINT NOT NULL, updated_at DOUBLE NOT NULL, body VARCHAR NOT NULL)`,
      `INSERT INTO raw_log
         SELECT source, resource, id, row_number() OVER (PARTITION BY source, resource ORDER BY id),
           updated_at, body FROM raw_records`,
      `DROP TABLE raw_records`,
      // What the rest of the service reads: one row per (source, resource, id), its latest version.
      `CREATE VIEW raw_records AS
         SELECT source, resource, id, updated_at, body FROM raw_log
         QUALIFY row_number() OVER (PARTITION BY source, resource, id ORDER BY seq DESC) = 1`,
      // case_eval is replaced wholesale after every evaluation (delete + append in one
      // transaction): with its primary key that took ≈ 75 s at 1M cases (the index deletes and
      // re-inserts every key), without it ≈ 1 s plus the append. Nothing looks a row up by key
      // (the API answers from memory; the 督办 queries hash-join).
      `CREATE TABLE case_eval_v6 (
         source VARCHAR NOT NULL, case_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL,
         item_code VARCHAR NOT NULL, status VARCHAR NOT NULL, completed BOOLEAN NOT NULL,
         level VARCHAR NOT NULL, committed_due INTEGER NOT NULL, statutory_due INTEGER NOT NULL,
         elapsed_days INTEGER NOT NULL, remaining_days INTEGER NOT NULL,
         suspended_days INTEGER NOT NULL, overdue_days INTEGER NOT NULL,
         on_time BOOLEAN, early BOOLEAN, late BOOLEAN,
         level_since INTEGER, yellow_since INTEGER, red_since INTEGER, flag_codes VARCHAR NOT NULL)`,
      `INSERT INTO case_eval_v6 SELECT * FROM case_eval`,
      `DROP TABLE case_eval`,
      `ALTER TABLE case_eval_v6 RENAME TO case_eval`,
    ],
  },
  // 督办 notices for slow-action flags (server/duban/schema.ts).
  { version: 8, ...NOTICE_FLAGS_MIGRATION },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

async function currentVersion(tx: Tx): Promise<number> {
  await tx.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at DOUBLE NOT NULL)`,
  );
  const rows = await tx.all(
    'SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_migrations',
  );
  const v = rows[0]?.['v'];
  return typeof v === 'number' ? v : 0;
}

/**
 * Brings the file to `target` (default: the latest), one migration per transaction. A file from a
 * newer version of the service is refused rather than guessed at.
 */
export async function migrate(db: Database, target = SCHEMA_VERSION): Promise<number> {
  let version = await db.transaction(currentVersion);
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `数据库版本 ${version} 高于本程序支持的 ${SCHEMA_VERSION} (the database file is from a newer version)`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= version || m.version > target) continue;
    await db.transaction(async (tx) => {
      for (const sql of m.statements) await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        Date.now(),
      ]);
    });
    version = m.version;
  }
  return version;
}
