/** The `evaluations` feed: 好差评 citizen evaluations. */
import { parseEvaluation, type Evaluation } from '../schemas/evaluation';
import { useFeedResource, type ResourceSpec } from './sync';

export const evaluationsSpec: ResourceSpec<Evaluation> = {
  resource: 'evaluations',
  path: '/evaluations',
  parseOne: parseEvaluation,
  idOf: (record) => record.id,
};

/** All validated evaluations records, kept fresh incrementally. */
export function useEvaluationsFeed() {
  return useFeedResource(evaluationsSpec);
}
