import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BankAccountRequestStatus } from './domain/bank-account-requests';

/** A person named in a request: who asked, who decided. */
export interface PersonView {
  id: string;
  fullName: string;
}

/** A change of an organisation's bank account as the organisation and the officers see it. */
export interface BankAccountRequestView {
  id: string;
  organisationId: string;
  organisationName: string;
  ico: string;
  bankAccount: string;
  previousBankAccount: string | null;
  status: BankAccountRequestStatus;
  requestedBy: PersonView;
  requestedAt: string;
  decidedBy: PersonView | null;
  decidedAt: string | null;
  rejectionReason: string | null;
}

interface ViewRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  ico: string;
  bank_account: string;
  previous_bank_account: string | null;
  status: BankAccountRequestStatus;
  requested_by: string;
  requester_name: string;
  requested_at: Date;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date | null;
  rejection_reason: string | null;
}

const VIEW = `
  SELECT r.id, r.organisation_id, o.name AS organisation_name, o.ico, r.bank_account, r.previous_bank_account, r.status,
         r.requested_by, q.full_name AS requester_name, r.requested_at, r.decided_by, d.full_name AS decider_name, r.decided_at, r.rejection_reason
    FROM bank_account_request r
    JOIN organisation o ON o.id = r.organisation_id
    JOIN user_account q ON q.id = r.requested_by
    LEFT JOIN user_account d ON d.id = r.decided_by`;

function toView(r: ViewRow): BankAccountRequestView {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    ico: r.ico,
    bankAccount: r.bank_account,
    previousBankAccount: r.previous_bank_account,
    status: r.status,
    requestedBy: { id: r.requested_by, fullName: r.requester_name },
    requestedAt: r.requested_at.toISOString(),
    decidedBy: r.decided_by === null ? null : { id: r.decided_by, fullName: r.decider_name ?? '' },
    decidedAt: r.decided_at === null ? null : r.decided_at.toISOString(),
    rejectionReason: r.rejection_reason,
  };
}

/** The `bank_account_request` table: changes of a registered account, asked for and decided. */
@Injectable()
export class BankAccountRequestsRepository {
  async hasPending(manager: EntityManager, organisationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query("SELECT 1 FROM bank_account_request WHERE organisation_id = $1 AND status = 'pending'", [organisationId]);
    return rows.length > 0;
  }

  /** A pending request; a second pending one of the organisation is `bank_account_request_one_pending_idx`. */
  async insert(
    manager: EntityManager,
    request: { id: string; organisationId: string; bankAccount: string; previousBankAccount: string | null; requestedBy: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO bank_account_request (id, organisation_id, bank_account, previous_bank_account, status, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6)`,
      [request.id, request.organisationId, request.bankAccount, request.previousBankAccount, request.requestedBy, request.at],
    );
  }

  /** The request locked for its decision (null: none such). */
  async lockForDecision(
    manager: EntityManager,
    id: string,
  ): Promise<{ organisationId: string; bankAccount: string; status: BankAccountRequestStatus; requestedBy: string } | null> {
    const rows: { organisation_id: string; bank_account: string; status: BankAccountRequestStatus; requested_by: string }[] = await manager.query(
      'SELECT organisation_id, bank_account, status, requested_by FROM bank_account_request WHERE id = $1 FOR UPDATE',
      [id],
    );
    const r = rows[0];
    return r ? { organisationId: r.organisation_id, bankAccount: r.bank_account, status: r.status, requestedBy: r.requested_by } : null;
  }

  /** Confirms or rejects a pending request (the database refuses the requester as the decider). */
  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'confirmed' | 'rejected'; decidedBy: string; at: Date; rejectionReason: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE bank_account_request SET status = $2, decided_by = $3, decided_at = $4, rejection_reason = $5 WHERE id = $1 AND status = 'pending'`,
      [id, decision.status, decision.decidedBy, decision.at, decision.rejectionReason],
    );
  }

  async view(manager: EntityManager, id: string): Promise<BankAccountRequestView | null> {
    const rows: ViewRow[] = await manager.query(`${VIEW} WHERE r.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** An organisation's requests, newest first. */
  async ofOrganisation(manager: EntityManager, organisationId: string): Promise<BankAccountRequestView[]> {
    const rows: ViewRow[] = await manager.query(`${VIEW} WHERE r.organisation_id = $1 ORDER BY r.requested_at DESC, r.id`, [organisationId]);
    return rows.map(toView);
  }

  /** Every organisation's requests, of one status or all; oldest first (the officers' queue). */
  async page(
    manager: EntityManager,
    status: BankAccountRequestStatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: BankAccountRequestView[]; total: number }> {
    const rows: ViewRow[] = await manager.query(`${VIEW} WHERE $1::text IS NULL OR r.status = $1 ORDER BY r.requested_at, r.id LIMIT $2 OFFSET $3`, [
      status ?? null,
      pageSize,
      (page - 1) * pageSize,
    ]);
    const [{ n }]: { n: string }[] = await manager.query('SELECT count(*) AS n FROM bank_account_request r WHERE $1::text IS NULL OR r.status = $1', [
      status ?? null,
    ]);
    return { items: rows.map(toView), total: Number(n) };
  }
}
