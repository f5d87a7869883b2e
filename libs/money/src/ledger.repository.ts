import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toSafeNumber } from '@app/core';
import type { LedgerTransaction, MovementType } from './domain/ledger';

/** One movement of an application's ledger, as its page lists it. */
export interface LedgerLine {
  id: string;
  type: string;
  amountCzk: number;
  occurredOn: string;
  reference: string;
  reverses: string | null;
  createdAt: string;
}

/** A part's cached balances. */
export interface PartBudgetRow {
  code: string;
  allocationCzk: number;
  proposedCzk: number;
  committedCzk: number;
  paidCzk: number;
  returnedCzk: number;
}

/** A part of an announced call: its cached balances beside the same sums from the ledger. */
export interface PartAgainstLedger {
  partId: string;
  cached: { allocationCzk: number; committedCzk: number; paidCzk: number; returnedCzk: number };
  ledger: { availableCzk: number; committedCzk: number; paidCzk: number; returnedCzk: number };
}

/** An application with money: its cached balances beside the same sums from the ledger. */
export interface ApplicationAgainstLedger {
  applicationId: string;
  cached: { awardedCzk: number; paidCzk: number; returnedCzk: number; returnDueCzk: number };
  ledger: { awardedCzk: number; paidCzk: number; returnedCzk: number; returnDueCzk: number };
}

/**
 * The ledger's reads: an application's movements, a call's budget, the sums
 * that check every cached balance against the ledger, and the history a
 * reversal is judged on. The ledger is written by LedgerWriter alone.
 */
@Injectable()
export class LedgerRepository {
  /** A submitted application (of `organisationId` when given: an applicant sees only its own). */
  async applicationVisible(manager: EntityManager, applicationId: string, organisationId: string | null): Promise<boolean> {
    const found: unknown[] = await manager.query(
      `SELECT 1 FROM application WHERE id = $1 AND status <> 'draft' AND ($2::uuid IS NULL OR organisation_id = $2)`,
      [applicationId, organisationId],
    );
    return found.length > 0;
  }

  /** The application's movements in the order they were posted, each with the money it moved. */
  async linesOf(manager: EntityManager, applicationId: string): Promise<LedgerLine[]> {
    const rows: { id: string; type: string; amount: string; occurred_on: string; reference: string; reverses: string | null; created_at: Date }[] =
      await manager.query(
        `SELECT t.id, t.type, (SELECT sum(e.amount_czk) FROM ledger_entry e WHERE e.transaction_id = t.id AND e.amount_czk > 0) AS amount,
                t.occurred_on::text AS occurred_on, t.reference, t.reverses, t.created_at
           FROM ledger_transaction t WHERE t.application_id = $1
          ORDER BY t.seq`,
        [applicationId],
      );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      amountCzk: toSafeNumber(r.amount),
      occurredOn: r.occurred_on,
      reference: r.reference,
      reverses: r.reverses,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** The call's parts by code; none for no such call. */
  async partBudgets(manager: EntityManager, callId: string): Promise<PartBudgetRow[]> {
    const rows: { code: string; allocation_czk: string; proposed_czk: string; committed_czk: string; paid_czk: string; returned_czk: string }[] =
      await manager.query(
        `SELECT p.code, p.allocation_czk, p.proposed_czk, p.committed_czk, p.paid_czk, p.returned_czk
           FROM call_part p JOIN call c ON c.id = p.call_id WHERE c.id = $1 ORDER BY p.code`,
        [callId],
      );
    return rows.map((r) => ({
      code: r.code,
      allocationCzk: toSafeNumber(r.allocation_czk),
      proposedCzk: toSafeNumber(r.proposed_czk),
      committedCzk: toSafeNumber(r.committed_czk),
      paidCzk: toSafeNumber(r.paid_czk),
      returnedCzk: toSafeNumber(r.returned_czk),
    }));
  }

  /** Transactions whose entries do not sum to zero (the deferred trigger refuses them at commit: none, unless it was bypassed). */
  async unbalancedTransactions(manager: EntityManager): Promise<string[]> {
    const rows: { transaction_id: string }[] = await manager.query(`SELECT transaction_id FROM ledger_entry GROUP BY transaction_id HAVING sum(amount_czk) <> 0`);
    return rows.map((r) => r.transaction_id);
  }

  async transactionCount(manager: EntityManager): Promise<number> {
    const [r]: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM ledger_transaction`);
    return Number(r.n);
  }

  /** Every part of an announced call, with the ledger's available, committed, paid and returned sums of it. */
  async partsAgainstLedger(manager: EntityManager): Promise<PartAgainstLedger[]> {
    const rows: {
      id: string;
      allocation_czk: string;
      committed_czk: string;
      paid_czk: string;
      returned_czk: string;
      l_available: string;
      l_committed: string;
      l_paid: string;
      l_returned: string;
    }[] = await manager.query(`
        WITH l AS (
          SELECT t.call_part_id AS part_id,
                 sum(e.amount_czk) FILTER (WHERE e.account = 'part:' || t.call_part_id || ':available') AS available,
                 sum(e.amount_czk) FILTER (WHERE e.account LIKE 'part:' || t.call_part_id || ':application:%'
                                            AND split_part(e.account, ':', 5) IN ('committed', 'paid', 'return_due', 'returned')) AS committed,
                 sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) IN ('paid', 'return_due', 'returned')) AS paid,
                 sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'returned') AS returned
            FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
           WHERE t.call_part_id IS NOT NULL
           GROUP BY t.call_part_id
        )
        SELECT p.id, p.allocation_czk, p.committed_czk, p.paid_czk, p.returned_czk,
               COALESCE(l.available, 0) AS l_available, COALESCE(l.committed, 0) AS l_committed,
               COALESCE(l.paid, 0) AS l_paid, COALESCE(l.returned, 0) AS l_returned
          FROM call_part p JOIN call c ON c.id = p.call_id AND c.status = 'announced'
          LEFT JOIN l ON l.part_id = p.id`);
    return rows.map((r) => ({
      partId: r.id,
      cached: { allocationCzk: Number(r.allocation_czk), committedCzk: Number(r.committed_czk), paidCzk: Number(r.paid_czk), returnedCzk: Number(r.returned_czk) },
      ledger: { availableCzk: Number(r.l_available), committedCzk: Number(r.l_committed), paidCzk: Number(r.l_paid), returnedCzk: Number(r.l_returned) },
    }));
  }

  /** Every application with money cached or posted, with the ledger's awarded, paid, returned and return-due sums of it. */
  async applicationsAgainstLedger(manager: EntityManager): Promise<ApplicationAgainstLedger[]> {
    const rows: {
      id: string;
      awarded_czk: string;
      paid_czk: string;
      returned_czk: string;
      return_due_czk: string;
      l_awarded: string;
      l_paid: string;
      l_returned: string;
      l_return_due: string;
    }[] = await manager.query(`
        WITH l AS (
          SELECT t.application_id,
                 sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) IN ('committed', 'paid', 'return_due', 'returned')) AS awarded,
                 sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) IN ('paid', 'return_due', 'returned')) AS paid,
                 sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'returned') AS returned,
                 sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'return_due') AS return_due
            FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
           WHERE t.application_id IS NOT NULL
           GROUP BY t.application_id
        )
        SELECT a.id, a.awarded_czk, a.paid_czk, a.returned_czk, a.return_due_czk,
               COALESCE(l.awarded, 0) AS l_awarded, COALESCE(l.paid, 0) AS l_paid,
               COALESCE(l.returned, 0) AS l_returned, COALESCE(l.return_due, 0) AS l_return_due
          FROM application a LEFT JOIN l ON l.application_id = a.id
         WHERE a.awarded_czk <> 0 OR a.paid_czk <> 0 OR l.application_id IS NOT NULL`);
    return rows.map((r) => ({
      applicationId: r.id,
      cached: { awardedCzk: Number(r.awarded_czk), paidCzk: Number(r.paid_czk), returnedCzk: Number(r.returned_czk), returnDueCzk: Number(r.return_due_czk) },
      ledger: { awardedCzk: Number(r.l_awarded), paidCzk: Number(r.l_paid), returnedCzk: Number(r.l_returned), returnDueCzk: Number(r.l_return_due) },
    }));
  }

  /** The application a ledger transaction belongs to; null when there is no such transaction or it is not an application's. */
  async applicationOf(manager: EntityManager, transactionId: string): Promise<string | null> {
    const [found]: { application_id: string | null }[] = await manager.query('SELECT application_id FROM ledger_transaction WHERE id = $1', [transactionId]);
    return found?.application_id ?? null;
  }

  /** The application's transactions plus its part's own (allocations: commitments draw on them), in the order they were posted. */
  async transactionsOf(manager: EntityManager, applicationId: string, partId: string): Promise<LedgerTransaction[]> {
    const rows: { id: string; type: MovementType; occurred_on: string; reference: string; reverses: string | null; accounts: string[]; amounts: string[] }[] =
      await manager.query(
        `SELECT t.id, t.type, t.occurred_on::text AS occurred_on, t.reference, t.reverses,
                array_agg(e.account ORDER BY e.id) AS accounts, array_agg(e.amount_czk::text ORDER BY e.id) AS amounts
           FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
          WHERE t.application_id = $1 OR (t.call_part_id = $2 AND t.application_id IS NULL)
          GROUP BY t.id ORDER BY min(t.seq)`,
        [applicationId, partId],
      );
    const types = new Map(rows.map((r) => [r.id, r.type]));
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      occurredOn: r.occurred_on,
      reference: r.reference,
      reverses: r.reverses ? { id: r.reverses, type: (types.get(r.reverses) ?? 'payment') as Exclude<MovementType, 'reversal'> } : null,
      entries: r.accounts.map((account, i) => ({ transactionId: r.id, account, amountCzk: toSafeNumber(r.amounts[i]) })),
    }));
  }
}
