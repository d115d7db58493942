/**
 * Who is asking, as every route sees it: a role and the departments in scope. Scope is applied by
 * the service on every route (lists, counts, exports, events), never by hiding buttons.
 */
export const ROLES = ['admin', 'supervisor', 'leader', 'liaison'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  name: string;
  role: Role;
  /** The liaison's own department, else null. */
  departmentId: string | null;
  /** Departments this viewer may see; `null` = every department. */
  departments: ReadonlySet<string> | null;
}

export function sees(viewer: Viewer, departmentId: string): boolean {
  return viewer.departments === null || viewer.departments.has(departmentId);
}

/** The viewer of a service started without accounts (tests of the data path, the CLI). */
export const SYSTEM_VIEWER: Viewer = {
  name: 'system',
  role: 'admin',
  departmentId: null,
  departments: null,
};
