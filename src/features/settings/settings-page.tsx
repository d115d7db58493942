import { UnderConstruction } from '../../ui/under-construction';

/** settings page: not built yet, shows the honest 建设中 state. */
export function SettingsPage() {
  return <UnderConstruction pageKey="nav.settings" plannedKey="planned.settings" />;
}
