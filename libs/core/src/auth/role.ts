export const ROLES = ['applicant', 'officer', 'commission', 'budget', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['officer', 'commission', 'budget', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is calling, as read from a verified token. */
export interface AuthUser {
  id: string;
  role: Role;
  organisationId: string | null;
}
