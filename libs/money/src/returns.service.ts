import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationLifecycle } from '@app/applications';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { applicationAccount, penaltyPaymentEntries, returnEntries } from './domain/ledger';
import { reviewDebts, type Debt } from './domain/penalty';
import { checkReturnAccepted, closesWhenNothingOwed, decideReturn } from './domain/settlement.rules';
import { BalancesRepository } from './balances.repository';
import { LedgerWriter } from './ledger-writer.repository';
import { MoneyRepository, type MoneySubject } from './money.repository';
import { SettlementPenalties } from './settlement-penalties';
import { SettlementsRepository } from './settlements.repository';

export interface ReturnCommand {
  amountCzk: number;
  receivedOn: string;
  reference: string;
}

export interface ReturnView {
  id: string;
  applicationId: string;
  amountCzk: number;
  receivedOn: string;
  reference: string;
  returnDueCzk: number;
  penaltyLeviedCzk: number;
  penaltyDueCzk: number;
  status: string;
}

/**
 * Money received back, recorded by the Budget Department. It settles what the
 * review claimed first, then (once that is paid) a §22 penalty levied for
 * lateness; before the review it is a voluntary return of money still held.
 * The application closes when nothing is owed.
 */
@Injectable()
export class ReturnsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly settlements: SettlementsRepository,
    private readonly balances: BalancesRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly ledger: LedgerWriter,
    private readonly penalties: SettlementPenalties,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async recordReturn(caller: AuthUser, applicationId: string, command: ReturnCommand): Promise<ReturnView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId);
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      const refused = checkReturnAccepted(app.status);
      if (refused.length) throw DomainError.fromViolations(refused);
      const now = this.clock.now();
      const today = pragueDate(now);
      const penaltyAccount = applicationAccount(app.callPartId, applicationId, 'penalty_due');
      const penaltyDue = await this.money.accountBalance(manager, penaltyAccount);
      const reference = command.reference.trim();
      const links = { callPartId: app.callPartId, applicationId };
      const id = randomUUID();
      const receipt = { id, applicationId, amountCzk: command.amountCzk, receivedOn: command.receivedOn, reference, at: now, by: caller.id };
      // The rules decide what the money does; the writers apply it.
      const { violations, effect } = decideReturn({
        amountCzk: command.amountCzk,
        receivedOn: command.receivedOn,
        today,
        returnDueCzk: app.returnDueCzk,
        penaltyDueCzk: penaltyDue,
        // Before the review the recipient may send back money it holds; after it, only what the review claimed.
        heldCzk: app.settlement?.reviewedAt ? 0 : app.paidCzk - app.returnedCzk - app.returnDueCzk,
      });
      if (!effect) throw DomainError.fromViolations(violations);
      const movement = { id: randomUUID(), occurredOn: command.receivedOn, reference, partId: app.callPartId, applicationId };
      const tx =
        effect.kind === 'penalty_payment'
          ? penaltyPaymentEntries({ ...movement, amountCzk: effect.penaltyPaidCzk })
          : returnEntries({ ...movement, amountCzk: effect.returnedCzk, returnDueCzk: app.returnDueCzk });
      await this.ledger.post(manager, tx, links, caller.id, now);
      if (effect.kind === 'return') {
        await this.balances.returned(manager, applicationId, app.callPartId, { returnedCzk: effect.returnedCzk, fromDueCzk: effect.fromDueCzk });
      }
      await this.settlements.insertReturn(manager, { ...receipt, ledgerTransactionId: tx.id });
      const penaltyLevied = effect.completesClaim
        ? await this.penalties.levy(manager, { applicationId, callPartId: app.callPartId, debts: debtsOf(app) }, now, caller.id)
        : 0;
      const penaltyNowDue = penaltyDue + penaltyLevied - effect.penaltyPaidCzk;
      let status = app.status;
      if (closesWhenNothingOwed({ status: app.status, stillDueCzk: effect.stillDueCzk, penaltyDueCzk: penaltyNowDue })) {
        await this.lifecycle.changeStatus(manager, { applicationId, from: 'settled', to: 'closed', at: now, by: caller.id, reason: 'nothing owed' });
        status = 'closed';
      }
      const view: ReturnView = {
        id,
        applicationId,
        amountCzk: command.amountCzk,
        receivedOn: command.receivedOn,
        reference,
        returnDueCzk: effect.stillDueCzk,
        penaltyLeviedCzk: penaltyLevied,
        penaltyDueCzk: penaltyNowDue,
        status,
      };
      await this.audit.append(manager, {
        actor: caller,
        action: 'return.recorded',
        entityType: 'application',
        entityId: applicationId,
        before: { status: app.status, returnDueCzk: app.returnDueCzk, returnedCzk: app.returnedCzk, penaltyDueCzk: penaltyDue },
        after: view,
      });
      return view;
    });
  }
}

/** What the reviewed settlement left owing: the unspent money by the contract's settlement deadline, the refused money by the remedy deadline. */
function debtsOf(app: MoneySubject): Debt[] {
  const s = app.settlement;
  if (!s?.reviewedAt || s.unspentCzk === null || s.refusedCzk === null) return [];
  // The amounts as the review recorded them.
  return reviewDebts({ unspentCzk: s.unspentCzk, refusedCzk: s.refusedCzk, settlementDueOn: app.settlementDueOn, remedyDueOn: s.remedyDueOn });
}
