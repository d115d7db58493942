/**
 * Re-evaluation that reuses an earlier model's rows (issue 17: the service's incremental syncs and
 * daily re-evaluation evaluate only changed and unsettled cases) must give exactly what evaluating
 * every case gives: random as-of pairs (the later one up to 90 days on, or the same), random
 * changed cases (completed, reopened, suspended, a new step, removed, added), compared as JSON —
 * rows, flags with their evidence, 临期突击 per quarter, the calendar note. A second step reuses
 * the reused model again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { computeDashboard, type DashboardModel } from '../../../src/engine/dashboard';
import { indexDataset, type Dataset } from '../../../src/engine/dataset';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/engine/settings';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase, type CaseRecord } from '../../../src/feeds/schemas/case';
import { parseCaseEvent, type CaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';

const DAY = 86_400_000;
const END = Date.parse('2026-09-30T23:59:59+08:00');
const city = generateDemoCity({ seed: 7, cases: 2500, asOf: '2026-09-30' });
const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const parsed: Dataset = {
  departments: parseRecords('departments', city.departments, parseDepartment).accepted,
  items: parseRecords('items', city.items, parseServiceItem).accepted,
  cases: [...parseRecords('cases', city.cases, parseCase).accepted].sort(byId),
  caseEvents: parseRecords('case-events', city.caseEvents, parseCaseEvent).accepted,
  evaluations: [],
  tasks: [],
};

/**
 * Real feeds are not always consistent: some completed cases get a suspension still open or
 * ending after the completion, a step never left or entered after the completion. Their figures
 * move with the as-of, so they must never count as settled.
 */
function withOddCases(ds: Dataset): Dataset {
  const events: CaseEvent[] = [...ds.caseEvents];
  const cases = ds.cases.map((c, i) => {
    if (i % 50 !== 0 || c.completedAt === null) return c;
    const done = c.completedAt;
    const variant = (i / 50) % 4;
    if (variant === 0 || variant === 1)
      return {
        ...c,
        suspensions: [
          ...c.suspensions,
          {
            kind: '补正',
            startAt: Math.max(c.acceptedAt, done - 6 * DAY),
            endAt: variant === 0 ? null : done + 20 * DAY,
            approvedDays: 1,
          },
        ],
      };
    events.push({
      id: `${c.id}-odd`,
      caseId: c.id,
      step: '送达',
      departmentId: c.departmentId,
      handler: '李四',
      enteredAt: variant === 2 ? done - DAY : done + 2 * DAY,
      leftAt: variant === 2 ? null : done + 3 * DAY,
      updatedAt: done + 3 * DAY,
    });
    return c;
  });
  return { ...ds, cases, caseEvents: events };
}
const base = withOddCases(parsed);

type Change = 'complete' | 'reopen' | 'suspend' | 'step' | 'remove' | 'add';
const CHANGES: Change[] = ['complete', 'reopen', 'suspend', 'step', 'remove', 'add'];

/** The dataset after the changes, and the ids they touched (what the service's sync reports). */
function changed(
  ds: Dataset,
  picks: { index: number; change: Change }[],
  at: number,
): { ds: Dataset; ids: Set<string> } {
  const cases = new Map(ds.cases.map((c) => [c.id, c]));
  const events: CaseEvent[] = [...ds.caseEvents];
  const ids = new Set<string>();
  for (const { index, change } of picks) {
    const c = ds.cases[index % ds.cases.length]!;
    ids.add(c.id);
    const put = (next: CaseRecord): void => void cases.set(next.id, next);
    if (change === 'complete')
      put({ ...c, status: '办结', completedAt: Math.max(c.acceptedAt, at - 3_600_000) });
    else if (change === 'reopen') put({ ...c, status: '在办', completedAt: null });
    else if (change === 'suspend')
      put({
        ...c,
        suspensions: [
          ...c.suspensions,
          {
            kind: '补正',
            startAt: Math.max(c.acceptedAt, at - 5 * DAY),
            endAt: null,
            approvedDays: 5,
          },
        ],
      });
    else if (change === 'step')
      events.push({
        id: `${c.id}-x${events.length}`,
        caseId: c.id,
        step: '审核',
        departmentId: c.departmentId,
        handler: '王五',
        enteredAt: Math.max(c.acceptedAt, at - 2 * DAY),
        leftAt: null,
        updatedAt: at,
      });
    else if (change === 'remove') cases.delete(c.id);
    else {
      const id = `${c.id}A`; // sorts right after its model, between existing ids
      ids.add(id);
      put({ ...c, id, acceptedAt: at - 4 * DAY, completedAt: null, status: '在办' });
    }
  }
  return { ds: { ...ds, cases: [...cases.values()].sort(byId), caseEvents: events }, ids };
}

/** The model as the derived tables and the API see it (not the timing, not the reuse state). */
function figures(m: DashboardModel): string {
  return JSON.stringify({ ...m, computeMs: 0, reuse: undefined });
}

describe('computeDashboard reusing an earlier model', () => {
  it('equals evaluating every case, for random as-of steps and changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 * DAY }),
        fc.integer({ min: 0, max: 90 * DAY }),
        fc.array(fc.record({ index: fc.nat(), change: fc.constantFrom(...CHANGES) }), {
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 40 * DAY }),
        (back, step, picks, step2) => {
          const asOf1 = END - back;
          const asOf2 = asOf1 + step;
          const first = computeDashboard(
            indexDataset(base),
            DEFAULT_ENGINE_SETTINGS,
            asOf1,
            undefined,
            {
              keep: true,
            },
          );
          const next = changed(base, picks, asOf2);
          const ds2 = indexDataset(next.ds);
          const reused = computeDashboard(ds2, DEFAULT_ENGINE_SETTINGS, asOf2, undefined, {
            keep: true,
            previous: { model: first, changedCaseIds: next.ids },
          });
          expect(figures(reused)).toBe(
            figures(computeDashboard(ds2, DEFAULT_ENGINE_SETTINGS, asOf2)),
          );
          // Something was reused (else the test proves nothing), and what was evaluated is reported.
          expect(reused.reuse?.full).toBe(false);
          expect(reused.reuse!.recomputedIds.length).toBeLessThan(ds2.cases.length);
          for (const id of next.ids)
            if (ds2.cases.some((c) => c.id === id))
              expect(reused.reuse!.recomputedIds).toContain(id);
          // A second day on, nothing changed: the reused model lends its rows again.
          const asOf3 = asOf2 + step2;
          const again = computeDashboard(ds2, DEFAULT_ENGINE_SETTINGS, asOf3, undefined, {
            keep: true,
            previous: { model: reused, changedCaseIds: new Set() },
          });
          expect(figures(again)).toBe(
            figures(computeDashboard(ds2, DEFAULT_ENGINE_SETTINGS, asOf3)),
          );
        },
      ),
      { numRuns: 30, seed: 17 },
    );
  }, 120_000);

  it('evaluates everything again when the settings or the clock direction differ', () => {
    const first = computeDashboard(indexDataset(base), DEFAULT_ENGINE_SETTINGS, END, undefined, {
      keep: true,
    });
    const earlier = computeDashboard(
      indexDataset(base),
      DEFAULT_ENGINE_SETTINGS,
      END - DAY,
      undefined,
      {
        keep: true,
        previous: { model: first, changedCaseIds: new Set() },
      },
    );
    expect(earlier.reuse?.full).toBe(true);
    const settings = {
      ...DEFAULT_ENGINE_SETTINGS,
      warning: { ...DEFAULT_ENGINE_SETTINGS.warning, earlyWarningDays: 4 },
    };
    const other = computeDashboard(indexDataset(base), settings, END, undefined, {
      keep: true,
      previous: { model: first, changedCaseIds: new Set() },
    });
    expect(other.reuse?.full).toBe(true);
    expect(figures(other)).toBe(figures(computeDashboard(indexDataset(base), settings, END)));
  });
});
