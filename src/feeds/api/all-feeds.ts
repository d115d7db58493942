/**
 * Every feed the dashboard reads, loaded together: the shell shows their joint freshness and
 * health, and the engine computes over the joined dataset.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { FeedResource } from '../query-keys';
import type { CaseRecord } from '../schemas/case';
import type { CaseEvent } from '../schemas/case-event';
import type { Department } from '../schemas/department';
import type { Evaluation } from '../schemas/evaluation';
import type { ServiceItem } from '../schemas/service-item';
import type { SupervisionTask } from '../schemas/supervision-task';
import { useCaseEventsFeed } from './case-events';
import { useCasesFeed } from './cases';
import { useDepartmentsFeed } from './departments';
import { useEvaluationsFeed } from './evaluations';
import type { FeedRequestError } from './http';
import { useItemsFeed } from './items';
import type { FeedSnapshot } from './sync';
import { useTasksFeed } from './tasks';

export interface FeedQueries {
  departments: UseQueryResult<FeedSnapshot<Department>, FeedRequestError>;
  items: UseQueryResult<FeedSnapshot<ServiceItem>, FeedRequestError>;
  cases: UseQueryResult<FeedSnapshot<CaseRecord>, FeedRequestError>;
  'case-events': UseQueryResult<FeedSnapshot<CaseEvent>, FeedRequestError>;
  evaluations: UseQueryResult<FeedSnapshot<Evaluation>, FeedRequestError>;
  tasks: UseQueryResult<FeedSnapshot<SupervisionTask>, FeedRequestError>;
}

/** Loads all six feeds (hooks in a fixed order). */
export function useAllFeeds(): FeedQueries {
  return {
    departments: useDepartmentsFeed(),
    items: useItemsFeed(),
    cases: useCasesFeed(),
    'case-events': useCaseEventsFeed(),
    evaluations: useEvaluationsFeed(),
    tasks: useTasksFeed(),
  };
}

export const FEED_RESOURCES: readonly FeedResource[] = [
  'departments',
  'items',
  'cases',
  'case-events',
  'evaluations',
  'tasks',
];
