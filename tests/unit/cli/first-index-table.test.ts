/**
 * The evaluate CLI's duplicate-id check: the first index of an id wins, later ones are reported
 * against it; ids whose hashes collide stay distinct (compared as strings).
 */
import { describe, expect, it } from 'vitest';
import { FirstIndexTable, idHash } from '../../../scripts/cli/first-index-table';

function check(ids: string[], hash: (id: string) => number): number[] {
  const table = new FirstIndexTable((i) => ids[i]!);
  return ids.map((id, i) => table.firstOrAdd(hash(id), i));
}

/** What a Map gives: -1 for a first occurrence, else the first index. */
function reference(ids: string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, i) => {
    const f = first.get(id);
    if (f !== undefined) return f;
    first.set(id, i);
    return -1;
  });
}

describe('FirstIndexTable', () => {
  const ids: string[] = [];
  for (let i = 0; i < 200_000; i++) {
    ids.push(`YZ${i % 150_001}`);
    if (i % 997 === 0) ids.push(`中文-${i % 5003}`);
  }

  it('answers as a Map would, through many doublings of the table', () => {
    expect(check(ids, idHash)).toEqual(reference(ids));
  });

  it('keeps ids with the same hash apart', () => {
    const few = ids.slice(0, 5000);
    expect(check(few, () => 7)).toEqual(reference(few));
    expect(check(few, (id) => id.length)).toEqual(reference(few));
  });
});
