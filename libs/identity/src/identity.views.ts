import type { Role } from '@app/core';
import type { OrganisationKind } from './domain/organisation-kind';
import type { OrganisationEntity } from './organisation.entity';
import type { UserEntity } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  organisationId: string | null;
}

export interface OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  ico: string;
  legalForm: string | null;
  address: { street: string; city: string; postalCode: string };
  bankAccount: string | null;
  createdAt: string;
}

export function toUserView(u: UserEntity): UserView {
  return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, organisationId: u.organisationId };
}

export function toOrganisationView(o: OrganisationEntity): OrganisationView {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    ico: o.ico,
    legalForm: o.legalForm,
    address: { street: o.street, city: o.city, postalCode: o.postalCode },
    bankAccount: o.bankAccount,
    createdAt: o.createdAt.toISOString(),
  };
}
