import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A payment's row, beside its ledger transaction (the paid sums it moves are BalancesRepository's). */
export interface PaymentRecord {
  id: string;
  applicationId: string;
  amountCzk: number;
  paidOn: string;
  paymentReference: string;
  /** Always the contract's account. */
  bankAccount: string;
  ledgerTransactionId: string;
  at: Date;
  by: string;
}

@Injectable()
export class PaymentsRepository {
  async insert(manager: EntityManager, p: PaymentRecord): Promise<void> {
    await manager.query(
      `INSERT INTO payment (id, application_id, amount_czk, paid_on, payment_reference, bank_account, ledger_transaction_id, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [p.id, p.applicationId, p.amountCzk, p.paidOn, p.paymentReference, p.bankAccount, p.ledgerTransactionId, p.at, p.by],
    );
  }
}
