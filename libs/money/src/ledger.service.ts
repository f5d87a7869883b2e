import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthUser, DomainError, toSafeNumber } from '@app/core';

export interface LedgerLine {
  id: string;
  type: string;
  amountCzk: number;
  occurredOn: string;
  reference: string;
  reverses: string | null;
  createdAt: string;
}

export interface PartBudget {
  code: string;
  allocationCzk: number;
  proposedCzk: number;
  committedCzk: number;
  paidCzk: number;
  returnedCzk: number;
  availableCzk: number;
}

export interface LedgerCheck {
  ok: boolean;
  transactions: number;
  unbalancedTransactions: string[];
  parts: { partId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
  applications: { applicationId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
}

/** Reading the ledger: an application's movements, a call's budget, and the check of every cached balance against the ledger. */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async applicationLedger(caller: AuthUser, applicationId: string): Promise<LedgerLine[]> {
    const own = caller.role === 'applicant' ? caller.organisationId : null;
    const found: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM application WHERE id = $1 AND status <> 'draft' AND ($2::uuid IS NULL OR organisation_id = $2)`,
      [applicationId, own],
    );
    if (!found.length) throw new DomainError('NOT_FOUND', 'No such application.');
    const rows: { id: string; type: string; amount: string; occurred_on: string; reference: string; reverses: string | null; created_at: Date }[] =
      await this.dataSource.query(
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

  async callBudget(callId: string): Promise<{ callId: string; parts: PartBudget[] }> {
    const rows: { code: string; allocation_czk: string; proposed_czk: string; committed_czk: string; paid_czk: string; returned_czk: string }[] =
      await this.dataSource.query(
        `SELECT p.code, p.allocation_czk, p.proposed_czk, p.committed_czk, p.paid_czk, p.returned_czk
           FROM call_part p JOIN call c ON c.id = p.call_id WHERE c.id = $1 ORDER BY p.code`,
        [callId],
      );
    if (!rows.length) throw new DomainError('NOT_FOUND', 'No such call.');
    return {
      callId,
      parts: rows.map((r) => {
        const allocationCzk = toSafeNumber(r.allocation_czk);
        const committedCzk = toSafeNumber(r.committed_czk);
        return {
          code: r.code,
          allocationCzk,
          proposedCzk: toSafeNumber(r.proposed_czk),
          committedCzk,
          paidCzk: toSafeNumber(r.paid_czk),
          returnedCzk: toSafeNumber(r.returned_czk),
          availableCzk: allocationCzk - committedCzk,
        };
      }),
    };
  }

  /**
   * Recomputes every cached balance from the ledger and compares: the parts'
   * committed / paid / returned and available, the applications' awarded /
   * paid / returned / return due; and that every transaction sums to zero.
   */
  async check(): Promise<LedgerCheck> {
    const [unbalanced, count, parts, applications] = await Promise.all([
      this.dataSource.query(`SELECT transaction_id FROM ledger_entry GROUP BY transaction_id HAVING sum(amount_czk) <> 0`) as Promise<{ transaction_id: string }[]>,
      this.dataSource.query(`SELECT count(*) AS n FROM ledger_transaction`) as Promise<{ n: string }[]>,
      this.dataSource.query(`
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
          LEFT JOIN l ON l.part_id = p.id`) as Promise<
        { id: string; allocation_czk: string; committed_czk: string; paid_czk: string; returned_czk: string; l_available: string; l_committed: string; l_paid: string; l_returned: string }[]
      >,
      this.dataSource.query(`
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
         WHERE a.awarded_czk <> 0 OR a.paid_czk <> 0 OR l.application_id IS NOT NULL`) as Promise<
        { id: string; awarded_czk: string; paid_czk: string; returned_czk: string; return_due_czk: string; l_awarded: string; l_paid: string; l_returned: string; l_return_due: string }[]
      >,
    ]);
    const partMismatches: LedgerCheck['parts'] = [];
    for (const p of parts) {
      const compare = (field: string, cached: string | number, ledger: string | number) => {
        if (Number(cached) !== Number(ledger)) partMismatches.push({ partId: p.id, field, cachedCzk: Number(cached), ledgerCzk: Number(ledger) });
      };
      compare('availableCzk', Number(p.allocation_czk) - Number(p.committed_czk), p.l_available);
      compare('committedCzk', p.committed_czk, p.l_committed);
      compare('paidCzk', p.paid_czk, p.l_paid);
      compare('returnedCzk', p.returned_czk, p.l_returned);
    }
    const appMismatches: LedgerCheck['applications'] = [];
    for (const a of applications) {
      const compare = (field: string, cached: string, ledger: string) => {
        if (Number(cached) !== Number(ledger)) appMismatches.push({ applicationId: a.id, field, cachedCzk: Number(cached), ledgerCzk: Number(ledger) });
      };
      compare('awardedCzk', a.awarded_czk, a.l_awarded);
      compare('returnedCzk', a.returned_czk, a.l_returned);
      compare('returnDueCzk', a.return_due_czk, a.l_return_due);
      // Gross paid = what is still paid + claimed back + returned.
      compare('paidCzk', a.paid_czk, a.l_paid);
    }
    const unbalancedIds = unbalanced.map((u) => u.transaction_id);
    return {
      ok: unbalancedIds.length === 0 && partMismatches.length === 0 && appMismatches.length === 0,
      transactions: Number(count[0].n),
      unbalancedTransactions: unbalancedIds,
      parts: partMismatches,
      applications: appMismatches,
    };
  }
}
