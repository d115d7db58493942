/** The `cases` feed: 办件 with their limits, completion and suspensions (暂停计时). */
import { parseCase, type CaseRecord } from '../schemas/case';
import { useFeedResource, type ResourceSpec } from './sync';

export const casesSpec: ResourceSpec<CaseRecord> = {
  resource: 'cases',
  path: '/cases',
  parseOne: parseCase,
  idOf: (record) => record.id,
};

/** All validated cases, kept fresh incrementally. */
export function useCasesFeed() {
  return useFeedResource(casesSpec);
}
