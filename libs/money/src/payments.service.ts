import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { RegisteredAccounts } from '@app/identity';
import { paymentEntries } from './domain/ledger';
import { checkPayment } from './domain/payment.rules';
import { BalancesRepository } from './balances.repository';
import { LedgerWriter } from './ledger-writer.repository';
import { MoneyRepository } from './money.repository';
import { PaymentsRepository } from './payments.repository';
import { StaffConflicts } from './staff-conflicts';

export interface PaymentCommand {
  amountCzk: number;
  paidOn: string;
  paymentReference: string;
}

export interface PaymentView {
  id: string;
  applicationId: string;
  amountCzk: number;
  paidOn: string;
  paymentReference: string;
  bankAccount: string;
  paidTotalCzk: number;
  awardCzk: number;
}

/**
 * A payment by the Budget Department: only with a contract, always to the
 * organisation's registered account (the contract's, unless the organisation
 * has since changed it, confirmed by a second person), all instalments
 * together never above the award. The application row is locked, and the
 * cached balances have CHECKs (paid ≤ awarded, part paid ≤ committed) as the
 * second line.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly balances: BalancesRepository,
    private readonly payments: PaymentsRepository,
    private readonly ledger: LedgerWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly registeredAccounts: RegisteredAccounts,
    private readonly conflicts: StaffConflicts,
  ) {}

  async pay(caller: AuthUser, applicationId: string, command: PaymentCommand): Promise<PaymentView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId);
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      await this.conflicts.refuseAffiliated(manager, caller, app.organisationId, 'pay');
      const now = this.clock.now();
      const violations = checkPayment({
        hasContract: app.contract !== null,
        awardCzk: app.awardedCzk,
        paidSoFarCzk: app.paidCzk,
        amountCzk: command.amountCzk,
        paidOn: command.paidOn,
        signedOn: app.contract?.signedOn ?? null,
        today: pragueDate(now),
        status: app.status,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      const bankAccount = await this.registeredAccounts.lockedAccountOf(manager, app.organisationId);
      if (bankAccount === null) {
        throw new DomainError('BANK_ACCOUNT_NOT_REGISTERED', 'The organisation has no registered bank account to pay to; its user asks for one and an officer confirms it.');
      }
      const id = randomUUID();
      const tx = paymentEntries({
        id: randomUUID(),
        occurredOn: command.paidOn,
        reference: command.paymentReference.trim(),
        partId: app.callPartId,
        applicationId,
        amountCzk: command.amountCzk,
      });
      await this.balances.paid(manager, applicationId, app.callPartId, command.amountCzk);
      await this.ledger.post(manager, tx, { callPartId: app.callPartId, applicationId }, caller.id, now);
      await this.payments.insert(manager, {
        id,
        applicationId,
        amountCzk: command.amountCzk,
        paidOn: command.paidOn,
        paymentReference: command.paymentReference.trim(),
        bankAccount,
        ledgerTransactionId: tx.id,
        at: now,
        by: caller.id,
      });
      const view: PaymentView = {
        id,
        applicationId,
        amountCzk: command.amountCzk,
        paidOn: command.paidOn,
        paymentReference: command.paymentReference.trim(),
        bankAccount,
        paidTotalCzk: app.paidCzk + command.amountCzk,
        awardCzk: app.awardedCzk,
      };
      await this.audit.append(manager, {
        actor: caller,
        action: 'payment.recorded',
        entityType: 'application',
        entityId: applicationId,
        before: { paidCzk: app.paidCzk },
        after: view,
      });
      return view;
    });
  }
}
