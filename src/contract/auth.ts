/**
 * Accounts, sessions and the audit log: the shapes of `/api/v1/session`, `/api/v1/me`,
 * `/api/v1/users` and `/api/v1/audit`, shared by the service and the SPA's sign-in page.
 */
import { z } from './zod';
import { pageParams } from './api-common';

export const ROLE_VALUES = ['admin', 'supervisor', 'leader', 'liaison'] as const;

export const signInBody = z.object({
  name: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const meResponse = z.object({
  name: z.string(),
  role: z.enum(ROLE_VALUES),
  /** A liaison's own department, else null. */
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** The departments this user sees (own plus child units); null = every department. */
  departments: z.array(z.string()).nullable(),
});
export type Me = z.infer<typeof meResponse>;

export const userItem = z.object({
  name: z.string(),
  role: z.enum(ROLE_VALUES),
  departmentId: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const usersResponse = z.object({ items: z.array(userItem) });

export const newUserBody = z.object({
  name: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^\s/?#%]+$/u, '用户名不能含空白或 / ? # % (no spaces or / ? # %)'),
  role: z.enum(ROLE_VALUES),
  departmentId: z.string().min(1).max(100).nullable().default(null),
  password: z.string().min(10).max(200),
});

export const AUDIT_ACTION_VALUES = [
  'sign-in',
  'sign-in-failed',
  'lockout',
  'sign-out',
  'settings-change',
  'user-create',
  'user-disable',
  'export',
  'ranking-publish',
  'import',
  'source-delete',
  'supervision-action',
] as const;

/** `from`/`to`: ISO dates or instants; `to` is exclusive. */
export const auditFilterQuery = z.object({
  user: z.string().max(200).optional(),
  action: z.enum(AUDIT_ACTION_VALUES).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export const auditQuery = auditFilterQuery.extend(pageParams);

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  userName: z.string(),
  role: z.string().nullable(),
  address: z.string().nullable(),
  action: z.enum(AUDIT_ACTION_VALUES),
  detail: z.record(z.string(), z.unknown()),
});
export const auditResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(auditItem),
});
export type AuditItem = z.infer<typeof auditItem>;
export type AuditResponse = z.infer<typeof auditResponse>;
