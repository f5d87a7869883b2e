import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { checkCorrection } from './domain/correction.rules';
import { balancesFrom, checkReversal, reversalOf } from './domain/ledger';
import { BalancesRepository } from './balances.repository';
import { LedgerRepository } from './ledger.repository';
import { LedgerWriter } from './ledger-writer.repository';
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
 * from the application's ledger (balancesFrom over the history the reversal
 * was judged on, plus the reversal).
 */
@Injectable()
export class ReversalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly balances: BalancesRepository,
    private readonly ledgerRows: LedgerRepository,
    private readonly ledger: LedgerWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async reverse(caller: AuthUser, transactionId: string, reason: string): Promise<ReversalView> {
    return this.dataSource.transaction(async (manager) => {
      const applicationId = await this.ledgerRows.applicationOf(manager, transactionId);
      if (!applicationId) throw new DomainError('NOT_FOUND', 'No such ledger transaction of an application.');
      const app = await this.money.lockSubject(manager, applicationId);
      if (!app) throw new DomainError('NOT_FOUND', 'No such ledger transaction of an application.');
      const history = await this.ledgerRows.transactionsOf(manager, app.applicationId, app.callPartId);
      const original = history.find((t) => t.id === transactionId);
      if (!original) throw new DomainError('NOT_FOUND', 'No such ledger transaction of an application.');
      const refused = checkCorrection({ type: original.type, status: app.status, settled: app.settlement !== null });
      const violations = refused.length ? refused : checkReversal(original, history);
      if (violations.length) throw DomainError.fromViolations(violations);
      const now = this.clock.now();
      const reversal = reversalOf(original, { id: randomUUID(), occurredOn: pragueDate(now), reference: `reversal: ${reason.trim()}` });
      await this.ledger.post(manager, reversal, { callPartId: app.callPartId, applicationId: app.applicationId }, caller.id, now);
      // The application's balances from its ledger: the history read under the lock and the reversal.
      const recomputed = balancesFrom([...history, reversal]).applications.find((a) => a.applicationId === app.applicationId);
      const balances = { paidCzk: recomputed?.paidCzk ?? 0, returnedCzk: recomputed?.returnedCzk ?? 0, returnDueCzk: recomputed?.returnDueCzk ?? 0 };
      await this.balances.recomputed(manager, app.applicationId, app.callPartId, { paidCzk: app.paidCzk, returnedCzk: app.returnedCzk }, balances);
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
}
