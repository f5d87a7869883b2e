import type { components } from '../../api/schema.gen';

export const ADMIN_HOME = '/administration';

export type Role = components['schemas']['UserResponse']['role'];
export type StaffRole = components['schemas']['NewStaffUserRequest']['role'];

export const ROLES: readonly Role[] = ['officer', 'commission', 'budget', 'admin', 'applicant'];
export const STAFF_ROLES: readonly StaffRole[] = ['officer', 'commission', 'budget', 'admin'];
