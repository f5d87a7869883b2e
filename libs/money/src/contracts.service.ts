import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate, uniqueViolation } from '@app/core';
import { isValidCzechBankAccount } from '@app/identity';
import { checkContract, checkPublication, publicationDueOn } from './domain/contract.rules';
import { ApplicationLifecycle } from '@app/applications';
import { MoneyRepository } from './money.repository';

export interface ContractCommand {
  contractNumber: string;
  signedOn: string;
  bankAccount: string;
}

export interface ContractView {
  applicationId: string;
  contractNumber: string;
  signedOn: string;
  bankAccount: string;
  amountCzk: number;
  publicationDueOn: string | null;
  publishedOn: string | null;
  publicationUrl: string | null;
}

/** The public-law contract of an approved application, and its publication (over CZK 50,000, within 30 days). */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async sign(caller: AuthUser, applicationId: string, command: ContractCommand): Promise<ContractView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const app = await this.money.lockSubject(manager, applicationId);
        if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
        const now = this.clock.now();
        const violations = checkContract({
          status: app.status,
          contractNumber: command.contractNumber,
          signedOn: command.signedOn,
          resolutionDate: app.resolutionDate ?? command.signedOn,
          today: pragueDate(now),
        });
        if (!isValidCzechBankAccount(command.bankAccount)) {
          violations.push({ code: 'INVALID_BANK_ACCOUNT', field: 'bankAccount', message: 'is not a valid Czech bank account (prefix-number/bank code with checksums)' });
        }
        if (violations.length) throw DomainError.fromViolations(violations);
        const view: ContractView = {
          applicationId,
          contractNumber: command.contractNumber.trim(),
          signedOn: command.signedOn,
          bankAccount: command.bankAccount,
          amountCzk: app.awardedCzk,
          publicationDueOn: publicationDueOn(command.signedOn, app.awardedCzk),
          publishedOn: null,
          publicationUrl: null,
        };
        await manager.query(
          `INSERT INTO grant_contract (application_id, contract_number, signed_on, bank_account, amount_czk, publication_due_on, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [applicationId, view.contractNumber, view.signedOn, view.bankAccount, view.amountCzk, view.publicationDueOn, now],
        );
        await this.lifecycle.changeStatus(manager, { applicationId, from: app.status, to: 'contracted', at: now, by: caller.id, reason: `contract ${view.contractNumber}` });
        await this.audit.append(manager, {
          actor: caller,
          action: 'application.contracted',
          entityType: 'application',
          entityId: applicationId,
          before: { status: app.status },
          after: { status: 'contracted', contract: view },
        });
        return view;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'grant_contract_number_key') {
        throw new DomainError('CONTRACT_NUMBER_TAKEN', `Contract number ${command.contractNumber} is already used.`, [
          { field: 'contractNumber', message: 'is already used by another contract' },
        ]);
      }
      throw error;
    }
  }

  async publish(caller: AuthUser, applicationId: string, command: { publishedOn: string; url: string }): Promise<ContractView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId);
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      if (!app.contract) throw new DomainError('CONTRACT_REQUIRED', 'The application has no contract to publish.');
      const violations = checkPublication({ signedOn: app.contract.signedOn, publishedOn: command.publishedOn, url: command.url, today: pragueDate(this.clock.now()) });
      if (violations.length) throw DomainError.fromViolations(violations);
      await manager.query('UPDATE grant_contract SET published_on = $2, publication_url = $3 WHERE application_id = $1', [
        applicationId,
        command.publishedOn,
        command.url,
      ]);
      const view = await this.view(manager, applicationId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'contract.published',
        entityType: 'application',
        entityId: applicationId,
        before: { publishedOn: app.contract.publishedOn },
        after: { publishedOn: command.publishedOn, url: command.url },
      });
      return view;
    });
  }

  private async view(manager: EntityManager, applicationId: string): Promise<ContractView> {
    const [r]: {
      contract_number: string;
      signed_on: string;
      bank_account: string;
      amount_czk: string;
      publication_due_on: string | null;
      published_on: string | null;
      publication_url: string | null;
    }[] = await manager.query(
      `SELECT contract_number, signed_on::text AS signed_on, bank_account, amount_czk, publication_due_on::text AS publication_due_on,
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
      publicationDueOn: r.publication_due_on,
      publishedOn: r.published_on,
      publicationUrl: r.publication_url,
    };
  }
}
