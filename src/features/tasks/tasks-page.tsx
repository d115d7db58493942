import { UnderConstruction } from '../../ui/under-construction';

/** tasks page: not built yet, shows the honest 建设中 state. */
export function TasksPage() {
  return <UnderConstruction pageKey="nav.tasks" plannedKey="planned.tasks" />;
}
