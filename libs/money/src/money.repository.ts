import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@app/applications';
import { toSafeNumber } from '@app/core';

/** An application's money as the money services judge it, read with the application row locked. */
export interface MoneySubject {
  applicationId: string;
  status: ApplicationStatus;
  organisationId: string;
  callPartId: string;
  requestedCzk: number;
  awardedCzk: number;
  paidCzk: number;
  returnedCzk: number;
  returnDueCzk: number;
  resolutionDate: string | null;
  contract: {
    contractNumber: string;
    signedOn: string;
    bankAccount: string;
    amountCzk: number;
    settlementDueOn: string;
    publicationDueOn: string | null;
    publishedOn: string | null;
  } | null;
  settlement: {
    spentCzk: number;
    returnDueOn: string | null;
    returnDueAtReviewCzk: number | null;
    reviewedAt: Date | null;
    acceptedCzk: number | null;
    unspentCzk: number | null;
    refusedCzk: number | null;
    remedyDueOn: string | null;
  } | null;
  budgetCategories: string[];
  /** The settlement deadline: the contract's; before there is a contract, the call's (which the contract copies). */
  settlementDueOn: string;
}

@Injectable()
export class MoneyRepository {
  /**
   * Locks the application (every money movement of one application is
   * serialised on it) and reads its money, contract and settlement. An
   * applicant sees only their organisation's (others: null, so 404).
   */
  async lockSubject(manager: EntityManager, applicationId: string, organisationId?: string): Promise<MoneySubject | null> {
    const rows: {
      status: ApplicationStatus;
      organisation_id: string;
      call_part_id: string;
      requested_czk: string;
      awarded_czk: string;
      paid_czk: string;
      returned_czk: string;
      return_due_czk: string;
      resolution_date: string | null;
      contract: MoneySubject['contract'] & { amountCzk: string | number };
      settlement: {
        spentCzk: string | number;
        returnDueOn: string | null;
        returnDueAtReviewCzk: string | number | null;
        reviewedAt: string | null;
        acceptedCzk: string | number | null;
        unspentCzk: string | number | null;
        refusedCzk: string | number | null;
        remedyDueOn: string | null;
      } | null;
      budget_categories: string[];
      settlement_due_on: string;
    }[] = await manager.query(
      `SELECT a.status, a.organisation_id, a.call_part_id, a.requested_czk, a.awarded_czk, a.paid_czk, a.returned_czk, a.return_due_czk,
              d.resolution_date::text AS resolution_date,
              (SELECT json_build_object('contractNumber', k.contract_number, 'signedOn', k.signed_on::text, 'bankAccount', k.bank_account,
                                        'amountCzk', k.amount_czk::text, 'settlementDueOn', k.settlement_due_on::text, 'publicationDueOn', k.publication_due_on::text, 'publishedOn', k.published_on::text)
                 FROM grant_contract k WHERE k.application_id = a.id) AS contract,
              (SELECT json_build_object('spentCzk', s.spent_czk::text, 'returnDueOn', s.return_due_on::text,
                                        'returnDueAtReviewCzk', s.return_due_czk::text, 'reviewedAt', s.reviewed_at,
                                        'acceptedCzk', s.accepted_czk::text, 'unspentCzk', s.unspent_czk::text,
                                        'refusedCzk', s.refused_czk::text, 'remedyDueOn', s.remedy_due_on::text)
                 FROM settlement s WHERE s.application_id = a.id) AS settlement,
              ARRAY(SELECT DISTINCT l.category FROM application_budget_line l WHERE l.application_id = a.id) AS budget_categories,
              COALESCE((SELECT k.settlement_due_on FROM grant_contract k WHERE k.application_id = a.id), c.settlement_due_on)::text AS settlement_due_on
         FROM application a
         JOIN call c ON c.id = a.call_id
         LEFT JOIN decision d ON d.application_id = a.id AND d.outcome = 'approved'
        WHERE a.id = $1 AND a.status <> 'draft' AND ($2::uuid IS NULL OR a.organisation_id = $2)
          FOR UPDATE OF a`,
      [applicationId, organisationId ?? null],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      applicationId,
      status: r.status,
      organisationId: r.organisation_id,
      callPartId: r.call_part_id,
      requestedCzk: toSafeNumber(r.requested_czk),
      awardedCzk: toSafeNumber(r.awarded_czk),
      paidCzk: toSafeNumber(r.paid_czk),
      returnedCzk: toSafeNumber(r.returned_czk),
      returnDueCzk: toSafeNumber(r.return_due_czk),
      resolutionDate: r.resolution_date,
      contract: r.contract ? { ...r.contract, amountCzk: toSafeNumber(r.contract.amountCzk) } : null,
      settlement: r.settlement
        ? {
            spentCzk: toSafeNumber(r.settlement.spentCzk),
            returnDueOn: r.settlement.returnDueOn,
            returnDueAtReviewCzk: r.settlement.returnDueAtReviewCzk === null ? null : toSafeNumber(r.settlement.returnDueAtReviewCzk),
            reviewedAt: r.settlement.reviewedAt === null ? null : new Date(r.settlement.reviewedAt),
            acceptedCzk: r.settlement.acceptedCzk === null ? null : toSafeNumber(r.settlement.acceptedCzk),
            unspentCzk: r.settlement.unspentCzk === null ? null : toSafeNumber(r.settlement.unspentCzk),
            refusedCzk: r.settlement.refusedCzk === null ? null : toSafeNumber(r.settlement.refusedCzk),
            remedyDueOn: r.settlement.remedyDueOn,
          }
        : null,
      budgetCategories: r.budget_categories,
      settlementDueOn: r.settlement_due_on,
    };
  }

  /** Balance of one ledger account of an application (e.g. its penalty due). */
  async accountBalance(manager: EntityManager, account: string): Promise<number> {
    const rows: { total: string }[] = await manager.query('SELECT COALESCE(sum(amount_czk), 0) AS total FROM ledger_entry WHERE account = $1', [account]);
    return toSafeNumber(rows[0].total);
  }
}
