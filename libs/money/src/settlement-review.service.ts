import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationLifecycle } from '@app/applications';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { releaseEntries, returnDueEntries } from './domain/ledger';
import { checkSettlementReview, settlementReviewOutcome } from './domain/settlement.rules';
import { BalancesRepository } from './balances.repository';
import { LedgerWriter } from './ledger-writer.repository';
import { MoneyRepository } from './money.repository';
import { SettlementsRepository, type SettlementView } from './settlements.repository';

/**
 * The officer's review of a settlement: what is accepted; the rest of the
 * money paid is to be returned, the unpaid rest of the award goes back to the
 * part. Nothing to return closes the grant.
 */
@Injectable()
export class SettlementReviewService {
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

  async review(caller: AuthUser, applicationId: string, command: { acceptedCzk: number; note: string }): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId);
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      const violations = checkSettlementReview({
        status: app.status,
        paidCzk: app.paidCzk,
        returnedCzk: app.returnedCzk,
        spentCzk: app.settlement?.spentCzk ?? 0,
        acceptedCzk: command.acceptedCzk,
        note: command.note,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      const now = this.clock.now();
      const today = pragueDate(now);
      const outcome = settlementReviewOutcome({
        awardCzk: app.awardedCzk,
        paidCzk: app.paidCzk,
        returnedCzk: app.returnedCzk,
        acceptedCzk: command.acceptedCzk,
        reviewedOn: today,
      });
      const links = { callPartId: app.callPartId, applicationId };
      const reference = `settlement review of ${applicationId}`;
      if (outcome.releaseCzk > 0) {
        // The unpaid rest of the award goes back to the part.
        const tx = releaseEntries({ id: randomUUID(), occurredOn: today, reference, partId: app.callPartId, applicationId, amountCzk: outcome.releaseCzk });
        await this.ledger.post(manager, tx, links, caller.id, now);
      }
      if (outcome.returnDueCzk > 0) {
        const tx = returnDueEntries({ id: randomUUID(), occurredOn: today, reference, partId: app.callPartId, applicationId, amountCzk: outcome.returnDueCzk });
        await this.ledger.post(manager, tx, links, caller.id, now);
      }
      await this.balances.reviewed(manager, applicationId, app.callPartId, outcome);
      const note = command.note.trim() || null;
      await this.settlements.recordReview(manager, {
        applicationId,
        acceptedCzk: command.acceptedCzk,
        note,
        returnDueCzk: outcome.returnDueCzk,
        returnDueOn: outcome.returnDueOn,
        at: now,
        by: caller.id,
      });
      await this.lifecycle.changeStatus(manager, { applicationId, from: app.status, to: 'settled', at: now, by: caller.id, reason: note });
      if (outcome.returnDueCzk === 0) {
        await this.lifecycle.changeStatus(manager, { applicationId, from: 'settled', to: 'closed', at: now, by: caller.id, reason: 'nothing to return' });
      }
      const view = await this.settlements.view(manager, applicationId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'settlement.reviewed',
        entityType: 'application',
        entityId: applicationId,
        before: { status: app.status, awardedCzk: app.awardedCzk },
        after: { ...view, releasedCzk: outcome.releaseCzk },
      });
      return view;
    });
  }
}
