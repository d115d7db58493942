import { UnderConstruction } from '../../ui/under-construction';

/** slowAction page: not built yet, shows the honest 建设中 state. */
export function SlowActionPage() {
  return <UnderConstruction pageKey="nav.slowAction" plannedKey="planned.slowAction" />;
}
