import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toSafeNumber } from '@app/core';
import type { DisbursementType, PartBalances } from './domain/reports';

/** An announced call (draft calls have no money and are not reported on). */
export interface ReportedCall {
  id: string;
  title: string;
  programmeCode: string;
  programmeName: string;
}

export interface DisbursementRow {
  date: string;
  type: DisbursementType;
  applicationId: string;
  referenceNumber: string;
  organisationName: string;
  ico: string;
  /** The account paid to; null for money received (the sender's account is not recorded). */
  bankAccount: string | null;
  amountCzk: number;
  contractNumber: string | null;
  reference: string;
}

export interface PartBalanceRow extends PartBalances {
  callId: string;
  name: string;
}

/** The raw facts of one application's money; the service turns them into ApplicationMoneyFacts. */
export interface MoneyFactRow {
  applicationId: string;
  referenceNumber: string;
  /** Net of releases; null when no approving decision exists. */
  awardCzk: number | null;
  contract: { contractNumber: string; signedOn: string; bankAccount: string; amountCzk: number; publishedOn: string | null } | null;
  payments: { amountCzk: number; paidOn: string; paymentReference: string; bankAccount: string }[];
  /** The contract's settlement deadline; the call's before there is a contract. */
  settlementDueOn: string;
  settlementSubmittedAt: Date | null;
  /** The settlement and its review: spent, accepted (null before the review), paid − spent at the review, the remedy deadline. */
  settlement: { spentCzk: number; acceptedCzk: number | null; unspentCzk: number | null; refusedCzk: number | null; remedyDueOn: string | null } | null;
  /** Every return of grant money (penalty payments and reversed returns left out), by the day received. */
  returns: { amountCzk: number; receivedOn: string }[];
  /** The organisation's registered accounts over time, oldest first, in Prague dates. */
  registeredAccounts: { bankAccount: string; from: string; until: string | null }[];
}

export interface AwardRow {
  applicationId: string;
  referenceNumber: string;
  title: string;
  summary: string;
  requestedCzk: number;
  /** The amount of the approving decision. */
  awardedCzk: number;
  resolutionDate: string;
  paidCzk: number;
  returnedCzk: number;
  startDate: string;
  endDate: string;
  updatedAt: Date;
  targetGroups: string[];
  districts: string[];
  organisation: { ico: string; name: string; street: string; city: string; postalCode: string };
  programme: { code: string; name: string };
  measure: { code: string; text: string; position: number; priorityNumber: number; priorityName: string; subAreaLetter: string; subAreaName: string };
}

/**
 * The reports' reads: each one statement for a whole call (or all announced
 * calls when `callId` is null), whatever the number of applications.
 */
@Injectable()
export class ReportsRepository {
  /** Makes the caller's transaction read-only: a report never writes (its first statement, before any read). */
  async readOnly(manager: EntityManager): Promise<void> {
    await manager.query('SET TRANSACTION READ ONLY');
  }

  /**
   * The audit chain's head in this snapshot ('0' before any event): audited
   * transactions append under one lock held to their commit, so a snapshot
   * that sees head n sees every audited change up to n and none after. One
   * backward step on the primary key.
   */
  async auditHead(manager: EntityManager): Promise<string> {
    const rows: { seq: string | null }[] = await manager.query('SELECT max(seq)::text AS seq FROM audit_event');
    return rows[0]?.seq ?? '0';
  }

  async findCall(manager: EntityManager, callId: string): Promise<ReportedCall | null> {
    const rows: { id: string; title: string; programme_code: string; programme_name: string }[] = await manager.query(
      `SELECT c.id, c.title, p.code AS programme_code, p.name AS programme_name
         FROM call c JOIN programme p ON p.id = c.programme_id
        WHERE c.id = $1 AND c.status = 'announced'`,
      [callId],
    );
    const r = rows[0];
    return r ? { id: r.id, title: r.title, programmeCode: r.programme_code, programmeName: r.programme_name } : null;
  }

  /**
   * Payments and money received back, by date, then by when they were
   * recorded (the ledger's posting order within one instant). A movement reversed in the ledger (recorded by mistake) is left
   * out, as it is from the cached balances.
   */
  async disbursements(manager: EntityManager, callId: string | null): Promise<DisbursementRow[]> {
    const rows: {
      id: string;
      type: DisbursementType;
      application_id: string;
      on_date: string;
      amount_czk: string;
      bank_account: string | null;
      reference: string;
      reference_number: string | null;
      organisation_name: string;
      ico: string;
      contract_number: string | null;
    }[] = await manager.query(
      `WITH x AS (
         SELECT p.id, 'payment' AS type, p.application_id, p.paid_on AS on_date, p.amount_czk, p.bank_account, p.payment_reference AS reference, p.created_at, t.seq
           FROM payment p LEFT JOIN ledger_transaction t ON t.id = p.ledger_transaction_id
          WHERE ($1::uuid IS NULL OR p.application_id IN (SELECT id FROM application WHERE call_id = $1))
            AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = p.ledger_transaction_id)
         UNION ALL
         SELECT r.id, CASE WHEN t.type = 'penalty_payment' THEN 'penalty' ELSE 'return' END, r.application_id, r.received_on, r.amount_czk, NULL, r.reference, r.created_at, t.seq
           FROM money_return r LEFT JOIN ledger_transaction t ON t.id = r.ledger_transaction_id
          WHERE ($1::uuid IS NULL OR r.application_id IN (SELECT id FROM application WHERE call_id = $1))
            AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = r.ledger_transaction_id)
       )
       SELECT x.id, x.type, x.application_id, x.on_date::text AS on_date, x.amount_czk, x.bank_account, x.reference,
              a.reference_number, o.name AS organisation_name, o.ico, k.contract_number
         FROM x
         JOIN application a ON a.id = x.application_id
         JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN grant_contract k ON k.application_id = a.id
        ORDER BY x.on_date, x.created_at, x.seq NULLS LAST, x.id`,
      [callId],
    );
    return rows.map((r) => ({
      date: r.on_date,
      type: r.type,
      applicationId: r.application_id,
      referenceNumber: r.reference_number ?? '',
      organisationName: r.organisation_name,
      ico: r.ico,
      bankAccount: r.bank_account,
      amountCzk: toSafeNumber(r.amount_czk),
      contractNumber: r.contract_number,
      reference: r.reference,
    }));
  }

  /** The cached balances of the parts (kept equal to the ledger; GET /ledger/check verifies). */
  async partBalances(manager: EntityManager, callId: string | null): Promise<PartBalanceRow[]> {
    const rows: { call_id: string; code: string; name: string; allocation_czk: string; committed_czk: string; paid_czk: string; returned_czk: string }[] =
      await manager.query(
        `SELECT p.call_id, p.code, p.name, p.allocation_czk, p.committed_czk, p.paid_czk, p.returned_czk
           FROM call_part p JOIN call c ON c.id = p.call_id
          WHERE c.status = 'announced' AND ($1::uuid IS NULL OR c.id = $1)
          ORDER BY c.announced_at, c.id, p.code`,
        [callId],
      );
    return rows.map((r) => ({
      callId: r.call_id,
      code: r.code,
      name: r.name,
      allocationCzk: toSafeNumber(r.allocation_czk),
      committedCzk: toSafeNumber(r.committed_czk),
      paidCzk: toSafeNumber(r.paid_czk),
      returnedCzk: toSafeNumber(r.returned_czk),
    }));
  }

  /**
   * Every application with money in the books (an approving decision, a
   * contract, a payment or a return), with its contract, payments, settlement
   * and the returns against the settlement's claim, and its organisation's
   * registered bank accounts over time (identity's history). The payment rows
   * are read as they are, not the cached balances: the point is to find rows
   * that should not exist. Reversed movements are left out.
   */
  async moneyFacts(manager: EntityManager, callId: string | null): Promise<MoneyFactRow[]> {
    type Amount = string | number;
    const rows: {
      id: string;
      reference_number: string | null;
      awarded: boolean;
      awarded_czk: string;
      settlement_due_on: string;
      spent_czk: string | null;
      accepted_czk: string | null;
      unspent_czk: string | null;
      refused_czk: string | null;
      remedy_due_on: string | null;
      contract: { contractNumber: string; signedOn: string; bankAccount: string; amountCzk: Amount; publishedOn: string | null } | null;
      payments: { amountCzk: Amount; paidOn: string; paymentReference: string; bankAccount: string }[];
      settlement_submitted_at: Date | null;
      returns: { amountCzk: Amount; receivedOn: string }[];
      registered_accounts: { bankAccount: string; from: string; until: string | null }[];
    }[] = await manager.query(
      `SELECT a.id, a.reference_number, d.application_id IS NOT NULL AS awarded, a.awarded_czk,
              COALESCE(k.settlement_due_on, c.settlement_due_on)::text AS settlement_due_on,
              CASE WHEN k.application_id IS NULL THEN NULL ELSE
                json_build_object('contractNumber', k.contract_number, 'signedOn', k.signed_on::text, 'bankAccount', k.bank_account,
                                  'amountCzk', k.amount_czk::text, 'publishedOn', k.published_on::text) END AS contract,
              COALESCE((SELECT json_agg(json_build_object('amountCzk', p.amount_czk::text, 'paidOn', p.paid_on::text,
                                                          'paymentReference', p.payment_reference, 'bankAccount', p.bank_account)
                                        ORDER BY p.paid_on, p.created_at)
                          FROM payment p WHERE p.application_id = a.id AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = p.ledger_transaction_id)),
                       '[]'::json) AS payments,
              s.submitted_at AS settlement_submitted_at, s.spent_czk, s.accepted_czk, s.unspent_czk, s.refused_czk,
              s.remedy_due_on::text AS remedy_due_on,
              COALESCE((SELECT json_agg(json_build_object('amountCzk', r.amount_czk::text, 'receivedOn', r.received_on::text) ORDER BY r.received_on)
                          FROM money_return r JOIN ledger_transaction t ON t.id = r.ledger_transaction_id AND t.type = 'return'
                         WHERE r.application_id = a.id
                           AND NOT EXISTS (SELECT 1 FROM ledger_transaction v WHERE v.reverses = r.ledger_transaction_id)), '[]'::json) AS returns,
              COALESCE((SELECT json_agg(json_build_object('bankAccount', b.bank_account,
                                                          'from', (b.valid_from AT TIME ZONE 'Europe/Prague')::date::text,
                                                          'until', (b.valid_until AT TIME ZONE 'Europe/Prague')::date::text)
                                        ORDER BY b.valid_from, b.id)
                          FROM organisation_bank_account b WHERE b.organisation_id = a.organisation_id), '[]'::json) AS registered_accounts
         FROM application a
         JOIN call c ON c.id = a.call_id
         LEFT JOIN decision d ON d.application_id = a.id AND d.outcome = 'approved'
         LEFT JOIN grant_contract k ON k.application_id = a.id
         LEFT JOIN settlement s ON s.application_id = a.id
        WHERE c.status = 'announced' AND ($1::uuid IS NULL OR a.call_id = $1)
          AND (d.application_id IS NOT NULL OR k.application_id IS NOT NULL
               OR EXISTS (SELECT 1 FROM payment p WHERE p.application_id = a.id)
               OR EXISTS (SELECT 1 FROM money_return r WHERE r.application_id = a.id))
        ORDER BY a.reference_number COLLATE "C", a.id`,
      [callId],
    );
    return rows.map((r) => ({
      applicationId: r.id,
      referenceNumber: r.reference_number ?? '',
      awardCzk: r.awarded ? toSafeNumber(r.awarded_czk) : null,
      contract: r.contract ? { ...r.contract, amountCzk: toSafeNumber(r.contract.amountCzk) } : null,
      payments: r.payments.map((p) => ({ ...p, amountCzk: toSafeNumber(p.amountCzk) })),
      settlementDueOn: r.settlement_due_on,
      settlementSubmittedAt: r.settlement_submitted_at,
      settlement:
        r.spent_czk === null
          ? null
          : {
              spentCzk: toSafeNumber(r.spent_czk),
              acceptedCzk: r.accepted_czk === null ? null : toSafeNumber(r.accepted_czk),
              unspentCzk: r.unspent_czk === null ? null : toSafeNumber(r.unspent_czk),
              refusedCzk: r.refused_czk === null ? null : toSafeNumber(r.refused_czk),
              remedyDueOn: r.remedy_due_on,
            },
      returns: r.returns.map((x) => ({ amountCzk: toSafeNumber(x.amountCzk), receivedOn: x.receivedOn })),
      registeredAccounts: r.registered_accounts,
    }));
  }

  /** Applications with an approving decision, with what the policy report and the 360Giving export need. */
  async awards(manager: EntityManager, callId: string | null): Promise<AwardRow[]> {
    const rows: {
      id: string;
      reference_number: string;
      title: string;
      summary: string;
      requested_czk: string;
      awarded_czk: string;
      resolution_date: string;
      paid_czk: string;
      returned_czk: string;
      start_date: string;
      end_date: string;
      updated_at: Date;
      target_groups: string[];
      districts: string[];
      ico: string;
      organisation_name: string;
      street: string;
      city: string;
      postal_code: string;
      programme_code: string;
      programme_name: string;
      measure_code: string;
      measure_text: string;
      measure_position: number;
      priority_number: number;
      priority_name: string;
      sub_area_letter: string;
      sub_area_name: string;
    }[] = await manager.query(
      `SELECT a.id, a.reference_number, a.title, a.summary, a.requested_czk, d.amount_czk AS awarded_czk, d.resolution_date::text AS resolution_date,
              a.paid_czk, a.returned_czk, a.start_date::text AS start_date, a.end_date::text AS end_date, a.updated_at,
              a.target_groups, a.districts,
              o.ico, o.name AS organisation_name, o.street, o.city, o.postal_code,
              g.code AS programme_code, g.name AS programme_name,
              m.code AS measure_code, m.text AS measure_text, m.position AS measure_position,
              pr.number AS priority_number, pr.name AS priority_name, sa.letter AS sub_area_letter, sa.name AS sub_area_name
         FROM application a
         JOIN decision d ON d.application_id = a.id AND d.outcome = 'approved'
         JOIN call c ON c.id = a.call_id AND c.status = 'announced'
         JOIN programme g ON g.id = c.programme_id
         JOIN organisation o ON o.id = a.organisation_id
         JOIN policy_measure m ON m.code = a.primary_measure_code
         JOIN policy_priority pr ON pr.number = m.priority_number
         JOIN policy_sub_area sa ON sa.priority_number = m.priority_number AND sa.letter = m.sub_area_letter
        WHERE $1::uuid IS NULL OR a.call_id = $1
        ORDER BY a.reference_number COLLATE "C", a.id`,
      [callId],
    );
    return rows.map((r) => ({
      applicationId: r.id,
      referenceNumber: r.reference_number,
      title: r.title,
      summary: r.summary,
      requestedCzk: toSafeNumber(r.requested_czk),
      awardedCzk: toSafeNumber(r.awarded_czk),
      resolutionDate: r.resolution_date,
      paidCzk: toSafeNumber(r.paid_czk),
      returnedCzk: toSafeNumber(r.returned_czk),
      startDate: r.start_date,
      endDate: r.end_date,
      updatedAt: r.updated_at,
      targetGroups: r.target_groups,
      districts: r.districts,
      organisation: { ico: r.ico, name: r.organisation_name, street: r.street, city: r.city, postalCode: r.postal_code },
      programme: { code: r.programme_code, name: r.programme_name },
      measure: {
        code: r.measure_code,
        text: r.measure_text,
        position: r.measure_position,
        priorityNumber: r.priority_number,
        priorityName: r.priority_name,
        subAreaLetter: r.sub_area_letter,
        subAreaName: r.sub_area_name,
      },
    }));
  }
}
