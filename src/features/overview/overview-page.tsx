import { UnderConstruction } from '../../ui/under-construction';

/** overview page: not built yet, shows the honest 建设中 state. */
export function OverviewPage() {
  return <UnderConstruction pageKey="nav.overview" plannedKey="planned.overview" />;
}
