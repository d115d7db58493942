/** The `departments` feed: 部门 departments. */
import { parseDepartment, type Department } from '../schemas/department';
import { useFeedResource, type ResourceSpec } from './sync';

export const departmentsSpec: ResourceSpec<Department> = {
  resource: 'departments',
  path: '/departments',
  parseOne: parseDepartment,
  idOf: (record) => record.id,
};

/** All validated departments records, kept fresh incrementally. */
export function useDepartmentsFeed() {
  return useFeedResource(departmentsSpec);
}
