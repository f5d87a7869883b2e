import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrganisationsRepository } from './organisations.repository';

/**
 * The organisation's registered bank account, for money's contracts and
 * payments inside their own transaction. The organisation's row stays
 * share-locked until that transaction ends, so a confirmation of a change
 * cannot slip between reading the account and using it.
 */
@Injectable()
export class RegisteredAccounts {
  constructor(private readonly organisations: OrganisationsRepository) {}

  /** The account; null when the organisation has none registered (or does not exist). */
  async lockedAccountOf(manager: EntityManager, organisationId: string): Promise<string | null> {
    return (await this.organisations.registeredAccountForShare(manager, organisationId)) ?? null;
  }
}

/** RegisteredAccounts alone, for a library that needs nothing else of identity. */
@Module({ providers: [RegisteredAccounts, OrganisationsRepository], exports: [RegisteredAccounts] })
export class RegisteredAccountsModule {}
