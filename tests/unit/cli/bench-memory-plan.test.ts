/**
 * `npm run bench:service` refuses a size that clearly does not fit in memory instead of starting
 * it (this machine has no swap: running out kills processes) and sizes the service's heap from
 * what is free.
 */
import { describe, expect, it } from 'vitest';
import { planMemory } from '../../bench/memory-plan';

describe('bench:service memory plan', () => {
  it('refuses 5M cases where too little is free unless forced, saying what it expected', () => {
    // 5M: the disk feed ≈ 1.4 GB + the service 5 × 3.7 GB + 2 GB reserve ≈ 21.9 GB.
    const plan = planMemory(5_000_000, 'disk', false, 20_000);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.refusal).toMatch(/^内存不足，拒绝运行/);
      expect(plan.refusal).toContain('--force');
      expect(plan.refusal).toContain('available 19.5 GB');
    }
    expect(planMemory(5_000_000, 'disk', true, 20_000).ok).toBe(true);
    // This machine with nothing else running (≈ 22.5 GB available) runs it.
    expect(planMemory(5_000_000, 'disk', false, 22_500).ok).toBe(true);
  });

  it('runs 1M from the disk feed with the heap the free memory leaves', () => {
    const plan = planMemory(1_000_000, 'disk', false, 22_000);
    expect(plan.ok && plan.serviceHeapMb).toBe(22_000 - 750 - 2048);
    // The in-memory feed needs ≈ 5 GB more at 1M: a machine with 10 GB free refuses it.
    expect(planMemory(1_000_000, 'memory', false, 10_000).ok).toBe(false);
    expect(planMemory(1_000_000, 'disk', false, 10_000).ok).toBe(true);
  });
});
