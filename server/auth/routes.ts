/**
 * Auth's API routes, in the one route table: sign-in and sign-out (public: they must work without
 * a session), who am I, the administrator's users and audit log. Sign-in answers the same 401 for
 * every failure, so it never tells which of name and password was wrong.
 */
import { z } from 'zod';
import {
  auditFilterQuery,
  auditQuery,
  auditResponse,
  meResponse,
  newUserBody,
  signInBody,
  userItem,
  usersResponse,
} from '../../src/contract/auth';
import { parseIsoDate, shanghaiStartOfDay } from '../../src/domain/calendar';
import { sendCsv } from '../http/export-stream';
import { ApiFailure, notFound, route, type ApiRoute } from '../http/route';
import type { SupervisionService } from '../service';
import type { Accounts } from './accounts';
import { auditPage, auditRows, type AuditFilter, type AuditRow } from './audit';
import { SESSION_COOKIE } from './options';
import { passwordProblem } from './password';
import { addUser, disableUser, listUsers, newUserProblem, type User } from './users';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;
const ADMIN = ['admin'] as const;

/** `2026-09-30` = that day's start in Asia/Shanghai; an instant as written. */
function instantOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const day = parseIsoDate(text);
  return day !== null ? shanghaiStartOfDay(day) : Date.parse(text);
}

function filterOf(q: z.infer<typeof auditFilterQuery>): AuditFilter {
  return { user: q.user, action: q.action, from: instantOf(q.from), to: instantOf(q.to) };
}

const userJson = (u: User): z.infer<typeof userItem> => ({
  name: u.name,
  role: u.role,
  departmentId: u.departmentId,
  disabled: u.disabled,
  lockedUntil: u.lockedUntil === null ? null : new Date(u.lockedUntil).toISOString(),
  createdAt: new Date(u.createdAt).toISOString(),
  createdBy: u.createdBy,
});

export function authRoutes(service: SupervisionService, accounts: Accounts): ApiRoute[] {
  const knownDepartment = (id: string): boolean =>
    service.evaluated === null || service.evaluated.dataset.departmentById.has(id);
  return [
    route({
      method: 'POST',
      url: '/api/v1/session',
      summary: '登录（成功 204 并设置会话 Cookie；失败一律 401）',
      roles: ALL,
      scope: 'public',
      body: signInBody,
      handler: async ({ body, request, reply }) => {
        const result = await accounts.signIn(body.name, body.password, request.ip);
        if (!result.ok)
          throw new ApiFailure(401, 'unauthorized', '用户名或密码错误 (sign-in failed)');
        void reply.setCookie(SESSION_COOKIE, result.sessionId, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          secure: request.protocol === 'https',
          maxAge: accounts.options.absoluteHours * 3600,
        });
        return reply.code(204).send();
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/v1/session',
      summary: '退出登录（无会话时同样 204）',
      roles: ALL,
      // Public so an expired session can still clear its cookie; it reveals and changes nothing else.
      scope: 'public',
      handler: async ({ request, reply }) => {
        await accounts.signOut(request);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/me',
      summary: '当前用户：姓名、角色、所属部门与可见部门',
      roles: ALL,
      scope: 'city',
      response: meResponse,
      handler: ({ viewer }) => ({
        name: viewer.name,
        role: viewer.role,
        departmentId: viewer.departmentId,
        departmentName:
          viewer.departmentId === null
            ? null
            : (service.evaluated?.dataset.departmentById.get(viewer.departmentId)?.name ?? null),
        departments: viewer.departments === null ? null : [...viewer.departments].sort(),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/users',
      summary: '用户列表（不含密码散列）',
      roles: ADMIN,
      scope: 'city',
      response: usersResponse,
      handler: async () => ({ items: (await listUsers(service.db)).map(userJson) }),
    }),
    route({
      method: 'POST',
      url: '/api/v1/users',
      summary: '新建用户',
      roles: ADMIN,
      scope: 'city',
      body: newUserBody,
      response: userItem,
      handler: async ({ body, viewer, request, reply }) => {
        const problem =
          newUserProblem(body) ??
          passwordProblem(body.password) ??
          (body.departmentId !== null && !knownDepartment(body.departmentId)
            ? `没有部门 ${body.departmentId} (unknown department)`
            : null);
        if (problem !== null) throw new ApiFailure(400, 'bad_request', problem);
        const now = accounts.options.now();
        if (!(await addUser(service.db, body, viewer.name, now)))
          throw new ApiFailure(409, 'conflict', '用户名已存在 (name taken)');
        await accounts.audit({
          userName: viewer.name,
          role: viewer.role,
          address: request.ip,
          action: 'user-create',
          detail: { name: body.name, role: body.role, departmentId: body.departmentId },
        });
        void reply.code(201);
        return userJson({
          name: body.name,
          role: body.role,
          departmentId: body.departmentId,
          disabled: false,
          failedAttempts: 0,
          lockedUntil: null,
          createdAt: now,
          createdBy: viewer.name,
        });
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/users/:name/disable',
      summary: '停用用户（并结束其会话）',
      roles: ADMIN,
      scope: 'city',
      params: z.object({ name: z.string().min(1).max(100) }),
      handler: async ({ params, viewer, request, reply }) => {
        if (params.name === viewer.name)
          throw new ApiFailure(409, 'conflict', '不能停用自己 (cannot disable yourself)');
        if (!(await disableUser(service.db, params.name))) throw notFound('该用户');
        await accounts.audit({
          userName: viewer.name,
          role: viewer.role,
          address: request.ip,
          action: 'user-disable',
          detail: { name: params.name },
        });
        return reply.code(204).send();
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/audit',
      summary: '审计日志（按用户、操作、时间筛选，分页，最新在前）',
      roles: ADMIN,
      scope: 'city',
      query: auditQuery,
      response: auditResponse,
      handler: async ({ query }) => {
        const page = await auditPage(service.db, filterOf(query), query.page, query.pageSize);
        return { ...page, page: query.page, pageSize: query.pageSize };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/audit/export.csv',
      summary: '审计日志导出 CSV',
      roles: ADMIN,
      scope: 'city',
      query: auditFilterQuery,
      produces: 'text/csv',
      handler: async ({ query, reply }) => {
        await sendCsv<AuditRow>(reply, '审计日志', await auditRows(service.db, filterOf(query)), [
          { header: '序号', kind: 'integer', value: (r) => r.id },
          { header: '时间', kind: 'text', value: (r) => r.at, width: 26 },
          { header: '用户', kind: 'text', value: (r) => r.userName },
          { header: '角色', kind: 'text', value: (r) => r.role },
          { header: '地址', kind: 'text', value: (r) => r.address },
          { header: '操作', kind: 'text', value: (r) => r.action },
          { header: '详情', kind: 'text', value: (r) => JSON.stringify(r.detail), width: 60 },
        ]);
        return reply;
      },
    }),
  ];
}
