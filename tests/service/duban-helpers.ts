/**
 * Viewers for the 督办 tests. Until accounts land every request is the admin SYSTEM_VIEWER; these
 * tests start the service with an authenticator that reads the viewer from an `x-test-viewer`
 * header (`supervisor`, `supervisor2`, `leader`, `liaison:<departmentId>`), so the routes see real roles.
 */
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../../server/http/app';
import { SYSTEM_VIEWER, type Viewer } from '../../server/http/viewer';

export const SUPERVISOR: Viewer = {
  name: '督查员甲',
  role: 'supervisor',
  departmentId: null,
  departments: null,
};

export const SUPERVISOR_B: Viewer = { ...SUPERVISOR, name: '督查员乙' };

export const LEADER: Viewer = {
  name: '领导',
  role: 'leader',
  departmentId: null,
  departments: null,
};

export function liaisonOf(departmentId: string): Viewer {
  return {
    name: `联络员@${departmentId}`,
    role: 'liaison',
    departmentId,
    departments: new Set([departmentId]),
  };
}

export function viewerHeader(v: Viewer): string {
  if (v === SUPERVISOR_B) return 'supervisor2';
  return v.role === 'liaison' ? `liaison:${encodeURIComponent(v.departmentId ?? '')}` : v.role;
}

export const testAuth: Authenticator = {
  viewerOf: (request: FastifyRequest) => {
    const h = request.headers['x-test-viewer'];
    if (typeof h !== 'string') return Promise.resolve(SYSTEM_VIEWER);
    if (h === 'supervisor') return Promise.resolve(SUPERVISOR);
    if (h === 'supervisor2') return Promise.resolve(SUPERVISOR_B);
    if (h === 'leader') return Promise.resolve(LEADER);
    if (h.startsWith('liaison:')) return Promise.resolve(liaisonOf(decodeURIComponent(h.slice(8))));
    return Promise.resolve(null);
  },
};

export interface Answer {
  status: number;
  body: unknown;
}

/** A JSON request as `viewer` (the default viewer when omitted). */
export async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  viewer?: Viewer,
  body?: unknown,
): Promise<Answer> {
  // Same-origin, as a browser sends it (state-changing requests without it are refused as CSRF).
  const headers: Record<string, string> = { origin: base };
  if (viewer) headers['x-test-viewer'] = viewerHeader(viewer);
  if (body !== undefined) headers['content-type'] = 'application/json';
  // A browser sends its Origin; the service refuses state-changing requests without it (CSRF).
  headers['origin'] = base;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}
