import { UnderConstruction } from '../../ui/under-construction';

/** 办件 page (drill-down): not built yet. */
export function CasePage() {
  return <UnderConstruction pageKey="nav.alerts" plannedKey="planned.alerts" />;
}
