/**
 * The memory guard's estimate and verdict (server/jobs/memory-guard.ts): what a person reads when
 * a dataset is too big for the service's heap, and that an evaluation that fits is let through.
 */
import { describe, expect, it } from 'vitest';
import { COST, estimateEvaluationBytes, checkEvaluationFits } from '../../server/jobs/memory-guard';

const MB = 1024 * 1024;

describe('estimateEvaluationBytes', () => {
  it('grows with the rows: records to hold plus one evaluated row per case', () => {
    const small = estimateEvaluationBytes({ records: 100_000, cases: 100_000 });
    const large = estimateEvaluationBytes({ records: 3_200_000, cases: 3_200_000 });
    expect(small).toBe(100_000 * (COST.recordBytes + COST.evaluatedCaseBytes));
    expect(large / small).toBeCloseTo(32, 5);
  });

  it('counts nothing for records already in memory (a recompute of the loaded city)', () => {
    expect(estimateEvaluationBytes({ records: 0, cases: 1000 })).toBe(
      1000 * COST.evaluatedCaseBytes,
    );
  });
});

describe('checkEvaluationFits', () => {
  const need = { records: 3_200_000, cases: 3_200_000 };

  it('refuses a 3.2M-row import on a 4 GB heap, naming rows, need, limit and the remedy', () => {
    const verdict = checkEvaluationFits(need, {
      limitBytes: 4096 * MB,
      usedBytes: 600 * MB,
      releasableBytes: 0,
    });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.message).toMatch(/^内存不足，无法评估/);
    expect(verdict.message).toContain('3,200,000 条记录');
    expect(verdict.message).toContain('4,096 MB');
    expect(verdict.message).toContain('--max-heap-mb');
    expect(verdict.message).toContain('--max-old-space-size');
    expect(verdict.needBytes).toBe(estimateEvaluationBytes(need));
  });

  it('lets it through when the heap is large enough, counting what can be released', () => {
    const needBytes = estimateEvaluationBytes(need);
    const heap = { limitBytes: needBytes * 2, usedBytes: needBytes * 1.5, releasableBytes: 0 };
    expect(checkEvaluationFits(need, heap).ok).toBe(false);
    expect(checkEvaluationFits(need, { ...heap, releasableBytes: needBytes }).ok).toBe(true);
  });

  it('keeps a margin: an evaluation that would fill the heap to the last byte is refused', () => {
    const needBytes = estimateEvaluationBytes(need);
    const heap = { limitBytes: needBytes, usedBytes: 0, releasableBytes: 0 };
    expect(checkEvaluationFits(need, heap).ok).toBe(false);
  });
});
