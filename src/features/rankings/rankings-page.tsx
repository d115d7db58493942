import { UnderConstruction } from '../../ui/under-construction';

/** rankings page: not built yet, shows the honest 建设中 state. */
export function RankingsPage() {
  return <UnderConstruction pageKey="nav.rankings" plannedKey="planned.rankings" />;
}
