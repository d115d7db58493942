/**
 * `npm run bench:service` refuses a size that clearly does not fit in memory instead of starting
 * it (this machine has no swap: running out kills processes) and sizes the service's heap from
 * what is free.
 */
import { describe, expect, it } from 'vitest';
import { planMemory } from '../../bench/memory-plan';

describe('bench:service memory plan', () => {
  it('refuses 5M cases on a 24 GB machine unless forced, saying what it expected', () => {
    const plan = planMemory(5_000_000, 'disk', false, 22_000);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.refusal).toMatch(/^内存不足，拒绝运行/);
      expect(plan.refusal).toContain('--force');
      expect(plan.refusal).toContain('available 21.5 GB');
    }
    expect(planMemory(5_000_000, 'disk', true, 22_000).ok).toBe(true);
  });

  it('runs 1M from the disk feed with the heap the free memory leaves', () => {
    const plan = planMemory(1_000_000, 'disk', false, 22_000);
    expect(plan.ok && plan.serviceHeapMb).toBe(22_000 - 750 - 2048);
    // The in-memory feed needs ≈ 5.5 GB more at 1M: the same machine with 12 GB free refuses it.
    expect(planMemory(1_000_000, 'memory', false, 12_000).ok).toBe(false);
    expect(planMemory(1_000_000, 'disk', false, 12_000).ok).toBe(true);
  });
});
