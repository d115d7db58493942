/**
 * The 督办 record's tables (one migration, appended to server/store/migrations.ts). Everything here
 * is append-only: a card or a notice is a row of immutable facts plus a stream of events, and its
 * current state is the fold of those events — so the history (who, role, department, when, why)
 * is the record itself, and nothing is ever updated or deleted.
 */
export const DUBAN_MIGRATION = {
  name: '督办: cards and their events, notices, their cards and events',
  statements: [
    `CREATE SEQUENCE card_ids START 1`,
    // One row per card: the facts at the moment it was first earned.
    `CREATE TABLE cards (
       id INTEGER PRIMARY KEY, source VARCHAR NOT NULL, case_id VARCHAR NOT NULL,
       department_id VARCHAR NOT NULL, level VARCHAR NOT NULL, earned_on INTEGER NOT NULL,
       rule VARCHAR NOT NULL, settings_version INTEGER NOT NULL, recorded_at DOUBLE NOT NULL)`,
    // kind: earned | upgraded | downgraded | cancelled | revoked; level/on_day for level changes.
    `CREATE TABLE card_events (
       card_id INTEGER NOT NULL, seq INTEGER NOT NULL, kind VARCHAR NOT NULL, level VARCHAR,
       on_day INTEGER, happened_at DOUBLE NOT NULL, actor VARCHAR NOT NULL, actor_role VARCHAR,
       actor_department VARCHAR, notice_id INTEGER, reason VARCHAR, settings_version INTEGER,
       PRIMARY KEY (card_id, seq))`,
    `CREATE SEQUENCE notice_ids START 1`,
    `CREATE TABLE notices (
       id INTEGER PRIMARY KEY, source VARCHAR NOT NULL, number VARCHAR NOT NULL UNIQUE,
       year INTEGER NOT NULL, serial INTEGER NOT NULL, department_id VARCHAR NOT NULL,
       instructions VARCHAR NOT NULL, deadline_days INTEGER NOT NULL, issued_at DOUBLE NOT NULL,
       issued_by VARCHAR NOT NULL, UNIQUE (year, serial))`,
    `CREATE TABLE notice_cards (
       notice_id INTEGER NOT NULL, card_id INTEGER NOT NULL, PRIMARY KEY (notice_id, card_id))`,
    // version = the notice's version after this event (1 = issued); the primary key makes a
    // second writer of the same version impossible even if the version check were bypassed.
    `CREATE TABLE notice_events (
       notice_id INTEGER NOT NULL, version INTEGER NOT NULL, kind VARCHAR NOT NULL,
       due_day INTEGER, happened_at DOUBLE NOT NULL, actor VARCHAR NOT NULL, actor_role VARCHAR NOT NULL,
       actor_department VARCHAR, body VARCHAR NOT NULL, PRIMARY KEY (notice_id, version))`,
  ],
} as const;

/**
 * Slow-action flags a notice covers (issue 15 item 2: "for a card, a slow-action flag, or a
 * batch"). A flag is not a record of its own — it is re-derived by every evaluation — so the
 * notice keeps the flag as it stood when issued (first day, explanation, evidence) and the
 * flag's fate is the notice's: a revoked notice revokes its flags (server/duban/figures.ts).
 */
export const NOTICE_FLAGS_MIGRATION = {
  name: '督办: the slow-action flags a notice covers, with the flag as it stood when issued',
  statements: [
    `CREATE TABLE notice_flags (
       notice_id INTEGER NOT NULL, case_id VARCHAR NOT NULL, rule VARCHAR NOT NULL,
       department_id VARCHAR NOT NULL, since_day INTEGER NOT NULL, rule_name VARCHAR NOT NULL,
       explanation VARCHAR NOT NULL, evidence VARCHAR NOT NULL,
       PRIMARY KEY (notice_id, case_id, rule))`,
  ],
} as const;
