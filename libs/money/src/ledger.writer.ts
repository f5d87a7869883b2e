import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LedgerTransaction } from './domain/ledger';

export interface LedgerLinks {
  programmeId?: string | null;
  callPartId?: string | null;
  applicationId?: string | null;
}

/** Adds a value to the statement being built and answers its placeholder (`$n`). */
export type SqlBind = (value: unknown) => string;

/**
 * Posts a balanced transaction (built by the pure builders in ./domain/ledger)
 * inside the caller's transaction, in one statement. The database checks the
 * balance at commit and refuses any later change.
 */
@Injectable()
export class LedgerWriter {
  async post(manager: EntityManager, tx: LedgerTransaction, links: LedgerLinks, createdBy: string | null, at: Date): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('A ledger transaction is posted inside the transaction of its change');
    const values: unknown[] = [];
    const bind: SqlBind = (value) => `$${values.push(value)}`;
    await manager.query(`WITH ${this.postingCtes(tx, links, createdBy, at, bind)} SELECT 1`, values);
  }

  /**
   * The posting as two CTEs (`<name>_tx`, `<name>_entries`, each returning
   * rows) of a caller's statement, for a change that writes everything in one
   * statement. With `source` (the name of a CTE giving one row or none) the
   * transaction is posted only when the source has its row. The caller runs the
   * statement inside its transaction.
   */
  postingCtes(tx: LedgerTransaction, links: LedgerLinks, createdBy: string | null, at: Date, bind: SqlBind, source?: string, name = 'ledger'): string {
    return `${name}_tx AS (
         INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
         SELECT ${bind(tx.id)}::uuid, ${bind(tx.type)}, ${bind(tx.occurredOn)}::date, ${bind(tx.reference)}, ${bind(tx.reverses?.id ?? null)}::uuid,
                ${bind(links.programmeId ?? null)}::uuid, ${bind(links.callPartId ?? null)}::uuid, ${bind(links.applicationId ?? null)}::uuid,
                ${bind(at)}::timestamptz, ${bind(createdBy)}::uuid${source ? ` FROM ${source}` : ''}
         RETURNING id
       ), ${name}_entries AS (
         INSERT INTO ledger_entry (transaction_id, account, amount_czk)
         SELECT t.id, e.account, e.amount
           FROM ${name}_tx t, unnest(${bind(tx.entries.map((e) => e.account))}::text[], ${bind(tx.entries.map((e) => e.amountCzk))}::bigint[]) AS e(account, amount)
         RETURNING transaction_id
       )`;
  }
}
