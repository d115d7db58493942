/** The `case-events` feed: 环节流转 case step records. */
import { parseCaseEvent, type CaseEvent } from '../schemas/case-event';
import { useFeedResource, type ResourceSpec } from './sync';

export const caseEventsSpec: ResourceSpec<CaseEvent> = {
  resource: 'case-events',
  path: '/case-events',
  parseOne: parseCaseEvent,
  idOf: (record) => record.id,
};

/** All validated case step records, kept fresh incrementally. */
export function useCaseEventsFeed() {
  return useFeedResource(caseEventsSpec);
}
