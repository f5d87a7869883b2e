import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate, uniqueViolation } from '@app/core';
import { isValidCzechBankAccount } from '@app/identity';
import { checkContract, checkPublication, publicationDueOn } from './domain/contract.rules';
import { ApplicationLifecycle } from '@app/applications';
import { ContractsRepository, type ContractView } from './contracts.repository';
import { MoneyRepository } from './money.repository';

export type { ContractView } from './contracts.repository';

export interface ContractCommand {
  contractNumber: string;
  signedOn: string;
  bankAccount: string;
}

/** The public-law contract of an approved application, and its publication (over CZK 50,000, within 30 days). */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly contracts: ContractsRepository,
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
        await this.contracts.insert(manager, view, now);
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
      await this.contracts.publish(manager, applicationId, command);
      const view = await this.contracts.view(manager, applicationId);
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
}
