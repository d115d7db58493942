/**
 * One case as the case page shows it (src/engine/case-page.ts), read from the model before 督办
 * revocations so a revoked case still opens, and only inside the viewer's departments.
 */
import { casePage, casePageIndexes, type CasePageInput } from '../../src/engine/case-page';
import { calendarFor } from '../../src/engine/settings';
import type { EvaluatedSource } from '../jobs/evaluate';
import { notFound } from '../http/route';
import { sees, type Viewer } from '../http/viewer';
import { metaOf } from './meta';

const pageInput = (e: EvaluatedSource): CasePageInput => ({
  model: e.evaluatedModel,
  dataset: e.dataset,
  asOfMs: e.asOfMs,
  calendar: calendarFor(e.settings.settings),
});

/**
 * The case page's lookups of one evaluation, built ahead of the first request (server/jobs/warm.ts),
 * one per call so the warm-up can yield to waiting requests between them.
 */
export const caseIndexSteps = (e: EvaluatedSource): (() => void)[] => casePageIndexes(pageInput(e));

export function caseDetail(e: EvaluatedSource, id: string, viewer: Viewer) {
  const page = casePage(pageInput(e), id);
  // Outside the viewer's departments the case does not exist for them (404, not 403).
  if (page === null || !sees(viewer, page.departmentId)) throw notFound('该办件');
  return { ...page, meta: metaOf(e) };
}
