import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate, uniqueViolation } from '@app/core';
import { RegisteredAccounts } from '@app/identity';
import { checkContractAccount } from './domain/contract-account.rules';
import { checkContract, checkPublication, checkSettlementDeadlineChange, checkSettlementDueOn, publicationDueOn } from './domain/contract.rules';
import { ApplicationLifecycle } from '@app/applications';
import { ContractsRepository, type ContractView } from './contracts.repository';
import { MoneyRepository } from './money.repository';
import { StaffConflicts } from './staff-conflicts';

export type { ContractView } from './contracts.repository';

export interface ContractCommand {
  contractNumber: string;
  signedOn: string;
  /** Must be the organisation's registered account; omitted: the registered account. */
  bankAccount?: string;
  /** The settlement deadline; the call's when left out. */
  settlementDueOn?: string;
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
    private readonly registeredAccounts: RegisteredAccounts,
    private readonly conflicts: StaffConflicts,
  ) {}

  async sign(caller: AuthUser, applicationId: string, command: ContractCommand): Promise<ContractView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const app = await this.money.lockSubject(manager, applicationId);
        if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
        await this.conflicts.refuseAffiliated(manager, caller, app.organisationId, 'contract');
        const now = this.clock.now();
        const violations = checkContract({
          status: app.status,
          contractNumber: command.contractNumber,
          signedOn: command.signedOn,
          resolutionDate: app.resolutionDate ?? command.signedOn,
          today: pragueDate(now),
        });
        const registered = await this.registeredAccounts.lockedAccountOf(manager, app.organisationId);
        violations.push(...checkContractAccount({ requested: command.bankAccount, registered }));
        const settlementDueOn = command.settlementDueOn ?? app.settlementDueOn;
        violations.push(...checkSettlementDueOn({ settlementDueOn, signedOn: command.signedOn }));
        if (violations.length) throw DomainError.fromViolations(violations);
        const view: ContractView = {
          applicationId,
          contractNumber: command.contractNumber.trim(),
          signedOn: command.signedOn,
          bankAccount: registered!,
          amountCzk: app.awardedCzk,
          settlementDueOn,
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

  /** An amendment of the contract's settlement deadline, until the settlement is reviewed (409 CONTRACT_NOT_EDITABLE). */
  async amend(caller: AuthUser, applicationId: string, command: { settlementDueOn: string }): Promise<ContractView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId);
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      if (!app.contract) throw new DomainError('CONTRACT_REQUIRED', 'The application has no contract to amend.');
      const violations = checkSettlementDeadlineChange({ status: app.status, signedOn: app.contract.signedOn, settlementDueOn: command.settlementDueOn });
      if (violations.length) throw DomainError.fromViolations(violations);
      await this.contracts.setSettlementDueOn(manager, applicationId, command.settlementDueOn);
      const view = await this.contracts.view(manager, applicationId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'contract.amended',
        entityType: 'application',
        entityId: applicationId,
        before: { settlementDueOn: app.contract.settlementDueOn },
        after: { settlementDueOn: view.settlementDueOn },
      });
      return view;
    });
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
