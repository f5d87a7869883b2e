import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationLifecycle } from '@app/applications';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { applicationAccount, penaltyEntries, penaltyPaymentEntries, returnEntries } from './domain/ledger';
import { assessPenalty } from './domain/penalty';
import { checkReturnAccepted, closesWhenNothingOwed, decideReturn } from './domain/settlement.rules';
import { BalancesRepository } from './balances.repository';
import { LedgerWriter } from './ledger-writer.repository';
import { MoneyRepository, type MoneySubject } from './money.repository';
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
      const penaltyLevied = effect.completesClaim ? await this.levyPenalty(manager, app, now, caller.id) : 0;
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

  /** §22: once the claimed return is complete, the penalty for the late parts of it (none when ≤ CZK 1,000). */
  private async levyPenalty(manager: EntityManager, app: MoneySubject, now: Date, by: string): Promise<number> {
    const dueOn = app.settlement?.returnDueOn;
    const owed = app.settlement?.returnDueAtReviewCzk ?? 0;
    const reviewedAt = app.settlement?.reviewedAt;
    if (!dueOn || owed === 0 || !reviewedAt) return 0;
    const receipts = await this.settlements.returnsSince(manager, app.applicationId, reviewedAt);
    const assessment = assessPenalty({ owedCzk: owed, dueOn, returns: receipts, asOf: receipts.at(-1)?.receivedOn ?? pragueDate(now) });
    if (assessment.penaltyCzk === 0) return 0;
    const tx = penaltyEntries({
      id: randomUUID(),
      occurredOn: pragueDate(now),
      reference: `§22 penalty: ${assessment.lateCzk} CZK returned late after ${dueOn}`,
      partId: app.callPartId,
      applicationId: app.applicationId,
      amountCzk: assessment.penaltyCzk,
    });
    await this.ledger.post(manager, tx, { callPartId: app.callPartId, applicationId: app.applicationId }, by, now);
    return assessment.penaltyCzk;
  }
}
