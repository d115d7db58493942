/**
 * The live dataset keeps its tables' id order and its joins (steps and evaluations by case) up to
 * date per change instead of sorting and grouping every record again (issue 17). Whatever records
 * arrive, replace each other or move between cases, `dataset()` must equal `indexDataset` of the
 * tables sorted by id from scratch — the order the figures are computed in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveDataset } from '../../../server/jobs/live-dataset';
import { indexDataset, type IndexedDataset } from '../../../src/engine/dataset';
import type { CaseEvent } from '../../../src/feeds/schemas/case-event';
import type { Evaluation } from '../../../src/feeds/schemas/evaluation';

// Few ids, so puts often replace a record; ids of different lengths and cases test code-unit order.
const caseId = fc.constantFrom('c1', 'c2', 'c10', 'C3', 'c-4', 'c5');
const recordId = fc.constantFrom('e1', 'e2', 'e10', 'E2', 'e1a', 'e3', 'e30', 'e4', 'e5', 'e~');
// Few instants, so steps of one case often tie on enteredAt (their order is then by id).
const instant = fc.integer({ min: 0, max: 3 }).map((d) => 1_700_000_000_000 + d * 3_600_000);

const stepPut = fc.record({
  kind: fc.constant('step' as const),
  id: recordId,
  caseId,
  step: fc.constantFrom('受理', '审查', '决定'),
  enteredAt: instant,
});
const evaluationPut = fc.record({
  kind: fc.constant('evaluation' as const),
  id: recordId,
  caseId,
  at: instant,
});
const batch = fc.array(fc.oneof(stepPut, evaluationPut), { maxLength: 12 });

function stepRecord(p: { id: string; caseId: string; step: string; enteredAt: number }): CaseEvent {
  return {
    id: p.id,
    caseId: p.caseId,
    step: p.step,
    departmentId: 'd1',
    handler: '张三',
    enteredAt: p.enteredAt,
    leftAt: p.enteredAt + 60_000,
    updatedAt: p.enteredAt,
  };
}

function evaluationRecord(p: { id: string; caseId: string; at: number }): Evaluation {
  return {
    id: p.id,
    caseId: p.caseId,
    level: 5,
    at: p.at,
    channel: '网上',
    rectifiedAt: null,
    updatedAt: p.at,
  };
}

const byId = <T extends { id: string }>(records: Map<string, T>): T[] =>
  [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The joins as sorted entries: lookups are what the engine relies on, not the maps' order. */
function joins(ds: IndexedDataset): unknown {
  const sorted = <V>(m: ReadonlyMap<string, V>): [string, V][] =>
    [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    caseEvents: ds.caseEvents,
    evaluations: ds.evaluations,
    hasStepData: ds.hasStepData,
    stepsByCase: sorted(ds.stepsByCase),
    evaluationsByCase: sorted(ds.evaluationsByCase),
  };
}

describe('LiveDataset.dataset() after changes', () => {
  it('equals indexDataset of the tables sorted from scratch, for random puts, replacements and moves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ puts: batch, look: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        (batches) => {
          const live = new LiveDataset();
          const steps = new Map<string, CaseEvent>();
          const evaluations = new Map<string, Evaluation>();
          for (const [n, b] of batches.entries()) {
            for (const p of b.puts) {
              if (p.kind === 'step') {
                const r = stepRecord(p);
                steps.set(r.id, r);
                live.caseEvents.put(r.id, r);
              } else {
                const r = evaluationRecord(p);
                evaluations.set(r.id, r);
                live.evaluations.put(r.id, r);
              }
            }
            live.changed();
            // Not every change is looked at: several batches then fold into one regrouping.
            if (!b.look && n < batches.length - 1) continue;
            const expected = indexDataset({
              departments: [],
              items: [],
              cases: [],
              caseEvents: byId(steps),
              evaluations: byId(evaluations),
              tasks: [],
            });
            expect(joins(live.dataset())).toEqual(joins(expected));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands out a new dataset after a change and leaves the one before as it was', () => {
    const live = new LiveDataset();
    live.caseEvents.put('e1', stepRecord({ id: 'e1', caseId: 'c1', step: '受理', enteredAt: 2 }));
    live.changed();
    const before = live.dataset();
    live.caseEvents.put('e0', stepRecord({ id: 'e0', caseId: 'c1', step: '审查', enteredAt: 1 }));
    live.caseEvents.put('e1', stepRecord({ id: 'e1', caseId: 'c2', step: '受理', enteredAt: 2 }));
    live.changed();
    const after = live.dataset();
    expect(before.caseEvents.map((e) => e.id)).toEqual(['e1']);
    expect(before.stepsByCase.get('c1')?.map((s) => s.step)).toEqual(['受理']);
    expect(before.stepsByCase.has('c2')).toBe(false);
    expect(after.caseEvents.map((e) => e.id)).toEqual(['e0', 'e1']);
    expect(after.stepsByCase.get('c1')?.map((s) => s.step)).toEqual(['审查']);
    expect(after.stepsByCase.get('c2')?.map((s) => s.step)).toEqual(['受理']);
    expect(live.dataset()).toBe(after);
  });
});
