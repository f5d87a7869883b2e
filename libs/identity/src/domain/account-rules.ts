import type { Role } from '@app/core/domain';

/** How long an admin-issued password reset token stays usable (handed to the user by the admin, out of band). */
export const PASSWORD_RESET_TTL_MS = 24 * 3_600_000;

export function passwordResetExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + PASSWORD_RESET_TTL_MS);
}

export type AccountChange = 'disable' | 'enable' | 'role';

export type AccountChangeRefusal =
  /** An admin may not disable themselves or change their own role: so one admin at least always remains. */
  | 'own-account'
  /** An applicant belongs to their organisation; staff roles are for staff users. */
  | 'applicant-role';

/** Why an admin may not make this change to this user, or null. */
export function accountChangeRefusal(callerId: string, target: { id: string; role: Role }, change: AccountChange): AccountChangeRefusal | null {
  if (change !== 'enable' && target.id === callerId) return 'own-account';
  if (change === 'role' && target.role === 'applicant') return 'applicant-role';
  return null;
}
