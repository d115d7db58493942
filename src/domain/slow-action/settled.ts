import type { CaseInput } from '../time-limit/types';

/**
 * Whether a case's evaluation (`evaluateCase`) and its case-level flags (`flagCase`) as of `asOfMs`
 * are final: the same at every later as-of instant, as long as the case and its steps do not
 * change. True once the case was accepted and completed by `asOfMs`.
 *
 * Why that is enough: a completed case's clock ends on its completion day — elapsed, remaining and
 * suspended days, the level and the dates it was earned are counted up to that day, suspensions
 * and steps are read up to that instant (a suspension still open or a step never left is cut
 * there, as are later ones), and the two rules that look at the as-of day (滞留; 受理未办 without an
 * action) are for open cases only. Everything else ages with the as-of: an open case, and a case
 * completed or accepted after it (not known yet). The service's re-evaluations skip settled cases;
 * tests/unit/engine/dashboard-reuse.test.ts checks that against evaluating everything, on cases
 * with open suspensions and steps after their completion too.
 */
export function settledAsOf(c: CaseInput, asOfMs: number): boolean {
  return c.acceptedAt <= asOfMs && c.completedAt !== null && c.completedAt <= asOfMs;
}
