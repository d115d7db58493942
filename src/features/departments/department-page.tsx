import { UnderConstruction } from '../../ui/under-construction';

/** 部门 page (drill-down): not built yet. */
export function DepartmentPage() {
  return <UnderConstruction pageKey="nav.overview" plannedKey="planned.overview" />;
}
