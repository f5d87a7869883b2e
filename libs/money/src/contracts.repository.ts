import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/core';

/** A contract as the officer sees it: its terms and its publication. */
export interface ContractView {
  applicationId: string;
  contractNumber: string;
  signedOn: string;
  bankAccount: string;
  amountCzk: number;
  /** The settlement deadline: the call's when the contract was recorded, unless set there or amended since. */
  settlementDueOn: string;
  publicationDueOn: string | null;
  publishedOn: string | null;
  publicationUrl: string | null;
}

/** The contract's row (the status it moves and the balances it leaves alone are ApplicationLifecycle's and BalancesRepository's). */
@Injectable()
export class ContractsRepository {
  /** A signed contract, not yet published. A second contract number in use is `grant_contract_number_key`. */
  async insert(manager: EntityManager, contract: Omit<ContractView, 'publishedOn' | 'publicationUrl'>, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO grant_contract (application_id, contract_number, signed_on, bank_account, amount_czk, publication_due_on, settlement_due_on, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [contract.applicationId, contract.contractNumber, contract.signedOn, contract.bankAccount, contract.amountCzk, contract.publicationDueOn, contract.settlementDueOn, at],
    );
  }

  /** Its publication in the register of contracts; none to publish is CONTRACT_REQUIRED. */
  async publish(manager: EntityManager, applicationId: string, publication: { publishedOn: string; url: string }): Promise<void> {
    const [, affected]: [unknown, number] = await manager.query(
      'UPDATE grant_contract SET published_on = $2, publication_url = $3 WHERE application_id = $1',
      [applicationId, publication.publishedOn, publication.url],
    );
    if (affected !== 1) throw new DomainError('CONTRACT_REQUIRED', 'The application has no contract to publish.');
  }

  /** An amendment of the settlement deadline; none to amend is CONTRACT_REQUIRED. */
  async setSettlementDueOn(manager: EntityManager, applicationId: string, settlementDueOn: string): Promise<void> {
    const [, affected]: [unknown, number] = await manager.query('UPDATE grant_contract SET settlement_due_on = $2 WHERE application_id = $1', [
      applicationId,
      settlementDueOn,
    ]);
    if (affected !== 1) throw new DomainError('CONTRACT_REQUIRED', 'The application has no contract to amend.');
  }

  async view(manager: EntityManager, applicationId: string): Promise<ContractView> {
    const [r]: {
      contract_number: string;
      signed_on: string;
      bank_account: string;
      amount_czk: string;
      settlement_due_on: string;
      publication_due_on: string | null;
      published_on: string | null;
      publication_url: string | null;
    }[] = await manager.query(
      `SELECT contract_number, signed_on::text AS signed_on, bank_account, amount_czk, settlement_due_on::text AS settlement_due_on,
              publication_due_on::text AS publication_due_on,
              published_on::text AS published_on, publication_url
         FROM grant_contract WHERE application_id = $1`,
      [applicationId],
    );
    return {
      applicationId,
      contractNumber: r.contract_number,
      signedOn: r.signed_on,
      bankAccount: r.bank_account,
      amountCzk: Number(r.amount_czk),
      settlementDueOn: r.settlement_due_on,
      publicationDueOn: r.publication_due_on,
      publishedOn: r.published_on,
      publicationUrl: r.publication_url,
    };
  }
}
