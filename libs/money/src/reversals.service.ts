import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate, toSafeNumber } from '@app/core';
import { checkCorrection } from './domain/correction.rules';
import { checkReversal, reversalOf, type LedgerTransaction, type MovementType } from './domain/ledger';
import { BalancesRepository } from './balances.repository';
import { LedgerWriter } from './ledger.writer';
import { MoneyRepository } from './money.repository';

export interface ReversalView {
  id: string;
  reverses: string;
  type: string;
  amountCzk: number;
  applicationId: string;
  paidCzk: number;
  returnedCzk: number;
  returnDueCzk: number;
}

/**
 * Corrections by reversal only: the Budget Department reverses a payment or a
 * return it recorded by mistake. The reversal is the same entries with the
 * signs swapped; it is refused when later movements depend on the money
 * (e.g. a payment already settled). The cached balances are then recomputed
 * from the application's ledger.
 */
@Injectable()
export class ReversalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly balances: BalancesRepository,
    private readonly ledger: LedgerWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async reverse(caller: AuthUser, transactionId: string, reason: string): Promise<ReversalView> {
    return this.dataSource.transaction(async (manager) => {
      const [found]: { application_id: string | null }[] = await manager.query('SELECT application_id FROM ledger_transaction WHERE id = $1', [transactionId]);
      if (!found?.application_id) throw new DomainError('NOT_FOUND', 'No such ledger transaction of an application.');
      const app = await this.money.lockSubject(manager, found.application_id);
      if (!app) throw new DomainError('NOT_FOUND', 'No such ledger transaction of an application.');
      const history = await this.transactionsOf(manager, app.applicationId, app.callPartId);
      const original = history.find((t) => t.id === transactionId);
      if (!original) throw new DomainError('NOT_FOUND', 'No such ledger transaction of an application.');
      const refused = checkCorrection({ type: original.type, status: app.status, settled: app.settlement !== null });
      const violations = refused.length ? refused : checkReversal(original, history);
      if (violations.length) throw DomainError.fromViolations(violations);
      const now = this.clock.now();
      const reversal = reversalOf(original, { id: randomUUID(), occurredOn: pragueDate(now), reference: `reversal: ${reason.trim()}` });
      await this.ledger.post(manager, reversal, { callPartId: app.callPartId, applicationId: app.applicationId }, caller.id, now);
      const balances = await this.recomputeCaches(manager, app.applicationId, app.callPartId, { paidCzk: app.paidCzk, returnedCzk: app.returnedCzk });
      const amountCzk = original.entries.filter((e) => e.amountCzk > 0).reduce((s, e) => s + e.amountCzk, 0);
      const view: ReversalView = { id: reversal.id, reverses: original.id, type: original.type, amountCzk, applicationId: app.applicationId, ...balances };
      await this.audit.append(manager, {
        actor: caller,
        action: 'ledger.reversed',
        entityType: 'application',
        entityId: app.applicationId,
        before: { paidCzk: app.paidCzk, returnedCzk: app.returnedCzk, returnDueCzk: app.returnDueCzk },
        after: view,
        reason: reason.trim(),
      });
      return view;
    });
  }

  /** The application's transactions plus its part's available account (commitments draw on it). */
  private async transactionsOf(manager: EntityManager, applicationId: string, partId: string): Promise<LedgerTransaction[]> {
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

  /** Cached balances of the application from its ledger; the part's gross paid / returned move by the same difference. */
  private async recomputeCaches(
    manager: EntityManager,
    applicationId: string,
    partId: string,
    before: { paidCzk: number; returnedCzk: number },
  ): Promise<{ paidCzk: number; returnedCzk: number; returnDueCzk: number }> {
    const [r]: { paid: string; returned: string; return_due: string }[] = await manager.query(
      `SELECT COALESCE(sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) IN ('paid', 'return_due', 'returned')), 0) AS paid,
              COALESCE(sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'returned'), 0) AS returned,
              COALESCE(sum(e.amount_czk) FILTER (WHERE split_part(e.account, ':', 5) = 'return_due'), 0) AS return_due
         FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id WHERE t.application_id = $1`,
      [applicationId],
    );
    const paidCzk = toSafeNumber(r.paid);
    const returnedCzk = toSafeNumber(r.returned);
    const returnDueCzk = toSafeNumber(r.return_due);
    await this.balances.recomputed(manager, applicationId, partId, before, { paidCzk, returnedCzk, returnDueCzk });
    return { paidCzk, returnedCzk, returnDueCzk };
  }
}
