/** Schema migrations: from an empty file to the latest, and from every earlier version with data kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../server/store/database';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../server/store/migrations';
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
      await old.write(
        "INSERT INTO raw_records VALUES ('city', 'cases', 'C1', 1, '{\"id\":\"C1\"}')",
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

  it('refuses a file from a newer version of the service', async () => {
    tmp = tempDir();
    const db = await Database.open(tmp.db);
    await migrate(db);
    await db.write('INSERT INTO schema_migrations VALUES (999, $1, 0)', ['future']);
    await expect(migrate(db)).rejects.toThrow(/newer version/);
    await db.close();
  });
});
