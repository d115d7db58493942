/**
 * The account rules' knobs, with the defaults docs/security.md states. `now` is injectable so the
 * idle and lockout timeouts can be tested without waiting half an hour.
 */
export interface AccountOptions {
  /** A session unused for this long is gone (minutes). */
  idleMinutes: number;
  /** A session older than this is gone however busy it is (hours). */
  absoluteHours: number;
  /** Consecutive failed sign-ins that lock an account. */
  maxFailures: number;
  /** How long a locked account stays locked (minutes). */
  lockMinutes: number;
  /** Sign-in attempts per address per window (@fastify/rate-limit), before any password check. */
  signInRateLimit: { max: number; windowMs: number };
  now: () => number;
}

export const DEFAULT_ACCOUNT_OPTIONS: AccountOptions = {
  idleMinutes: 30,
  absoluteHours: 12,
  maxFailures: 5,
  lockMinutes: 15,
  signInRateLimit: { max: 20, windowMs: 60_000 },
  now: () => Date.now(),
};

export function accountOptions(partial: Partial<AccountOptions> = {}): AccountOptions {
  return { ...DEFAULT_ACCOUNT_OPTIONS, ...partial };
}

/** The session cookie's name (no `__Host-` prefix: that would demand Secure on plain-HTTP demos). */
export const SESSION_COOKIE = 'xn_session';
