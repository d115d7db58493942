/**
 * The memory guard (issue 18 item 4): before the service evaluates a source it estimates the heap
 * the evaluation needs from its row counts and refuses, with a reason a person can act on, when
 * that does not fit under the process's heap limit. Without it a file or a city too big for the
 * heap ends the whole process ("JavaScript heap out of memory") and every user loses the dashboard.
 *
 * The per-row costs are measured (docs/import.md, "Memory guard"; tests/bench/heap-per-row.ts).
 */
import { getHeapStatistics } from 'node:v8';

/**
 * Heap per row, in bytes. Measured retained after a collection (tests/bench/heap-per-row.ts, demo
 * city, 100k and 300k cases): a city record 322–338 B, an imported case 270–281 B; an evaluated city
 * case ≈ 465 B, an imported one ≈ 307 B. The guard must hold the peak, not what stays: while loading
 * and evaluating, each record's JSON text, the sorted id lists and the maps growing by doubling are
 * on the heap too — ≈ 2–2.5× (the service measured ≈ 1 GB per 1M imported rows and 4–5 GB for the
 * city at 1M, ≈ 5.4 records per case). Hence ≈ 2.2× the retained figures. Since issue 17 a city
 * record retains 225 B (step records share their case's id and serve as the joins' step input;
 * 100k cases, `heap-per-row.ts`), so a record counts 480 B (≈ 2.1×, the ratio used before).
 */
export const COST = {
  /** One stored record held in memory (a case, a step record, an evaluation, …), with its joins. */
  recordBytes: 480,
  /** One evaluated case in the model the API answers from (its row, flags, indexes). */
  evaluatedCaseBytes: 900,
} as const;

/**
 * Share of the heap limit an evaluation may fill: the rest is for requests, exports and the
 * collector's own room (a heap filled to the limit collects without end before it fails).
 */
const USABLE_SHARE = 0.85;

export interface EvaluationSize {
  /** Records to read into memory (0 when they are held already). */
  records: number;
  /** Cases the evaluation will hold a row for. */
  cases: number;
}

export interface HeapNow {
  /** The process's heap limit (`--max-old-space-size`). */
  limitBytes: number;
  /** Heap in use now. */
  usedBytes: number;
}

export interface HeapBudget extends HeapNow {
  /** Heap held by what the service may let go first (evaluations kept only as a cache). */
  releasableBytes: number;
}

export type FitVerdict =
  | { ok: true; needBytes: number }
  | { ok: false; needBytes: number; limitBytes: number; message: string };

export function estimateEvaluationBytes(size: EvaluationSize): number {
  return size.records * COST.recordBytes + size.cases * COST.evaluatedCaseBytes;
}

const mb = (bytes: number): string =>
  `${Math.ceil(bytes / 1024 / 1024).toLocaleString('zh-CN')} MB`;
const count = (n: number): string => n.toLocaleString('zh-CN');

export function checkEvaluationFits(size: EvaluationSize, heap: HeapBudget): FitVerdict {
  const needBytes = estimateEvaluationBytes(size);
  const inUse = Math.max(0, heap.usedBytes - heap.releasableBytes);
  if (inUse + needBytes <= heap.limitBytes * USABLE_SHARE) return { ok: true, needBytes };
  const rows = size.records > 0 ? size.records : size.cases;
  const suggested = Math.ceil(((inUse + needBytes) / USABLE_SHARE / 1024 / 1024) * 1.1);
  return {
    ok: false,
    needBytes,
    limitBytes: heap.limitBytes,
    message:
      `内存不足，无法评估：${count(rows)} 条记录估计需要约 ${mb(needBytes)} 堆内存，` +
      `服务的堆上限为 ${mb(heap.limitBytes)}（已用 ${mb(inUse)}）。` +
      `请以更大的堆上限重启服务，例如 serve --max-heap-mb ${count(suggested).replace(/,/g, '')}` +
      `（或 NODE_OPTIONS=--max-old-space-size=N）` +
      ` (insufficient memory: ${rows} records need about ${Math.ceil(needBytes / 2 ** 20)} MB of heap,` +
      ` the service's heap limit is ${Math.ceil(heap.limitBytes / 2 ** 20)} MB; restart it with` +
      ` --max-heap-mb or NODE_OPTIONS=--max-old-space-size)`,
  };
}

function v8Heap(): HeapNow {
  const s = getHeapStatistics();
  return { limitBytes: s.heap_size_limit, usedBytes: s.used_heap_size };
}

/** The service's guard; `readHeap` is replaced in tests to set a tiny budget without allocating. */
export class MemoryGuard {
  constructor(public readHeap: () => HeapNow = v8Heap) {}

  check(size: EvaluationSize, releasableBytes = 0): FitVerdict {
    return checkEvaluationFits(size, { ...this.readHeap(), releasableBytes });
  }
}
