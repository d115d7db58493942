/** Schema migrations: from an empty file to the latest, and from every earlier version with data kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../server/store/database';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../server/store/migrations';
import { compactLog, upsertRecords, type Accepted } from '../../server/sync/sync';
import { tempDir, type TempDir } from './helpers';

let tmp: TempDir | null = null;
afterEach(() => tmp?.remove());

async function tables(db: Database): Promise<string[]> {
  const rows = await db.all(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
  );
  return rows.map((r) => String(r['table_name']));
}

describe('migrations', () => {
  it('are numbered 1, 2, 3, … with no gap or repeat (two branches both taking a number shows here)', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty file to the latest version, once', async () => {
    tmp = tempDir();
    const db = await Database.open(tmp.db);
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    expect(await migrate(db)).toBe(SCHEMA_VERSION); // idempotent
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['raw_records', 'sync_state', 'case_eval', 'sync_runs']),
    );
    const applied = await db.all('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => r['version'])).toEqual(MIGRATIONS.map((m) => m.version));
    await db.close();
  });

  for (const from of MIGRATIONS.slice(0, -1)) {
    it(`bring a version ${from.version} file with data to the latest, keeping the data`, async () => {
      tmp = tempDir();
      const old = await Database.open(tmp.db);
      expect(await migrate(old, from.version)).toBe(from.version);
      // From version 7 raw records are written to the log; raw_records is a view over it.
      await old.write(
        from.version >= 7
          ? "INSERT INTO raw_log VALUES ('city', 'cases', 'C1', 1, 1, '{\"id\":\"C1\"}')"
          : "INSERT INTO raw_records VALUES ('city', 'cases', 'C1', 1, '{\"id\":\"C1\"}')",
      );
      await old.write(
        "INSERT INTO sync_state (source, resource, completed_since) VALUES ('city', 'cases', '2026-09-30T23:59:59+08:00')",
      );
      await old.close();

      const db = await Database.open(tmp.db);
      expect(await migrate(db)).toBe(SCHEMA_VERSION);
      expect(await db.all('SELECT id, body FROM raw_records')).toEqual([
        { id: 'C1', body: '{"id":"C1"}' },
      ]);
      expect(await db.all('SELECT completed_since FROM sync_state')).toEqual([
        { completed_since: '2026-09-30T23:59:59+08:00' },
      ]);
      await db.close();
    });
  }

  it('version 7 moves raw records into the keyless log; raw_records reads the latest version per id', async () => {
    tmp = tempDir();
    const old = await Database.open(tmp.db);
    expect(await migrate(old, 6)).toBe(6);
    await old.write(
      `INSERT INTO raw_records VALUES ('city', 'cases', 'C1', 1, '{"v":1}'),
         ('city', 'cases', 'C2', 1, '{"v":1}'), ('city', 'items', 'C1', 1, '{"item":1}')`,
    );
    await old.close();
    const db = await Database.open(tmp.db);
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    const counts = async (): Promise<unknown[]> =>
      db.all('SELECT resource, id, body FROM raw_records ORDER BY resource, id');
    expect(await counts()).toEqual([
      { resource: 'cases', id: 'C1', body: '{"v":1}' },
      { resource: 'cases', id: 'C2', body: '{"v":1}' },
      { resource: 'items', id: 'C1', body: '{"item":1}' },
    ]);
    const record = (id: string, body: string): Accepted => ({
      id,
      updatedAt: 2,
      body,
      record: { id, updatedAt: 2, putInto: () => undefined },
    });
    // A full pass appends without touching older versions; the view still answers the latest.
    await db.transaction((tx) =>
      upsertRecords(tx, 'city', 'cases', [record('C1', '{"v":2}')], { replaceOlder: false }),
    );
    expect(await counts()).toEqual([
      { resource: 'cases', id: 'C1', body: '{"v":2}' },
      { resource: 'cases', id: 'C2', body: '{"v":1}' },
      { resource: 'items', id: 'C1', body: '{"item":1}' },
    ]);
    expect(
      await db.all("SELECT count(*)::INTEGER AS n FROM raw_log WHERE resource = 'cases'"),
    ).toEqual([{ n: 3 }]);
    // Compaction (end of a full pass) and an incremental page both leave one row per id.
    expect(await db.transaction((tx) => compactLog(tx, 'city', 'cases'))).toBe(1);
    await db.transaction((tx) => upsertRecords(tx, 'city', 'cases', [record('C2', '{"v":3}')]));
    expect(
      await db.all("SELECT id, body FROM raw_log WHERE resource = 'cases' ORDER BY id"),
    ).toEqual([
      { id: 'C1', body: '{"v":2}' },
      { id: 'C2', body: '{"v":3}' },
    ]);
    await db.close();
  });

  it('refuses a file from a newer version of the service', async () => {
    tmp = tempDir();
    const db = await Database.open(tmp.db);
    await migrate(db);
    await db.write('INSERT INTO schema_migrations VALUES (999, $1, 0)', ['future']);
    await expect(migrate(db)).rejects.toThrow(/newer version/);
    await db.close();
  });
});
