/**
 * The sync's page writer (server/sync/page-writer.ts): pages commit in feed order, the ones that
 * queue up during a transaction share the next one, the sync is held back when too many wait, and
 * after a failed commit nothing later is committed.
 */
import { describe, expect, it } from 'vitest';
import { MAX_WAITING_PAGES, PageWriter } from '../../../server/sync/page-writer';

/** A commit that stays open until the test releases it. */
function gatedCommits(): {
  batches: number[][];
  release: () => void;
  commit: (pages: readonly number[]) => Promise<void>;
  fail: (error: Error) => void;
} {
  const batches: number[][] = [];
  let open: { resolve: () => void; reject: (e: Error) => void } | null = null;
  return {
    batches,
    commit: (pages) =>
      new Promise<void>((resolve, reject) => {
        batches.push([...pages]);
        open = { resolve, reject };
      }),
    release: () => open?.resolve(),
    fail: (error) => open?.reject(error),
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('PageWriter', () => {
  it('commits in order; pages arriving during a transaction go into the next one together', async () => {
    const c = gatedCommits();
    const writer = new PageWriter<number>(c.commit);
    await writer.push(1);
    await writer.push(2);
    await writer.push(3);
    expect(c.batches).toEqual([[1]]);
    c.release();
    await turn();
    expect(c.batches).toEqual([[1], [2, 3]]);
    c.release();
    await writer.drain();
    expect(c.batches).toEqual([[1], [2, 3]]);
  });

  it('holds the sync back while too many pages wait for their transaction', async () => {
    const c = gatedCommits();
    const writer = new PageWriter<number>(c.commit);
    await writer.push(0); // in its transaction
    for (let i = 1; i < MAX_WAITING_PAGES; i++) await writer.push(i);
    let pushed = false;
    const last = writer.push(MAX_WAITING_PAGES).then(() => (pushed = true));
    await turn();
    expect(pushed).toBe(false);
    c.release();
    await last;
    expect(pushed).toBe(true);
    c.release();
    await turn();
    c.release();
    await writer.drain();
    expect(c.batches.flat()).toEqual([...Array(MAX_WAITING_PAGES + 1).keys()]);
  });

  it('commits nothing after a failure and reports that failure to the sync', async () => {
    const c = gatedCommits();
    const writer = new PageWriter<number>(c.commit);
    await writer.push(1);
    await writer.push(2);
    const full = new Error('No space left on device');
    c.fail(full);
    await expect(writer.drain()).rejects.toBe(full);
    await expect(writer.push(3)).rejects.toBe(full);
    expect(c.batches).toEqual([[1]]);
  });
});
