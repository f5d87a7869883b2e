import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationLifecycle } from '@app/applications';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { releaseEntries, returnDueEntries } from './domain/ledger';
import { reviewDebts } from './domain/penalty';
import { checkSettlementReview, settlementReviewOutcome } from './domain/settlement.rules';
import { BalancesRepository } from './balances.repository';
import { LedgerWriter } from './ledger-writer.repository';
import { MoneyRepository } from './money.repository';
import { SettlementPenalties } from './settlement-penalties';
import { SettlementsRepository, type SettlementView } from './settlements.repository';
import { StaffConflicts } from './staff-conflicts';

export interface SettlementReviewCommand {
  acceptedCzk: number;
  note: string;
  /** The deadline for returning what the review refuses; 30 days after the review when left out. */
  remedyDueOn?: string;
}

/**
 * The officer's review of a settlement: what is accepted; the rest of the
 * money paid is to be returned — the unspent money by the contract's
 * settlement deadline, what the review refuses by the remedy deadline it sets
 * —, the unpaid rest of the award goes back to the part. When nothing is left
 * to return, the §22 penalty for what came back late (e.g. with a late
 * settlement) is levied now; nothing owed at all closes the grant.
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
    private readonly penalties: SettlementPenalties,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly conflicts: StaffConflicts,
  ) {}

  async review(caller: AuthUser, applicationId: string, command: SettlementReviewCommand): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId);
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      await this.conflicts.refuseAffiliated(manager, caller, app.organisationId, 'review_settlement');
      const now = this.clock.now();
      const today = pragueDate(now);
      const spentCzk = app.settlement?.spentCzk ?? 0;
      const violations = checkSettlementReview({
        status: app.status,
        paidCzk: app.paidCzk,
        returnedCzk: app.returnedCzk,
        spentCzk,
        acceptedCzk: command.acceptedCzk,
        note: command.note,
        remedyDueOn: command.remedyDueOn,
        today,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      const outcome = settlementReviewOutcome({
        awardCzk: app.awardedCzk,
        paidCzk: app.paidCzk,
        returnedCzk: app.returnedCzk,
        spentCzk,
        acceptedCzk: command.acceptedCzk,
        reviewedOn: today,
        settlementDueOn: app.settlementDueOn,
        remedyDueOn: command.remedyDueOn,
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
        unspentCzk: outcome.unspentCzk,
        refusedCzk: outcome.refusedCzk,
        remedyDueOn: outcome.remedyDueOn,
        at: now,
        by: caller.id,
      });
      await this.lifecycle.changeStatus(manager, { applicationId, from: app.status, to: 'settled', at: now, by: caller.id, reason: note });
      let penaltyLeviedCzk = 0;
      if (outcome.returnDueCzk === 0) {
        // Everything owed is already back: money that came back late (e.g. with a late settlement) carries its penalty now.
        const debts = reviewDebts({ ...outcome, settlementDueOn: app.settlementDueOn });
        penaltyLeviedCzk = await this.penalties.levy(manager, { applicationId, callPartId: app.callPartId, debts }, now, caller.id);
        if (penaltyLeviedCzk === 0) {
          await this.lifecycle.changeStatus(manager, { applicationId, from: 'settled', to: 'closed', at: now, by: caller.id, reason: 'nothing to return' });
        }
      }
      const view = await this.settlements.view(manager, applicationId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'settlement.reviewed',
        entityType: 'application',
        entityId: applicationId,
        before: { status: app.status, awardedCzk: app.awardedCzk },
        after: { ...view, releasedCzk: outcome.releaseCzk, penaltyLeviedCzk },
      });
      return view;
    });
  }
}
