import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toSafeNumber } from '@app/core';
import type { SettlementLine } from './domain/settlement.rules';

/** A settlement as the recipient and the officer see it, with the application's status and paid sum. */
export interface SettlementView {
  applicationId: string;
  status: string;
  spentCzk: number;
  lines: SettlementLine[];
  report: string;
  paidCzk: number;
  acceptedCzk: number | null;
  returnDueCzk: number | null;
  /** The first deadline of what the review claimed back and was not yet returned then. */
  returnDueOn: string | null;
  /** The contract's settlement deadline: the unspent money is due by it. */
  settlementDueOn: string;
  /** paid − spent at the review (null before it): due by the settlement deadline. */
  unspentCzk: number | null;
  /** spent − accepted (null before the review): due by the remedy deadline. */
  refusedCzk: number | null;
  remedyDueOn: string | null;
}

/** The settlement's and the returns' rows (the balances they move are BalancesRepository's). */
@Injectable()
export class SettlementsRepository {
  async insertSettlement(
    manager: EntityManager,
    s: { applicationId: string; spentCzk: number; lines: SettlementLine[]; report: string; at: Date; by: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO settlement (application_id, spent_czk, lines, report, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.applicationId, s.spentCzk, JSON.stringify(s.lines), s.report, s.at, s.by],
    );
  }

  async recordReview(
    manager: EntityManager,
    r: {
      applicationId: string;
      acceptedCzk: number;
      note: string | null;
      returnDueCzk: number;
      returnDueOn: string | null;
      unspentCzk: number;
      refusedCzk: number;
      remedyDueOn: string | null;
      at: Date;
      by: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE settlement SET accepted_czk = $2, review_note = $3, return_due_czk = $4, return_due_on = $5, unspent_czk = $6, refused_czk = $7,
                             remedy_due_on = $8, reviewed_at = $9, reviewed_by = $10
        WHERE application_id = $1`,
      [r.applicationId, r.acceptedCzk, r.note, r.returnDueCzk, r.returnDueOn, r.unspentCzk, r.refusedCzk, r.remedyDueOn, r.at, r.by],
    );
  }

  async insertReturn(
    manager: EntityManager,
    r: { id: string; applicationId: string; amountCzk: number; receivedOn: string; reference: string; ledgerTransactionId: string; at: Date; by: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO money_return (id, application_id, amount_czk, received_on, reference, ledger_transaction_id, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, r.applicationId, r.amountCzk, r.receivedOn, r.reference, r.ledgerTransactionId, r.at, r.by],
    );
  }

  /**
   * Every return of grant money of the application, by the day it was
   * received: not a return the Budget Department reversed, nor a penalty
   * payment (as the reports count them). Money sent back before the review
   * counts too: it pays the unspent money, due by the settlement deadline.
   */
  async grantReturns(manager: EntityManager, applicationId: string): Promise<{ amountCzk: number; receivedOn: string }[]> {
    const rows: { amount_czk: string; received_on: string }[] = await manager.query(
      `SELECT r.amount_czk, r.received_on::text AS received_on
         FROM money_return r
        WHERE r.application_id = $1
          AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = r.ledger_transaction_id)
          AND NOT EXISTS (SELECT 1 FROM ledger_transaction p WHERE p.id = r.ledger_transaction_id AND p.type = 'penalty_payment')
        ORDER BY r.received_on, r.created_at`,
      [applicationId],
    );
    return rows.map((r) => ({ amountCzk: toSafeNumber(r.amount_czk), receivedOn: r.received_on }));
  }

  async view(manager: EntityManager, applicationId: string): Promise<SettlementView> {
    const [r]: {
      status: string;
      spent_czk: string;
      lines: SettlementLine[];
      report: string;
      paid_czk: string;
      accepted_czk: string | null;
      return_due_czk: string | null;
      return_due_on: string | null;
      settlement_due_on: string;
      unspent_czk: string | null;
      refused_czk: string | null;
      remedy_due_on: string | null;
    }[] = await manager.query(
      `SELECT a.status, s.spent_czk, s.lines, s.report, a.paid_czk, s.accepted_czk, s.return_due_czk, s.return_due_on::text AS return_due_on,
              k.settlement_due_on::text AS settlement_due_on, s.unspent_czk, s.refused_czk, s.remedy_due_on::text AS remedy_due_on
         FROM settlement s JOIN application a ON a.id = s.application_id JOIN grant_contract k ON k.application_id = s.application_id
        WHERE s.application_id = $1`,
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
      settlementDueOn: r.settlement_due_on,
      unspentCzk: r.unspent_czk === null ? null : toSafeNumber(r.unspent_czk),
      refusedCzk: r.refused_czk === null ? null : toSafeNumber(r.refused_czk),
      remedyDueOn: r.remedy_due_on,
    };
  }
}
