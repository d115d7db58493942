/**
 * The rows the virtual table needs, fetched from the service block by block: the blocks that the
 * visible (and overscanned) row range touches are asked for, each its own react-query entry keyed
 * by the filters, sort and offset — so scrolling back is instant, a sync invalidates them with the
 * rest of the views, and a block is never fetched before the table reaches it.
 */
import { useQueries } from '@tanstack/react-query';
import { alertsBlockQuery, ALERTS_BLOCK_SIZE, type AlertsParams } from '../../api/alerts';
import { useSource } from '../../api/source-choice';
import type { AlertItem } from '../../contract/alerts';

export interface AlertBlocks {
  /** The row at list index `i`, or undefined while its block loads. */
  rowAt: (i: number) => AlertItem | undefined;
  /** A block in view is loading. */
  fetching: boolean;
  /** A block in view failed (the table shows it in place of the rows). */
  failed: boolean;
}

/** The block numbers covering list indexes first..last (inclusive). */
export function blocksOf(first: number, last: number, blockSize = ALERTS_BLOCK_SIZE): number[] {
  if (last < first) return [];
  const out: number[] = [];
  for (let b = Math.floor(first / blockSize); b <= Math.floor(last / blockSize); b++) out.push(b);
  return out;
}

export function useAlertBlocks(
  params: AlertsParams,
  first: number,
  last: number,
  blockSize = ALERTS_BLOCK_SIZE,
): AlertBlocks {
  const blocks = blocksOf(first, last, blockSize);
  const source = useSource();
  const results = useQueries({
    queries: blocks.map((b) => alertsBlockQuery(source, params, b, blockSize)),
  });
  const byBlock = new Map<number, readonly AlertItem[]>();
  blocks.forEach((b, i) => {
    const items = results[i]?.data?.items;
    if (items) byBlock.set(b, items);
  });
  return {
    rowAt: (i) => byBlock.get(Math.floor(i / blockSize))?.[i % blockSize],
    fetching: results.some((r) => r.isFetching),
    failed: results.some((r) => r.isError),
  };
}
