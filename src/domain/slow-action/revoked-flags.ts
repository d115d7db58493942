/**
 * Case-level flags revoked by a 督办 decision (撤销 on appeal): the case's flag of that rule no
 * longer counts — in the slow-action list and its counts, the department flag counts and the
 * ranking's 慢作为率. A flag is identified by its case and rule; both the service and the
 * ranking scan ask this one key.
 */
import type { SlowActionCode, SlowActionFlag } from './types';

/** The identity of a case-level flag: its case and its rule. */
export function caseFlagKey(caseId: string, code: SlowActionCode): string {
  return `${code}\u0000${caseId}`;
}

/** Whether `f` is one of the revoked flags (department-level flags are never revoked this way). */
export function isRevokedFlag(f: SlowActionFlag, revoked: ReadonlySet<string>): boolean {
  return f.caseId !== null && revoked.size > 0 && revoked.has(caseFlagKey(f.caseId, f.code));
}
