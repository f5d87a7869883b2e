import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrganisationKind } from './domain/organisation-kind';
import { OrganisationEntity } from './organisation.entity';

/** An organisation as registration writes it (the database gives its id and creation time). */
export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  ico: string;
  legalForm: string | null;
  street: string;
  city: string;
  postalCode: string;
  bankAccount: string | null;
}

/** The `organisation` table's reads and writes. */
@Injectable()
export class OrganisationsRepository {
  /** A unique violation `organisation_ico_key` when the IČO is registered already. */
  insert(manager: EntityManager, organisation: NewOrganisation): Promise<OrganisationEntity> {
    return manager.save(manager.create(OrganisationEntity, organisation));
  }

  findById(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return manager.findOneBy(OrganisationEntity, { id });
  }

  /** Those of `ids` that are registered organisations. */
  async existingIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM organisation WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }
}
