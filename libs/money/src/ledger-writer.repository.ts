import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LedgerTransaction } from './domain/ledger';

export interface LedgerLinks {
  programmeId?: string | null;
  callPartId?: string | null;
  applicationId?: string | null;
}

/**
 * Posts a balanced transaction (built by the pure builders in ./domain/ledger)
 * inside the caller's transaction, in one statement. The database checks the
 * balance at commit and refuses any later change. (The decision posts its
 * commitment inside its own single statement: DecisionRepository.write.)
 */
@Injectable()
export class LedgerWriter {
  async post(manager: EntityManager, tx: LedgerTransaction, links: LedgerLinks, createdBy: string | null, at: Date): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('A ledger transaction is posted inside the transaction of its change');
    await manager.query(
      `WITH posted AS (
         INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
         VALUES ($1::uuid, $2, $3::date, $4, $5::uuid, $6::uuid, $7::uuid, $8::uuid, $9::timestamptz, $10::uuid)
         RETURNING id
       )
       INSERT INTO ledger_entry (transaction_id, account, amount_czk)
       SELECT posted.id, e.account, e.amount FROM posted, unnest($11::text[], $12::bigint[]) AS e(account, amount)`,
      [
        tx.id,
        tx.type,
        tx.occurredOn,
        tx.reference,
        tx.reverses?.id ?? null,
        links.programmeId ?? null,
        links.callPartId ?? null,
        links.applicationId ?? null,
        at,
        createdBy,
        tx.entries.map((e) => e.account),
        tx.entries.map((e) => e.amountCzk),
      ],
    );
  }
}
