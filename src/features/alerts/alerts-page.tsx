import { UnderConstruction } from '../../ui/under-construction';

/** alerts page: not built yet, shows the honest 建设中 state. */
export function AlertsPage() {
  return <UnderConstruction pageKey="nav.alerts" plannedKey="planned.alerts" />;
}
