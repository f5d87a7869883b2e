import type { Role } from '@app/core/domain';

/**
 * Who may list which users: an admin every user; an officer only commission
 * members (to seat a call's DOT Commission, and to see their affiliations);
 * nobody else.
 */
export function mayListUsers(callerRole: Role, roleFilter: Role | undefined): boolean {
  if (callerRole === 'admin') return true;
  return callerRole === 'officer' && roleFilter === 'commission';
}
