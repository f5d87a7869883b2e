import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate, toSafeNumber } from '@app/core';
import { applicationAccount, penaltyEntries, penaltyPaymentEntries, releaseEntries, returnDueEntries, returnEntries } from './domain/ledger';
import { assessPenalty } from './domain/penalty';
import { checkReturn, checkReturnAccepted, checkSettlement, checkSettlementReview, settlementReviewOutcome, type SettlementLine } from './domain/settlement.rules';
import { LedgerWriter } from './ledger.writer';
import { ApplicationLifecycle } from '@app/applications';
import { MoneyRepository, type MoneySubject } from './money.repository';

export interface SettlementCommand {
  spentCzk: number;
  lines: SettlementLine[];
  report: string;
}

export interface SettlementView {
  applicationId: string;
  status: string;
  spentCzk: number;
  lines: SettlementLine[];
  report: string;
  paidCzk: number;
  acceptedCzk: number | null;
  returnDueCzk: number | null;
  returnDueOn: string | null;
}

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
 * The end of a grant: the recipient's settlement, the officer's review (what
 * is accepted; the rest of the money paid is to be returned, the unpaid rest
 * of the award goes back to the part), and returns recorded by the Budget
 * Department, with the §22 penalty when the return came late.
 */
@Injectable()
export class SettlementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly ledger: LedgerWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async submit(caller: AuthUser, applicationId: string, command: SettlementCommand): Promise<SettlementView> {
    if (caller.role !== 'applicant' || !caller.organisationId) throw new DomainError('FORBIDDEN', 'Only the recipient submits its settlement.');
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId, caller.organisationId!);
      if (!app) throw new DomainError('NOT_FOUND', 'No such application.');
      const violations = checkSettlement({
        status: app.status,
        paidCzk: app.paidCzk,
        returnedCzk: app.returnedCzk,
        spentCzk: command.spentCzk,
        lines: command.lines,
        report: command.report,
        budgetCategories: app.budgetCategories,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO settlement (application_id, spent_czk, lines, report, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [applicationId, command.spentCzk, JSON.stringify(command.lines), command.report, now, caller.id],
      );
      await this.lifecycle.changeStatus(manager, { applicationId, from: app.status, to: 'settlement_submitted', at: now, by: caller.id });
      const view = await this.view(manager, applicationId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'settlement.submitted',
        entityType: 'application',
        entityId: applicationId,
        before: { status: app.status },
        after: view,
      });
      return view;
    });
  }

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
        await manager.query('UPDATE call_part SET committed_czk = committed_czk - $2 WHERE id = $1', [app.callPartId, outcome.releaseCzk]);
      }
      if (outcome.returnDueCzk > 0) {
        const tx = returnDueEntries({ id: randomUUID(), occurredOn: today, reference, partId: app.callPartId, applicationId, amountCzk: outcome.returnDueCzk });
        await this.ledger.post(manager, tx, links, caller.id, now);
      }
      await manager.query(
        `UPDATE application SET awarded_czk = awarded_czk - $2, return_due_czk = $3, updated_at = now() WHERE id = $1`,
        [applicationId, outcome.releaseCzk, outcome.returnDueCzk],
      );
      await manager.query(
        `UPDATE settlement SET accepted_czk = $2, review_note = $3, return_due_czk = $4, return_due_on = $5, reviewed_at = $6, reviewed_by = $7
          WHERE application_id = $1`,
        [applicationId, command.acceptedCzk, command.note.trim() || null, outcome.returnDueCzk, outcome.returnDueOn, now, caller.id],
      );
      await this.lifecycle.changeStatus(manager, { applicationId, from: app.status, to: 'settled', at: now, by: caller.id, reason: command.note.trim() || null });
      if (outcome.returnDueCzk === 0) {
        await this.lifecycle.changeStatus(manager, { applicationId, from: 'settled', to: 'closed', at: now, by: caller.id, reason: 'nothing to return' });
      }
      const view = await this.view(manager, applicationId);
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

  /**
   * Money received back. It settles what the review claimed first, then (once
   * that is paid) a §22 penalty levied for lateness; before the review it is a
   * voluntary return of money still held. The application closes when nothing
   * is owed.
   */
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
      let penaltyLevied = 0;
      let penaltyPaid = 0;
      let returned = 0;
      if (app.returnDueCzk === 0 && penaltyDue > 0) {
        // Everything claimed is back: this pays the penalty.
        if (command.amountCzk > penaltyDue) {
          throw new DomainError('VALIDATION_FAILED', `Only the penalty of CZK ${penaltyDue} is still owed.`, [{ field: 'amountCzk', message: `at most ${penaltyDue}` }]);
        }
        penaltyPaid = command.amountCzk;
        const tx = penaltyPaymentEntries({ id: randomUUID(), occurredOn: command.receivedOn, reference, partId: app.callPartId, applicationId, amountCzk: penaltyPaid });
        await this.ledger.post(manager, tx, links, caller.id, now);
        await this.insertReturn(manager, { id, applicationId, command, ledgerTransactionId: tx.id, now, by: caller.id });
      } else {
        // Before the review the recipient may send back money it holds; after it, only what the review claimed.
        const held = app.settlement?.reviewedAt ? 0 : app.paidCzk - app.returnedCzk - app.returnDueCzk;
        const violations = checkReturn({ amountCzk: command.amountCzk, returnDueCzk: app.returnDueCzk, heldCzk: held, receivedOn: command.receivedOn, today });
        if (violations.length) throw DomainError.fromViolations(violations);
        returned = command.amountCzk;
        const tx = returnEntries({
          id: randomUUID(),
          occurredOn: command.receivedOn,
          reference,
          partId: app.callPartId,
          applicationId,
          amountCzk: returned,
          returnDueCzk: app.returnDueCzk,
        });
        await this.ledger.post(manager, tx, links, caller.id, now);
        const fromDue = Math.min(returned, app.returnDueCzk);
        await manager.query(
          'UPDATE application SET returned_czk = returned_czk + $2, return_due_czk = return_due_czk - $3, updated_at = now() WHERE id = $1',
          [applicationId, returned, fromDue],
        );
        await manager.query('UPDATE call_part SET returned_czk = returned_czk + $2 WHERE id = $1', [app.callPartId, returned]);
        await this.insertReturn(manager, { id, applicationId, command, ledgerTransactionId: tx.id, now, by: caller.id });
        if (app.returnDueCzk > 0 && fromDue === app.returnDueCzk) penaltyLevied = await this.levyPenalty(manager, app, now, caller.id);
      }
      const stillDue = app.returnDueCzk - Math.min(returned, app.returnDueCzk);
      const penaltyNowDue = penaltyDue + penaltyLevied - penaltyPaid;
      let status = app.status;
      if (app.status === 'settled' && stillDue === 0 && penaltyNowDue === 0) {
        await this.lifecycle.changeStatus(manager, { applicationId, from: 'settled', to: 'closed', at: now, by: caller.id, reason: 'nothing owed' });
        status = 'closed';
      }
      const view: ReturnView = {
        id,
        applicationId,
        amountCzk: command.amountCzk,
        receivedOn: command.receivedOn,
        reference,
        returnDueCzk: stillDue,
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
    const receipts: { amount_czk: string; received_on: string }[] = await manager.query(
      `SELECT amount_czk, received_on::text AS received_on FROM money_return WHERE application_id = $1 AND created_at >= $2 ORDER BY received_on`,
      [app.applicationId, reviewedAt],
    );
    const assessment = assessPenalty({
      owedCzk: owed,
      dueOn,
      returns: receipts.map((r) => ({ amountCzk: toSafeNumber(r.amount_czk), receivedOn: r.received_on })),
      asOf: receipts.at(-1)?.received_on ?? pragueDate(now),
    });
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

  private async insertReturn(
    manager: EntityManager,
    r: { id: string; applicationId: string; command: ReturnCommand; ledgerTransactionId: string; now: Date; by: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO money_return (id, application_id, amount_czk, received_on, reference, ledger_transaction_id, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, r.applicationId, r.command.amountCzk, r.command.receivedOn, r.command.reference.trim(), r.ledgerTransactionId, r.now, r.by],
    );
  }

  private async view(manager: EntityManager, applicationId: string): Promise<SettlementView> {
    const [r]: {
      status: string;
      spent_czk: string;
      lines: SettlementLine[];
      report: string;
      paid_czk: string;
      accepted_czk: string | null;
      return_due_czk: string | null;
      return_due_on: string | null;
    }[] = await manager.query(
      `SELECT a.status, s.spent_czk, s.lines, s.report, a.paid_czk, s.accepted_czk, s.return_due_czk, s.return_due_on::text AS return_due_on
         FROM settlement s JOIN application a ON a.id = s.application_id WHERE s.application_id = $1`,
      [applicationId],
    );
    return {
      applicationId,
      status: r.status,
      spentCzk: toSafeNumber(r.spent_czk),
      lines: r.lines,
      report: r.report,
      paidCzk: toSafeNumber(r.paid_czk),
      acceptedCzk: r.accepted_czk === null ? null : toSafeNumber(r.accepted_czk),
      returnDueCzk: r.return_due_czk === null ? null : toSafeNumber(r.return_due_czk),
      returnDueOn: r.return_due_on,
    };
  }
}
