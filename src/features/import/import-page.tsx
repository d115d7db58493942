import { UnderConstruction } from '../../ui/under-construction';

/** import page: not built yet, shows the honest 建设中 state. */
export function ImportPage() {
  return <UnderConstruction pageKey="nav.import" plannedKey="planned.import" />;
}
