/**
 * The service's own memory knobs (issue 17: peak RSS ≤ 3 GB): DuckDB's buffer pool is capped
 * instead of DuckDB's default of 80 % of the machine, and the V8 heap's growth factor is bounded.
 * Both can be overridden by an operator; a typo must not silently lift the cap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from '../../server/jobs/heap-growth';
import { Database, duckdbMemorySettings } from '../../server/store/database';
import { tempDir, type TempDir } from './helpers';

let tmp: TempDir | null = null;
afterEach(() => tmp?.remove());

async function setting(db: Database, name: string): Promise<string> {
  const rows = await db.all(`SELECT current_setting('${name}')::VARCHAR AS v`);
  return String(rows[0]?.['v']);
}

describe('DuckDB memory settings', () => {
  it('cap the store at 512 MB, not at 80 % of the machine', async () => {
    tmp = tempDir();
    const db = await Database.open(tmp.db);
    // DuckDB prints 512 MB as "488.2 MiB".
    expect(await setting(db, 'memory_limit')).toBe('488.2 MiB');
    await db.close();
  });

  it('take DUCKDB_MEMORY_LIMIT and DUCKDB_THREADS from the environment', () => {
    expect(duckdbMemorySettings({})).toEqual({ memory_limit: '512MB' });
    expect(duckdbMemorySettings({ DUCKDB_MEMORY_LIMIT: '2GB', DUCKDB_THREADS: '1' })).toEqual({
      memory_limit: '2GB',
      threads: '1',
    });
  });
});

describe('heap growth', () => {
  it('is bounded by default and overridable; what is not a whole number keeps the default', () => {
    expect(heapGrowingPercent({})).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(heapGrowingPercent({ SERVICE_HEAP_GROWING_PERCENT: '20' })).toBe(20);
    expect(heapGrowingPercent({ SERVICE_HEAP_GROWING_PERCENT: '0' })).toBe(0);
    expect(heapGrowingPercent({ SERVICE_HEAP_GROWING_PERCENT: 'lots' })).toBe(
      DEFAULT_HEAP_GROWING_PERCENT,
    );
  });
});
