/**
 * Accounts as the service uses them: sign-in (with lockout), sign-out, and the Authenticator that
 * turns a request's session cookie into a Viewer. The viewer of a request is computed once and
 * kept for the request, so the route, the export audit hook and the CSRF hook agree on who it is.
 */
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../http/app';
import type { Viewer } from '../http/viewer';
import type { SupervisionService } from '../service';
import type { Database } from '../store/database';
import { appendAudit, type AuditEntry } from './audit';
import { departmentsUnder } from './department-scope';
import { accountOptions, SESSION_COOKIE, type AccountOptions } from './options';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession, endSession, pruneSessions, sessionUser } from './sessions';
import { findUser, recordFailure, recordSuccess, type StoredUser } from './users';

export type SignInResult = { ok: true; sessionId: string } | { ok: false };

export class Accounts implements Authenticator {
  readonly options: AccountOptions;
  private readonly viewers = new WeakMap<FastifyRequest, Promise<Viewer | null>>();

  constructor(
    private readonly service: SupervisionService,
    options: Partial<AccountOptions> = {},
  ) {
    this.options = accountOptions(options);
  }

  private get db(): Database {
    return this.service.db;
  }

  audit(entry: AuditEntry): Promise<void> {
    return appendAudit(this.db, entry, this.options.now());
  }

  /** The viewer of a user: a liaison sees their department and the units below it. */
  viewerOfUser(user: StoredUser): Viewer {
    if (user.role !== 'liaison' || user.departmentId === null) {
      return { name: user.name, role: user.role, departmentId: null, departments: null };
    }
    // Before the first evaluation the department tree is unknown: the own department only.
    const departments = this.service.evaluated?.dataset.departments;
    return {
      name: user.name,
      role: user.role,
      departmentId: user.departmentId,
      departments:
        departments === undefined
          ? new Set([user.departmentId])
          : departmentsUnder(departments, user.departmentId),
    };
  }

  viewerOf(request: FastifyRequest): Promise<Viewer | null> {
    let v = this.viewers.get(request);
    if (v === undefined) {
      v = this.lookUp(request);
      this.viewers.set(request, v);
    }
    return v;
  }

  private async lookUp(request: FastifyRequest): Promise<Viewer | null> {
    const id = request.cookies[SESSION_COOKIE];
    if (id === undefined) return null;
    const user = await sessionUser(this.db, id, this.options);
    return user === null ? null : this.viewerOfUser(user);
  }

  /**
   * Checks a name and password. Every failure looks the same to the caller (unknown name, wrong
   * password, disabled, locked); the audit log records which it was.
   */
  async signIn(name: string, password: string, address: string): Promise<SignInResult> {
    const now = this.options.now();
    const user = await findUser(this.db, name);
    // Always run scrypt, so an unknown name costs as much time as a wrong password.
    const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    const fail = async (reason: string): Promise<SignInResult> => {
      await this.audit({
        userName: name,
        role: user?.role ?? null,
        address,
        action: 'sign-in-failed',
        detail: { reason },
      });
      return { ok: false };
    };
    if (user === null) return fail('unknown-user');
    if (user.disabled) return fail('disabled');
    if (user.lockedUntil !== null && user.lockedUntil > now) return fail('locked');
    if (!matches) {
      const lockedUntil = now + this.options.lockMinutes * 60_000;
      const { locked } = await recordFailure(this.db, name, this.options.maxFailures, lockedUntil);
      const result = await fail('wrong-password');
      if (locked) {
        await this.audit({
          userName: name,
          role: user.role,
          address,
          action: 'lockout',
          detail: {
            failures: this.options.maxFailures,
            until: new Date(lockedUntil).toISOString(),
          },
        });
      }
      return result;
    }
    await recordSuccess(this.db, name);
    await pruneSessions(this.db, this.options);
    const sessionId = await createSession(this.db, name, now);
    await this.audit({ userName: name, role: user.role, address, action: 'sign-in', detail: {} });
    return { ok: true, sessionId };
  }

  /** Ends the request's session, if any, and audits it. */
  async signOut(request: FastifyRequest): Promise<void> {
    const id = request.cookies[SESSION_COOKIE];
    if (id === undefined) return;
    const viewer = await this.viewerOf(request);
    const userName = await endSession(this.db, id);
    if (userName === null) return;
    await this.audit({
      userName,
      role: viewer?.role ?? null,
      address: request.ip,
      action: 'sign-out',
      detail: {},
    });
  }
}
