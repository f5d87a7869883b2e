import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { pragueDate } from '@app/core';
import { penaltyEntries } from './domain/ledger';
import { assessDebtsPenalty, type Debt } from './domain/penalty';
import { LedgerWriter } from './ledger-writer.repository';
import { SettlementsRepository } from './settlements.repository';

/**
 * §22 for a settled grant: once everything the settlement left owing is back
 * (the unspent money, due by the contract's settlement deadline, and what the
 * review refused, due by its remedy deadline), the penalty for the late parts
 * is assessed on every return of grant money and levied (none when ≤ CZK 1,000).
 */
@Injectable()
export class SettlementPenalties {
  constructor(
    private readonly settlements: SettlementsRepository,
    private readonly ledger: LedgerWriter,
  ) {}

  async levy(manager: EntityManager, subject: { applicationId: string; callPartId: string; debts: readonly Debt[] }, now: Date, by: string): Promise<number> {
    if (subject.debts.length === 0) return 0;
    const receipts = await this.settlements.grantReturns(manager, subject.applicationId);
    const assessment = assessDebtsPenalty({ debts: subject.debts, returns: receipts, asOf: receipts.at(-1)?.receivedOn ?? pragueDate(now) });
    if (assessment.penaltyCzk === 0) return 0;
    const late = assessment.debts
      .filter((d) => d.lateCzk > 0)
      .map((d) => `${d.lateCzk} CZK ${d.kind} returned after ${d.dueOn}`)
      .join(', ');
    const tx = penaltyEntries({
      id: randomUUID(),
      occurredOn: pragueDate(now),
      reference: `§22 penalty: ${late}`.slice(0, 200),
      partId: subject.callPartId,
      applicationId: subject.applicationId,
      amountCzk: assessment.penaltyCzk,
    });
    await this.ledger.post(manager, tx, { callPartId: subject.callPartId, applicationId: subject.applicationId }, by, now);
    return assessment.penaltyCzk;
  }
}
