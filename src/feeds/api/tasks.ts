/** The `tasks` feed: 督查事项 supervision tasks. */
import { parseSupervisionTask, type SupervisionTask } from '../schemas/supervision-task';
import { useFeedResource, type ResourceSpec } from './sync';

export const tasksSpec: ResourceSpec<SupervisionTask> = {
  resource: 'tasks',
  path: '/tasks',
  parseOne: parseSupervisionTask,
  idOf: (record) => record.id,
};

/** All validated tasks records, kept fresh incrementally. */
export function useTasksFeed() {
  return useFeedResource(tasksSpec);
}
