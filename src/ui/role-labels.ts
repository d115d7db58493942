import { defineMessages } from '../i18n';

const useRoleMsg = defineMessages(
  {
    admin: '系统管理员',
    supervisor: '督查员',
    leader: '领导',
    liaison: '部门联络员',
    system: '系统',
  },
  {
    admin: 'Administrator',
    supervisor: 'Supervisor',
    leader: 'Leader',
    liaison: 'Department liaison',
    system: 'System',
  },
);

const ROLES = ['admin', 'supervisor', 'leader', 'liaison'] as const;

/**
 * The one place a role code becomes words (the header, the 督办 timeline, the audit log). A role
 * the service does not define (an event by the system) reads as `fallback`, or 系统.
 */
export function useRoleName(): (role: string | null, fallback?: string) => string {
  const m = useRoleMsg();
  return (role, fallback) => {
    const known = ROLES.find((r) => r === role);
    return known !== undefined ? m(known) : (fallback ?? m('system'));
  };
}
