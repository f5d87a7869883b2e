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

/** An organisation's row locked for a change of its bank account. */
export interface LockedOrganisation {
  id: string;
  name: string;
  ico: string;
  bankAccount: string | null;
}

/**
 * The `organisation` table's reads and writes, and the history of its
 * registered bank account (`organisation_bank_account`), which changes with it.
 */
@Injectable()
export class OrganisationsRepository {
  /**
   * A unique violation `organisation_ico_key` when the IČO is registered already.
   * The account given at registration is registered from `at`.
   */
  async insert(manager: EntityManager, organisation: NewOrganisation, at: Date): Promise<OrganisationEntity> {
    const saved = await manager.save(manager.create(OrganisationEntity, organisation));
    if (organisation.bankAccount !== null) {
      await manager.query('INSERT INTO organisation_bank_account (organisation_id, bank_account, valid_from) VALUES ($1, $2, $3)', [
        saved.id,
        organisation.bankAccount,
        at,
      ]);
    }
    return saved;
  }

  findById(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return manager.findOneBy(OrganisationEntity, { id });
  }

  /** Those of `ids` that are registered organisations. */
  async existingIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM organisation WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** The organisation locked against a concurrent change of its account (null: none such). */
  async lockForUpdate(manager: EntityManager, id: string): Promise<LockedOrganisation | null> {
    const rows: { id: string; name: string; ico: string; bank_account: string | null }[] = await manager.query(
      'SELECT id, name, ico, bank_account FROM organisation WHERE id = $1 FOR UPDATE',
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, name: r.name, ico: r.ico, bankAccount: r.bank_account } : null;
  }

  /**
   * The registered account, the row share-locked until the caller's transaction
   * ends: a confirmation of a change waits for a contract or payment that read
   * the account, and they wait for it. `undefined`: no such organisation.
   */
  async registeredAccountForShare(manager: EntityManager, id: string): Promise<string | null | undefined> {
    const rows: { bank_account: string | null }[] = await manager.query('SELECT bank_account FROM organisation WHERE id = $1 FOR SHARE', [id]);
    return rows.length === 0 ? undefined : rows[0].bank_account;
  }

  /**
   * Registers `bankAccount` from `at` (the confirmed request `requestId`): the
   * current period ends, a new one starts and the organisation row shows it.
   * Call with the organisation locked (lockForUpdate).
   */
  async changeBankAccount(manager: EntityManager, id: string, bankAccount: string, requestId: string, at: Date): Promise<void> {
    await manager.query('UPDATE organisation_bank_account SET valid_until = $2 WHERE organisation_id = $1 AND valid_until IS NULL', [id, at]);
    await manager.query('INSERT INTO organisation_bank_account (organisation_id, bank_account, valid_from, request_id) VALUES ($1, $2, $3, $4)', [
      id,
      bankAccount,
      at,
      requestId,
    ]);
    await manager.query('UPDATE organisation SET bank_account = $2 WHERE id = $1', [id, bankAccount]);
  }
}
